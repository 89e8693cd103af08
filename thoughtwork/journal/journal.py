"""The journal: the only door to the person's records, assignments and settings.

Everything is stored through TinyDB on a `JournalStorage`, so each change is one atomic,
encrypted save. Callers speak the pydantic models; documents never leave this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import Query, TinyDB

from thoughtwork.journal import crypto, fileformat, files, migrations
from thoughtwork.journal.errors import (
    JournalCorrupt,
    JournalError,
    JournalExists,
    JournalNotFound,
    WrongPassphrase,
)
from thoughtwork.journal.fileformat import Keys, Tables
from thoughtwork.journal.lock import JournalLock
from thoughtwork.journal.storage import JournalStorage
from thoughtwork.models import (
    SCHEMA_VERSION,
    Assignment,
    Ladder,
    PracticeEntry,
    Settings,
    ThoughtRecord,
    friendly_error,
    now,
)

RECORDS = "records"
ASSIGNMENTS = "assignments"
SETTINGS = "settings"
LADDER = "ladder"
PRACTICES = "practices"


class Journal:
    """An open, locked journal. Use `Journal.create` or `Journal.open`, and `close()` when done."""

    def __init__(self, path: Path, tables: Tables, keys: Keys | None, lock: JournalLock, *, needs_save: bool) -> None:
        self.path = path
        self._lock = lock
        self._storage = JournalStorage(path, tables, keys)
        self._db = TinyDB(storage=lambda: self._storage)
        if needs_save:
            self._storage.save(self._storage.read() or {})

    # --- opening and closing ---------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, passphrase: str | None, *, encrypted: bool = True) -> "Journal":
        """Make a new, empty journal (its folder 0700, the file 0600) and open it."""
        path = Path(path)
        if path.exists():
            raise JournalExists(f"A journal already exists at {path}; it was left as it is.")
        if any(backup.is_file() for backup in files.backup_paths(path)):
            # A journal that went missing must not be replaced: three saves would rotate its
            # backups away. Starting afresh means moving the backups aside on purpose.
            raise JournalExists(
                f"There is no journal at {path}, but backups of one are beside it. Bring it back with: "
                "thoughtwork journal restore (to start a new journal instead, move the .bak files elsewhere first)."
            )
        if encrypted:
            if passphrase is None or len(passphrase) < crypto.MIN_PASSPHRASE:
                raise WrongPassphrase(f"Please choose a passphrase of at least {crypto.MIN_PASSPHRASE} characters.")
            data_key = crypto.new_data_key()
            keys: Keys | None = Keys(crypto.KeyBlock.wrap(data_key, passphrase), data_key)
        else:
            keys = None
        files.ensure_private_dir(path.parent)
        lock = _locked(path)
        try:
            if path.exists():  # someone created it while we took the lock
                raise JournalExists(f"A journal already exists at {path}; it was left as it is.")
            return cls(path, {RECORDS: {}, ASSIGNMENTS: {}, SETTINGS: {}, LADDER: {}, PRACTICES: {}}, keys, lock, needs_save=True)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: str | Path, passphrase: str | None) -> "Journal":
        """Unlock an existing journal. Wrong passphrase, damage or a newer version: a clear error, nothing written."""
        path = Path(path)
        if not path.exists():
            raise JournalNotFound(_missing(path))
        lock = _locked(path)
        try:
            files.remove_stale_temps(path)
            decoded = fileformat.decode(_read(path), passphrase)
            tables, migrated = migrations.migrate(decoded.tables, decoded.schema_version)
            return cls(path, tables, decoded.keys, lock, needs_save=migrated)
        except BaseException:
            lock.release()
            raise

    @staticmethod
    def needs_passphrase(path: str | Path) -> bool:
        """Whether the journal at `path` is encrypted (reads only the header)."""
        return fileformat.is_encrypted(fileformat.read_header(_read(Path(path))))

    def close(self) -> None:
        self._db.close()
        self._lock.release()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def encrypted(self) -> bool:
        return self._storage.keys is not None

    # --- thought records ------------------------------------------------------------

    def records(self) -> list[ThoughtRecord]:
        """Every record, newest first (records made in the same second: last added first)."""
        return list(reversed(self._in_order()))

    def records_oldest_first(self) -> list[ThoughtRecord]:
        return self._in_order()

    def _in_order(self) -> list[ThoughtRecord]:
        docs = sorted(self._db.table(RECORDS).all(), key=lambda d: d.doc_id)
        records = [_record(doc) for doc in docs]
        return sorted(records, key=lambda r: r.created_at)

    def get(self, record_id: str) -> ThoughtRecord | None:
        doc = self._db.table(RECORDS).get(Query().id == record_id)
        return _record(doc) if doc is not None else None

    def save(self, record: ThoughtRecord) -> ThoughtRecord:
        """Insert or update a record by id, stamping `updated_at`; one atomic save."""
        record = record.model_copy(update={"updated_at": max(now(), record.created_at)})
        self._upsert(RECORDS, record.model_dump(mode="json"))
        return record

    def _upsert(self, table_name: str, doc: dict[str, Any]) -> None:
        """Replace the document with the same id, or add it; one atomic save either way."""
        table = self._db.table(table_name)
        if table.contains(Query().id == doc["id"]):
            table.update(_replace_with(doc), Query().id == doc["id"])
        else:
            table.insert(doc)

    def add_many(self, records: list[ThoughtRecord]) -> int:
        """Add new records in one atomic save (ids already present are refused by the caller)."""
        return self._insert_all(RECORDS, records)

    def ids(self) -> set[str]:
        return self._ids(RECORDS)

    def _insert_all(self, table_name: str, items: list) -> int:
        if items:
            self._db.table(table_name).insert_multiple(item.model_dump(mode="json") for item in items)
        return len(items)

    def _ids(self, table_name: str) -> set[str]:
        return {doc.get("id") for doc in self._db.table(table_name).all()}

    def delete(self, record_id: str) -> bool:
        return bool(self._db.table(RECORDS).remove(Query().id == record_id))

    # --- homework assignments -------------------------------------------------------

    def assignments(self) -> list[Assignment]:
        items = [_model(Assignment, doc, "assignment") for doc in self._db.table(ASSIGNMENTS).all()]
        return sorted(items, key=lambda a: (a.start, a.created_at))

    def get_assignment(self, assignment_id: str) -> Assignment | None:
        doc = self._db.table(ASSIGNMENTS).get(Query().id == assignment_id)
        return _model(Assignment, doc, "assignment") if doc is not None else None

    def save_assignment(self, assignment: Assignment) -> Assignment:
        self._upsert(ASSIGNMENTS, assignment.model_dump(mode="json"))
        return assignment

    def delete_assignment(self, assignment_id: str) -> bool:
        return bool(self._db.table(ASSIGNMENTS).remove(Query().id == assignment_id))

    # --- settings -----------------------------------------------------------------

    def settings(self) -> Settings:
        return self._single(SETTINGS, Settings, "settings")

    def save_settings(self, settings: Settings) -> Settings:
        self._save_single(SETTINGS, settings)
        return settings

    def _single(self, table_name: str, model, what: str):  # noqa: ANN001, ANN202
        """The one document of a one-document table (settings, the ladder), or the model's defaults."""
        docs = self._db.table(table_name).all()
        return _model(model, docs[0], what) if docs else model()

    def _save_single(self, table_name: str, item) -> None:  # noqa: ANN001
        table = self._db.table(table_name)
        doc = item.model_dump(mode="json")
        if len(table):
            table.update(_replace_with(doc))
        else:
            table.insert(doc)

    # --- the practice ladder and practices ----------------------------------------

    def ladder(self) -> Ladder:
        return self._single(LADDER, Ladder, "ladder")

    def save_ladder(self, ladder: Ladder) -> Ladder:
        self._save_single(LADDER, ladder)
        return ladder

    def practices(self) -> list[PracticeEntry]:
        """Every practice, oldest first by when it was practised."""
        docs = sorted(self._db.table(PRACTICES).all(), key=lambda d: d.doc_id)
        items = [_model(PracticeEntry, doc, "practice") for doc in docs]
        return sorted(items, key=lambda p: p.practised_at)

    def get_practice(self, practice_id: str) -> PracticeEntry | None:
        doc = self._db.table(PRACTICES).get(Query().id == practice_id)
        return _model(PracticeEntry, doc, "practice") if doc is not None else None

    def save_practice(self, practice: PracticeEntry) -> PracticeEntry:
        """Insert or update a practice by id, stamping `updated_at`; one atomic save."""
        practice = practice.model_copy(update={"updated_at": max(now(), practice.created_at)})
        self._upsert(PRACTICES, practice.model_dump(mode="json"))
        return practice

    def add_practices(self, practices: list[PracticeEntry]) -> int:
        """Add new practices in one atomic save (ids already present are refused by the caller)."""
        return self._insert_all(PRACTICES, practices)

    def practice_ids(self) -> set[str]:
        return self._ids(PRACTICES)

    def delete_practice(self, practice_id: str) -> bool:
        return bool(self._db.table(PRACTICES).remove(Query().id == practice_id))

    # --- keys and checks ------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the data key under a new passphrase, in the journal and in its backups."""
        if not self.encrypted:
            raise WrongPassphrase("This journal is not encrypted, so it has no passphrase to change.")
        if len(new_passphrase) < crypto.MIN_PASSPHRASE:
            raise WrongPassphrase(f"Please choose a passphrase of at least {crypto.MIN_PASSPHRASE} characters.")
        old = self._storage.keys
        assert old is not None
        new = Keys(crypto.KeyBlock.wrap(old.data_key, new_passphrase), old.data_key)
        self._storage.save(self._storage.read() or {}, keys=new)
        # Backups wrapped under the old passphrase would still open with it: rewrap them too.
        for backup in files.backup_paths(self.path):
            if backup.exists():
                try:
                    decoded = fileformat.decode(backup.read_bytes(), keys=old)
                except Exception:  # noqa: BLE001 - an unreadable backup is removed rather than left under the old key
                    backup.unlink()
                    continue
                files.atomic_write(backup, fileformat.encode(decoded.tables, decoded.schema_version, new))

    def verify(self) -> list[str]:
        """Problems found when every stored item is validated; empty when all is well."""
        problems = []
        checked = ((RECORDS, ThoughtRecord), (ASSIGNMENTS, Assignment), (SETTINGS, Settings), (LADDER, Ladder), (PRACTICES, PracticeEntry))
        for name, model in checked:
            for doc in self._db.table(name).all():
                try:
                    model.model_validate(dict(doc))
                except ValidationError as error:
                    problems.append(f"{name} item {doc.doc_id}: {friendly_error(error)}")
        return problems

    def backup_status(self) -> list[tuple[str, str]]:
        """Each backup beside the journal and whether it opens with this journal's key."""
        status = []
        for backup in files.backup_paths(self.path):
            if backup.exists():
                try:
                    fileformat.decode(backup.read_bytes(), keys=self._storage.keys)
                    status.append((backup.name, "readable"))
                except JournalError as error:
                    status.append((backup.name, str(error)))
        return status

    def counts(self) -> dict[str, Any]:
        return {
            "records": len(self._db.table(RECORDS)),
            "assignments": len(self._db.table(ASSIGNMENTS)),
            "practices": len(self._db.table(PRACTICES)),
            "encrypted": self.encrypted,
            "schema_version": SCHEMA_VERSION,
        }


