"""The journal: the one door to stored records (TinyDB on an atomic, encrypted storage)."""

from thoughtwork.journal.errors import (
    JournalCorrupt,
    JournalError,
    JournalExists,
    JournalLocked,
    JournalNotFound,
    JournalTooNew,
    WrongPassphrase,
)
from thoughtwork.journal.journal import Journal

__all__ = [
    "Journal",
    "JournalCorrupt",
    "JournalError",
    "JournalExists",
    "JournalLocked",
    "JournalNotFound",
    "JournalTooNew",
    "WrongPassphrase",
]
