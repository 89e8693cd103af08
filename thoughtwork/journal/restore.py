"""Bringing a journal back from one of the backups kept beside it.

A backup is only copied over the journal once it has been opened with the person's
passphrase, so a restore can never put a damaged or foreign file in the journal's place.
Whatever was at the journal's path is kept beside it first: a restore loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from thoughtwork.journal import fileformat, files
from thoughtwork.journal.errors import JournalError, JournalNotFound, WrongPassphrase
from thoughtwork.journal.lock import JournalLock


@dataclass(frozen=True)
class Restored:
    source: Path
    """The backup the journal now holds."""
    records: int
    """How many thought records it holds."""
    kept: Path | None
    """Where the journal it replaced was kept, if there was one."""


def existing_backups(path: Path) -> list[Path]:
    """The backups beside the journal, newest first."""
    return [backup for backup in files.backup_paths(path) if backup.is_file()]


def restore(path: Path, passphrase: str | None, number: int | None = None) -> Restored:
    """Copy backup `number` (default: the newest that opens) over the journal, keeping the old file."""
    backups = existing_backups(path)
    if not backups:
        raise JournalNotFound(f"There are no backups beside {path} to restore from.")
    lock = JournalLock(path)
    lock.acquire()
    try:
        source, raw, records = _chosen(path, backups, passphrase, number)
        kept = _keep_current(path)
        files.atomic_write(path, raw)
        return Restored(source, records, kept)
    finally:
        lock.release()


def _chosen(path: Path, backups: list[Path], passphrase: str | None, number: int | None) -> tuple[Path, bytes, int]:
    if number is not None:
        wanted = path.with_name(f"{path.name}.bak{number}")
        if wanted not in backups:
            raise JournalNotFound(f"There is no backup {wanted.name} beside the journal.")
        backups = [wanted]
    problems = []
    refused = False
    for backup in backups:
        raw = backup.read_bytes()
        try:
            decoded = fileformat.decode(raw, passphrase)
        except JournalError as error:
            refused = refused or isinstance(error, WrongPassphrase)
            problems.append(f"{backup.name}: {error}")
            continue
        return backup, raw, len(decoded.tables.get("records", {}))
    # A backup that refused the passphrase would open with the right one: that is what to say,
    # whatever else is wrong with the others.
    if refused:
        raise WrongPassphrase("That passphrase does not open the backups. Nothing was changed.")
    if len(problems) == 1:
        raise JournalError(f"{problems[0]} Nothing was changed.")
    raise JournalError("None of the backups could be opened (" + "; ".join(problems) + "). Nothing was changed.")


def _keep_current(path: Path) -> Path | None:
    if not path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    kept = path.with_name(f"{path.name}.replaced-{stamp}")
    files.atomic_write(kept, path.read_bytes())
    return kept
