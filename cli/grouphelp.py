"""What ``fagui --help`` prints, as click renders it for a terminal of 80
columns or more, so that :mod:`cli.start` can print it without importing
click. ``tests/test_cli_start.py`` fails when it differs from what click
renders from :data:`cli.main.main` (and shows the text to put here)."""

GROUP_HELP = """\
Usage: fagui [OPTIONS] [COMMAND] [ARGS]...

  Track Chinese regulations article by article: ingest, store, compare,
  report.

  Examples:
    fagui report -o report       # each text against the texts it implements; open report/index.html
    fagui diff national/counterespionage-security-provisions jiangxi/counterespionage-work-regulations
    fagui show jilin/counterespionage-work-provisions@2025-06-01 --article 三

  Run fagui COMMAND --help for a command's options and examples.

Options:
  --version   Show the version and exit.
  -h, --help  Show this message and exit.

Commands:
  report              Compare each text with the higher-level texts it
                      implements, as a static site.
  impact              Show which provincial articles to review after a
                      national text changed.
  diff                Compare two regulation texts article by article.
  ingest              Turn a raw regulation text into canonical Markdown.
  check               Check that files are in canonical form.
  show                Print a regulation, or one article of it, as text.
  init                Make a new corpus: a git repository with texts/.
  add                 Ingest raw texts and commit each as a version of a
                      regulation.
  log                 List the versions of a regulation, newest first.
  history             Show every version in which one article was added,
                      changed or deleted.
  link                Confirm, reject and list article links; decisions are
                      committed to the corpus.
  review              Summarise the regulation changes in a commit range, for
                      a pull request.
  install-git-driver  Make git diff print article-level changes for texts/.
  git-diff            The external diff git runs for texts/**/*.md (see
                      install-git-driver).
"""