def _locked(path: Path) -> JournalLock:
    lock = JournalLock(path)
    lock.acquire()
    return lock


def _missing(path: Path) -> str:
    if any(backup.is_file() for backup in files.backup_paths(path)):
        return f"There is no journal at {path}, but backups of one are beside it. Bring it back with: thoughtwork journal restore"
    return f"There is no journal at {path} yet. Create one with: thoughtwork init"


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise JournalNotFound(_missing(path)) from None
    except IsADirectoryError:
        raise JournalCorrupt(f"{path} is a folder, not a journal file.") from None
    except PermissionError:
        raise JournalCorrupt(f"thoughtwork is not allowed to read {path}.") from None


def _replace_with(doc: dict[str, Any]):  # noqa: ANN202
    """A TinyDB update that makes the stored document exactly `doc` (dropping removed fields)."""

    def transform(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return transform


def _record(doc: dict[str, Any]) -> ThoughtRecord:
    return _model(ThoughtRecord, doc, "record")


def _model(model, doc, what):  # noqa: ANN001, ANN202
    try:
        return model.model_validate(dict(doc))
    except ValidationError as error:
        raise JournalCorrupt(
            f"A stored {what} is not valid ({friendly_error(error)}); run 'thoughtwork journal verify'."
        ) from None
