"""``python -m decaudit``: the ``decaudit`` command line."""

from decaudit.cli.main import main

if __name__ == "__main__":
    main()
