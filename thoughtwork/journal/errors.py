"""What can go wrong with a journal, each as one sentence a person can act on."""

from __future__ import annotations


class JournalError(Exception):
    """Base of every journal problem; str() is a friendly sentence, never journal text."""


class JournalNotFound(JournalError):
    pass


class JournalExists(JournalError):
    pass


class WrongPassphrase(JournalError):
    pass


class JournalLocked(JournalError):
    pass


class JournalCorrupt(JournalError):
    pass


class JournalTooNew(JournalError):
    pass
