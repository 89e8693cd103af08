"""The journal keeps every word, leaks none, and refuses bad files with a clear error."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from thoughtwork.journal import (
    Journal,
    JournalCorrupt,
    JournalExists,
    JournalLocked,
    JournalNotFound,
    JournalTooNew,
    WrongPassphrase,
)
from thoughtwork.journal import fileformat, files, migrations
from thoughtwork.models import SCHEMA_VERSION, Assignment, Prompt, Settings, ThoughtRecord

PASS = "a long passphrase"


def record(**fields) -> ThoughtRecord:
    base = {"situation": "Dilator practice in the evening", "automatic_thought": "It will hurt every time"}
    return ThoughtRecord(**{**base, **fields})


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "private" / "journal.twj"


@pytest.fixture(params=[True, False], ids=["encrypted", "plain"])
def encrypted(request) -> bool:
    return request.param


def test_round_trip_keeps_every_field(path: Path, encrypted: bool) -> None:
    original = record(
        belief_before=80,
        anxiety_before=65,
        evidence_for=["It hurt last time"],
        evidence_against=["The smallest dilator was fine on Sunday"],
        balanced_thought="It hurt once; that does not decide every time.",
        belief_after=40,
        status="complete",
    )
    with Journal.create(path, PASS if encrypted else None, encrypted=encrypted) as journal:
        saved = journal.save(original)
    with Journal.open(path, PASS if encrypted else None) as journal:
        assert journal.records() == [saved]
        assert journal.encrypted is encrypted


def test_encrypted_file_holds_no_plaintext(path: Path) -> None:
    with Journal.create(path, PASS) as journal:
        journal.save(record(automatic_thought="Something is wrong with me, Zanzibar"))
    raw = path.read_bytes()
    assert b"Zanzibar" not in raw and b"wrong with me" not in raw
    assert b"Zanzibar" not in b"".join(p.read_bytes() for p in path.parent.iterdir() if p.is_file())


def test_update_delete_and_ordering(path: Path) -> None:
    with Journal.create(path, PASS) as journal:
        first = journal.save(record(created_at="2026-01-01T09:00:00Z"))
        second = journal.save(record(created_at="2026-02-01T09:00:00Z", automatic_thought="Second"))
        assert [r.id for r in journal.records()] == [second.id, first.id]
        journal.save(first.model_copy(update={"balanced_thought": "Edited"}))
        assert journal.get(first.id).balanced_thought == "Edited"
        assert len(journal.records()) == 2
        assert journal.delete(second.id) is True
        assert journal.delete(second.id) is False
        assert [r.id for r in journal.records()] == [first.id]


def test_assignments_and_settings_round_trip(path: Path) -> None:
    prompt = Prompt(id="p1", title="After practice", instructions="Write what went through your mind.",
                    moments=["after_dilator_practice"], steps=["situation", "automatic_thought"])
    assignment = Assignment(prompts=[prompt], start="2026-11-01", end="2026-11-30", therapist="Dr K")
    with Journal.create(path, PASS) as journal:
        journal.save_assignment(assignment)
        journal.save_settings(Settings(known_names=["Sam"], crisis_region="uk"))
    with Journal.open(path, PASS) as journal:
        assert journal.assignments() == [assignment]
        assert journal.settings().known_names == ["Sam"]


def test_file_and_folder_modes(path: Path) -> None:
    with Journal.create(path, PASS) as journal:
        journal.save(record())
    with Journal.open(path, PASS) as journal:
        journal.save(record())  # first save of a session makes a backup
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for item in path.parent.iterdir():
        assert stat.S_IMODE(item.stat().st_mode) == 0o600, item.name
    assert (path.parent / "journal.twj.bak1").exists()


def test_backups_rotate_and_stay_few(path: Path) -> None:
    Journal.create(path, PASS).close()
    for n in range(6):
        with Journal.open(path, PASS) as journal:
            journal.save(record(automatic_thought=f"thought {n}"))
    backups = sorted(p.name for p in path.parent.glob("*.bak*"))
    assert backups == ["journal.twj.bak1", "journal.twj.bak2", "journal.twj.bak3"]
    assert len(fileformat.decode((path.parent / "journal.twj.bak1").read_bytes(), PASS).tables["records"]) == 5


def test_wrong_passphrase_is_refused_and_nothing_written(path: Path) -> None:
    with Journal.create(path, PASS) as journal:
        journal.save(record())
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase, match="does not unlock"):
        Journal.open(path, "not the passphrase")
    assert path.read_bytes() == before
    with Journal.open(path, PASS):  # the failed attempt left no lock behind
        pass


def test_second_instance_is_refused(path: Path) -> None:
    journal = Journal.create(path, PASS)
    with pytest.raises(JournalLocked, match="another thoughtwork"):
        Journal.open(path, PASS)
    journal.close()
    Journal.open(path, PASS).close()


def test_create_never_overwrites(path: Path) -> None:
    Journal.create(path, PASS).close()
    with pytest.raises(JournalExists):
        Journal.create(path, PASS)


def test_missing_journal(path: Path) -> None:
    with pytest.raises(JournalNotFound, match="thoughtwork init"):
        Journal.open(path, PASS)


def test_short_passphrase_refused(path: Path) -> None:
    with pytest.raises(WrongPassphrase, match="at least"):
        Journal.create(path, "short")
    assert not path.exists()


def _journal_bytes(path: Path, encrypted: bool) -> bytes:
    with Journal.create(path, PASS if encrypted else None, encrypted=encrypted) as journal:
        journal.save(record(belief_before=50))
    return path.read_bytes()


def _damaged(raw: bytes, how: str) -> bytes:
    if how == "empty":
        return b""
    if how == "truncated":
        return raw[: len(raw) // 2]
    if how == "bitflip":
        # Flip a bit inside the payload, where the content is.
        i = raw.rindex(b'"payload"') + 30
        return raw[:i] + bytes([raw[i] ^ 0x04]) + raw[i + 1 :]
    if how == "not_utf8":
        return b"\xff\xfe" + raw
    if how == "nan":
        return raw.replace(b'"format_version":2', b'"format_version":NaN')
    if how == "duplicate_keys":
        return raw.replace(b'{"encryption"', b'{"format":"thoughtwork-journal","encryption"', 1)
    if how == "deep":
        return b"[" * 100_000 + b"]" * 100_000
    if how == "not_json":
        return b"hello, I am not a journal"
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["empty", "truncated", "bitflip", "not_utf8", "nan", "duplicate_keys", "deep", "not_json"])
def test_damaged_files_get_a_clear_error(path: Path, encrypted: bool, how: str) -> None:
    raw = _journal_bytes(path, encrypted)
    bad = _damaged(raw, how)
    path.write_bytes(bad)
    with pytest.raises(JournalCorrupt) as caught:
        Journal.open(path, PASS if encrypted else None)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 200
    assert path.read_bytes() == bad  # never "repaired" into an empty journal


def test_tampered_header_is_detected(path: Path) -> None:
    raw = _journal_bytes(path, encrypted=True)
    envelope = json.loads(raw)
    envelope["schema_version"] = SCHEMA_VERSION  # same value, but re-serialised header must still match
    envelope["encryption"]["cipher"] = "AES-256-GCM "
    path.write_bytes(json.dumps(envelope).encode())
    with pytest.raises(JournalCorrupt):
        Journal.open(path, PASS)


def test_newer_schema_is_refused_and_left_untouched(path: Path) -> None:
    raw = _journal_bytes(path, encrypted=False)
    newer = raw.replace(f'"schema_version":{SCHEMA_VERSION}'.encode(), b'"schema_version":99')
    assert newer != raw
    path.write_bytes(newer)
    with pytest.raises(JournalTooNew, match="newer"):
        Journal.open(path, None)
    assert path.read_bytes() == newer


def test_migration_runs_and_is_saved(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _journal_bytes(path, encrypted=True)

    def add_marker(tables):
        for doc in tables["records"].values():
            doc["situation"] = doc["situation"] + " (migrated)"
        return tables

    monkeypatch.setattr(migrations, "MIGRATIONS", {SCHEMA_VERSION: add_marker})
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr("thoughtwork.journal.storage.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Journal.open(path, PASS) as journal:
        assert journal.records()[0].situation.endswith("(migrated)")
    assert json.loads(path.read_bytes())["schema_version"] == SCHEMA_VERSION + 1
    assert (path.parent / "journal.twj.bak1").exists()  # the old version was kept first


def test_a_version_1_journal_opens_and_keeps_its_study_pseudonym(path: Path) -> None:
    """The real 1 -> 2 step: a journal written by the first release, settings and all."""
    tables = {"records": {"1": record().model_dump(mode="json")}, "assignments": {},
              "settings": {"1": {"study_pseudonym": "tw-0123456789ab", "known_names": ["Sam"]}}}
    files.ensure_private_dir(path.parent)
    files.atomic_write(path, fileformat.encode(tables, 1, None))
    with Journal.open(path, None) as journal:
        settings = journal.settings()
        assert settings.study_pseudonym == "tw-0123456789ab" and settings.study_pseudonyms == {}
        assert len(journal.records()) == 1
    assert json.loads(path.read_bytes())["schema_version"] == SCHEMA_VERSION


def test_passphrase_change_rewraps_journal_and_backups(path: Path) -> None:
    with Journal.create(path, PASS) as journal:
        journal.save(record())
    with Journal.open(path, PASS) as journal:
        journal.save(record())
        journal.change_passphrase("a brand new phrase")
    with pytest.raises(WrongPassphrase):
        Journal.open(path, PASS)
    with Journal.open(path, "a brand new phrase") as journal:
        assert len(journal.records()) == 2
        assert all(state == "readable" for _, state in journal.backup_status())
    for backup in path.parent.glob("*.bak*"):
        with pytest.raises(WrongPassphrase):
            fileformat.decode(backup.read_bytes(), PASS)


def test_failed_save_leaves_old_journal_and_memory_consistent(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Journal.create(path, PASS) as journal:
        journal.save(record(automatic_thought="kept"))
        before = path.read_bytes()

        def disk_full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("thoughtwork.journal.files.os.replace", disk_full)
        with pytest.raises(OSError):
            journal.save(record(automatic_thought="lost"))
        monkeypatch.undo()
        assert path.read_bytes() == before
        assert [r.automatic_thought for r in journal.records()] == ["kept"]
    assert not list(path.parent.glob(".*.tmp"))


def _key_section_edited(path: Path, **kdf: object) -> None:
    envelope = json.loads(path.read_bytes())
    envelope["encryption"]["kdf"].update(kdf)
    path.write_bytes(json.dumps(envelope).encode())


@pytest.mark.parametrize(
    "edit",
    [{"memory_kib": 4 * 1024 * 1024}, {"iterations": 64}, {"salt": "AAAAAAAAAAAAAAAAAAAAAA=="}],
    ids=["memory", "iterations", "salt"],
)
def test_an_edited_key_section_is_damage_not_a_wrong_passphrase(path: Path, edit, monkeypatch) -> None:
    """It read as "wrong passphrase" (and an edited memory cost could take all the memory to find out)."""
    _journal_bytes(path, encrypted=True)
    _key_section_edited(path, **edit)
    derived = []
    monkeypatch.setattr(fileformat.crypto.KdfParams, "derive", lambda self, passphrase: derived.append(1) or b"x" * 32)
    with pytest.raises(JournalCorrupt, match="key section was changed"):
        Journal.open(path, PASS)
    assert derived == []  # refused before any key was derived


def test_a_wrong_passphrase_is_still_a_wrong_passphrase(path: Path) -> None:
    _journal_bytes(path, encrypted=True)
    with pytest.raises(WrongPassphrase):
        Journal.open(path, "not the passphrase")


def test_a_key_section_without_its_check_is_refused_in_format_2(path: Path) -> None:
    _journal_bytes(path, encrypted=True)
    envelope = json.loads(path.read_bytes())
    del envelope["encryption"]["check"]
    path.write_bytes(json.dumps(envelope).encode())
    with pytest.raises(JournalCorrupt, match="key section"):
        Journal.open(path, PASS)


def _format_1_journal(path: Path) -> None:
    """A journal as thoughtwork wrote it before format 2: no check in the key section."""
    from thoughtwork.journal import crypto
    from thoughtwork.journal.strictjson import dumps_canonical

    data_key = crypto.new_data_key()
    block = crypto.KeyBlock.wrap(data_key, PASS).model_copy(update={"check": None})
    tables = {"records": {"1": record(belief_before=40).model_dump(mode="json")}, "settings": {}, "assignments": {}}
    header = {"format": "thoughtwork-journal", "format_version": 1, "schema_version": SCHEMA_VERSION}
    header["encryption"] = block.model_dump(exclude_none=True)
    nonce, ciphertext = crypto.seal(data_key, dumps_canonical(tables), dumps_canonical(header))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dumps_canonical({**header, "nonce": nonce, "payload": ciphertext}))


def test_a_format_1_journal_opens_and_gains_its_check_on_the_next_save(path: Path) -> None:
    _format_1_journal(path)
    with Journal.open(path, PASS) as journal:
        assert [r.belief_before for r in journal.records()] == [40]
        journal.save(record(belief_before=60))
    envelope = json.loads(path.read_bytes())
    assert envelope["format_version"] == fileformat.FORMAT_VERSION == 2
    assert envelope["encryption"]["check"]
    with Journal.open(path, PASS) as journal:
        assert sorted(r.belief_before for r in journal.records()) == [40, 60]
    with pytest.raises(WrongPassphrase):
        Journal.open(path, "not the passphrase")
