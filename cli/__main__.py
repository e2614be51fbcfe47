"""python -m cli: the fagui command."""

from cli.main import main

main()
