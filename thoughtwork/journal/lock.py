"""One thoughtwork at a time per journal: a second instance is refused, not allowed to race."""

from __future__ import annotations

import os
from pathlib import Path

from thoughtwork.journal.errors import JournalLocked
from thoughtwork.journal.files import PRIVATE_FILE

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class JournalLock:
    """An exclusive advisory lock on `<journal>.lock`, released on close or when the process dies."""

    def __init__(self, journal: Path) -> None:
        self.path = journal.with_name(journal.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise JournalLocked(
                    "This journal is open in another thoughtwork window. Please close that one first."
                ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
