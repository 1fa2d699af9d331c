"""``python -m coach`` and the ``coach`` command: hands the arguments to ``coach.cli.main``."""

from coach.cli.main import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
