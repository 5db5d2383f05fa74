"""`python -m kashf.cli.run` — the CLI with its error handler, for environments without the script."""

from kashf.cli import main

if __name__ == "__main__":
    main()
