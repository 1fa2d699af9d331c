"""Opens a database as whoever runs it and prints what happened, as JSON (for permission tests
that must run as an ordinary user: root ignores file permissions)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from coach.store.errors import StoreError
from coach.store.opening import open_store


def main() -> None:
    opened = open_store(Path(sys.argv[1]))
    save_error = ""
    try:
        opened.store.set_setting("probe", "1")
    except StoreError as error:
        save_error = str(error)
    print(
        json.dumps(
            {
                "persistent": opened.store.persistent,
                "problem": opened.problem or "",
                "interviews": [i.company for i in opened.store.interviews()],
                "save_error": save_error,
            }
        )
    )


if __name__ == "__main__":
    main()
