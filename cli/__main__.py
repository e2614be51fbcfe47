"""python -m cli: the fagui command."""

from cli.start import main

main()
