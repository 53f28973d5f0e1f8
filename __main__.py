"""``python -m engram``: the command line."""

from engram.tools.cli import main

main()
