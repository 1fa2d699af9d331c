"""Crash-safe file primitives: atomic replace, a cross-process lock, and keeping bad files aside.

Nothing here knows about TinyDB or the app; ``coach.store.json_storage`` and
``coach.store.opening`` build the database on top.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

PRIVATE_FILE = 0o600
"""Interview notes are personal: only the owner may read or write the files."""
PRIVATE_DIR = 0o700

TEMP_MARK = ".tmp-"
"""Temp files are named ``.<name>.tmp-<pid>-<n>`` so a later run can find leftovers of a kill."""


def ensure_private_dir(folder: Path, *, tighten: bool) -> None:
    """Create ``folder`` (and parents) as 0700 if missing.

    Args:
        folder: The folder that will hold the database.
        tighten: Also chmod an existing folder to 0700. True for coach's own data folder;
            False for a folder the user chose, which may be shared with other things of theirs.
    """
    existed = folder.is_dir()
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if not existed or tighten:
        # mkdir's mode is masked by the umask; chmod makes it exact.
        folder.chmod(PRIVATE_DIR)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries so a rename inside it survives a power cut."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders; the rename is still atomic.
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_counter = 0


def _temp_for(path: Path) -> Path:
    global _counter
    _counter += 1
    return path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{_counter}")


def _write_temp(temp: Path, data: bytes) -> None:
    """Write ``data`` to the new file ``temp`` (0600), flushed to the disk."""
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def atomic_write(
    path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never half.

    The bytes go to a temp file in the same folder (created 0600), which is flushed and fsynced,
    then renamed over ``path`` with ``os.replace``; the folder is fsynced so the rename is durable.
    On any error the temp file is removed and ``path`` is untouched.

    Args:
        path: The file to replace (or create).
        data: Its new content.
        before_replace: Called last thing before the rename, when the data is safely on the
            disk; whatever it raises cancels the write (``path`` is left as it is).

    Raises:
        OSError: The write failed (disk full, read-only folder, ...). ``path`` is unchanged.
    """
    temp = _temp_for(path)
    try:
        _write_temp(temp, data)
        if before_replace is not None:
            before_replace()
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def disk_full(error: OSError) -> bool:
    """Whether ``error`` says there is no room for the file (a full disk, a quota, a file-size
    limit): the fix is space, not permissions."""
    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def check_writable(folder: Path) -> None:
    """Create and delete a temp file in ``folder``: the honest test of "can we save here".

    Raises:
        OSError: The folder cannot take new files (read-only, full, not ours).
    """
    probe = folder / f".coach-probe{TEMP_MARK}{os.getpid()}"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    os.close(fd)
    probe.unlink()


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete temp files a killed writer left beside ``path``. Call only while holding the lock.

    Returns:
        The files removed.
    """
    removed = []
    for leftover in path.parent.glob(f".{path.name}{TEMP_MARK}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


_STAMP = "%Y%m%d-%H%M%S"
"""The time in the name of a copy set aside: ``coach.json.corrupt-20261121-204700``."""


def _aside(path: Path, reason: str, stamp: str, n: int) -> Path:
    return path.with_name(f"{path.name}.{reason}-{stamp}" + (f"-{n}" if n else ""))


def keep_copy(path: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy ``path`` to a new, timestamped file beside it; never overwrites an existing file.

    If the newest copy kept for the same ``reason`` already holds these very bytes, that copy
    is the answer and no other is made: a file from a newer coach is left as it is, and every
    ``coach history`` on it made one more full copy.

    Args:
        path: The file to preserve.
        reason: A word for the name, e.g. "corrupt" or "schema1".
        now: The time for the name (injectable for tests).

    Returns:
        The path of the copy, e.g. ``coach.json.corrupt-20261121-204700``.

    Raises:
        OSError: The copy could not be made (say, the disk is full); no part of it is left.
    """
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    data = path.read_bytes()
    same = _newest_copy(path, reason)
    with contextlib.suppress(OSError):  # an unreadable copy is no reason not to make one
        if same is not None and same.stat().st_size == len(data) and same.read_bytes() == data:
            return same
    for n in range(1000):
        copy = _aside(path, reason, stamp, n)
        try:
            # O_EXCL: an earlier copy with the same name is never overwritten.
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            # A disk that filled up mid-copy leaves a short copy that looks like a good one:
            # remove it, so the only copy of the data stays the original.
            with contextlib.suppress(OSError):
                copy.unlink()
            raise
        fsync_dir(path.parent)
        return copy
    raise FileExistsError(f"could not find a free name for a copy of {path}")


