"""A TinyDB storage that keeps the tables in memory and saves them encrypted and atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from thoughtwork.journal import fileformat, files
from thoughtwork.journal.fileformat import Keys, Tables
from thoughtwork.models import SCHEMA_VERSION


class JournalStorage(Storage):
    """Holds the decrypted tables for the session; every write is one atomic encrypted save.

    TinyDB reads before every query; decrypting the file each time would cost a KDF-free
    but still full AES pass, so reads come from memory. If a save fails the in-memory copy
    is rolled back, so memory never claims something the disk does not hold.
    """

    def __init__(self, path: Path, tables: Tables, keys: Keys | None, backed_up: bool = False) -> None:
        self.path = path
        self.keys = keys
        self._tables = tables
        self._backed_up = backed_up

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.save(data)

    def save(self, data: Tables, keys: Keys | None = None) -> None:
        keys = keys if keys is not None else self.keys
        encoded = fileformat.encode(data, SCHEMA_VERSION, keys)
        try:
            self._backup_once()
            files.atomic_write(self.path, encoded)
        except BaseException:
            self._tables = self._reload()
            raise
        self._tables = data
        self.keys = keys

    def _backup_once(self) -> None:
        """The first save of a session keeps the journal as it was, in rotating .bak files."""
        if self._backed_up or not self.path.exists():
            return
        files.rotate_backups(self.path, self.path.read_bytes())
        self._backed_up = True

    def _reload(self) -> Tables:
        try:
            return fileformat.decode(self.path.read_bytes(), keys=self.keys).tables
        except Exception:  # noqa: BLE001 - keep whatever we had rather than lose it
            return self._tables

    def close(self) -> None:
        self._tables = {}