def is_kept_copy(name: str, of: str) -> bool:
    """Whether the file ``name`` is a copy of the file named ``of`` that coach set aside
    (``keep_copy``: ``coach.json.corrupt-20261121-204700``, ``coach.json.schema1-...``)."""
    pattern = re.escape(of) + r"\.[a-z][a-z0-9-]*-\d{8}-\d{6}(?:-\d+)?"
    return re.fullmatch(pattern, name) is not None


def kept_copies(path: Path) -> list[Path]:
    """The copies of ``path`` that coach set aside beside it, oldest first (by the time each
    was written: a name's time is only to the second, and says nothing of a clock set back)."""
    found: list[tuple[float, str]] = []
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if is_kept_copy(entry.name, path.name):
                with contextlib.suppress(OSError):
                    found.append((entry.stat(follow_symlinks=False).st_mtime, entry.name))
    return [path.with_name(name) for _, name in sorted(found)]


def write_aside(path: Path, reason: str, data: bytes, now: datetime | None = None) -> Path:
    """Write ``data`` to a new timestamped file beside ``path`` (``<name>.<reason>-<time>``):
    atomically, 0600, and never over an existing file.

    Returns:
        The file written.

    Raises:
        OSError: It could not be written; nothing of it is left.
    """
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    temp = _temp_for(path)
    try:
        _write_temp(temp, data)
        for n in range(1000):
            new = _aside(path, reason, stamp, n)
            try:
                # A hard link appears whole, and never replaces a file already there.
                os.link(temp, new)
            except FileExistsError:
                continue
            except OSError:
                # A file system without hard links (FAT, some network shares): a rename, to a
                # name just seen free.
                if os.path.lexists(new):
                    continue
                temp.replace(new)
            fsync_dir(path.parent)
            return new
        raise FileExistsError(f"could not find a free name beside {path}")
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _newest_copy(path: Path, reason: str) -> Path | None:
    """The copy of ``path`` kept last for ``reason`` (by its time of writing), if any."""
    prefix = f"{path.name}.{reason}-"
    copies = []
    for entry in os.scandir(path.parent):
        if entry.name.startswith(prefix) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                copies.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.name))
    return path.with_name(max(copies)[1]) if copies else None


class LockTimeout(OSError):
    """Another process held the database lock for longer than we were willing to wait."""


class FileLock:
    """An exclusive advisory lock on ``<path>.lock`` shared by every coach process.

    It is held only for the instant of a write (and while opening), so two coach windows on one
    database both work: each re-reads the file under the lock before it writes.
    On platforms without ``fcntl`` (Windows) it does nothing.
    """

    def __init__(self, path: Path, timeout: float = 10.0) -> None:
        self.path = path.with_name(path.name + ".lock")
        self.timeout = timeout
        self._fd: int | None = None
        self._depth = 0

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the duration of the ``with`` block (re-entrant within a process)."""
        self._acquire()
        try:
            yield
        finally:
            self._release()

    def _acquire(self) -> None:
        self._depth += 1
        if self._depth > 1:
            return
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError:
            self._depth -= 1
            raise
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    self._depth -= 1
                    raise LockTimeout(
                        f"another coach process kept {self.path} locked for over "
                        f"{self.timeout:.0f} seconds"
                    ) from None
                time.sleep(0.005)
        self._fd = fd

    def _release(self) -> None:
        self._depth -= 1
        if self._depth or self._fd is None:
            return
        import fcntl

        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None
