"""The journal commands as a person uses them: init, import, export, verify, passwd, schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from thoughtwork.cli.main import main

PASS = "a long passphrase"

LINES = [
    {"situation": "Before dilator practice", "context": "dilator_practice", "automatic_thought": "It will hurt every time",
     "belief_before": 80, "anxiety_before": 70, "created_at": "2026-11-01T10:00:00+00:00"},
    {"situation": "After a kiss", "automatic_thought": "They must think I'm broken", "evidence_for": ["I stopped"],
     "evidence_against": ["They said they love me"], "balanced_thought": "I can't read their mind.",
     "belief_after": 30, "anxiety_after": 20, "created_at": "2026-11-02T21:30:00+01:00"},
    {"situation": "Thinking", "automatic_thought": "Nothing [b]works[/b] \u001b]0;title\u0007"},
]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    journal = tmp_path / "data" / "journal.twj"
    monkeypatch.setenv("THOUGHTWORK_JOURNAL", str(journal))
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", PASS)
    assert main(["init"]) == 0
    return tmp_path


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_import_then_export_gives_the_records_back(env: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["journal", "import", str(write_jsonl(env / "in.jsonl", LINES))]) == 0
    assert "Imported 3 records" in capsys.readouterr().out
    assert main(["journal", "export", "--out", str(env / "out.jsonl")]) == 0
    exported = [json.loads(line) for line in (env / "out.jsonl").read_text().splitlines()]
    assert len(exported) == 3
    for original in LINES:
        match = next(e for e in exported if e["automatic_thought"] == original["automatic_thought"])
        for key, value in original.items():
            if key == "created_at":
                continue
            assert match[key] == value, key
    assert exported[1]["status"] == "complete" and exported[0]["status"] == "draft"
    # The backup imports into a fresh journal and exports byte for byte the same.
    second = env / "second.twj"
    assert main(["--journal", str(second), "init"]) == 0
    assert main(["--journal", str(second), "journal", "import", str(env / "out.jsonl")]) == 0
    assert main(["--journal", str(second), "journal", "export", "--out", str(env / "again.jsonl")]) == 0
    assert (env / "again.jsonl").read_bytes() == (env / "out.jsonl").read_bytes()


def test_practices_and_the_records_started_from_them_make_the_round_trip(env: Path, capsys) -> None:
    """The export held records alone, so a moved journal lost the practice ladder's diary."""
    from thoughtwork.journal import Journal
    from thoughtwork.models import HowFar, PracticeEntry
    from thoughtwork.practice.linking import start_record

    with Journal.open(env / "data" / "journal.twj", PASS) as journal:
        practice = journal.save_practice(PracticeEntry(step_title="Dilator size 1", predicted_pain=70, actual_pain=30,
                                                       how_far=HowFar.whole, loudest_thought="It will hurt", note="Went slowly"))
        practice, record = start_record(journal, practice)
        journal.save_practice(PracticeEntry(step_title="Fingertip", predicted_anxiety=60))
    assert main(["journal", "export", "--out", str(env / "out.jsonl")]) == 0
    assert "Wrote 1 record and 2 practices" in capsys.readouterr().err
    lines = [json.loads(line) for line in (env / "out.jsonl").read_text().splitlines()]
    assert [line.get("kind") for line in lines] == [None, "practice", "practice"]

    second = env / "second.twj"
    assert main(["--journal", str(second), "init"]) == 0
    assert main(["--journal", str(second), "journal", "import", "--no-analyse", str(env / "out.jsonl")]) == 0
    assert capsys.readouterr().out.strip().endswith("\nImported 1 record. Imported 2 practices.")
    with Journal.open(second, PASS) as journal:
        assert journal.get_practice(practice.id).record_ids == [record.id]
        assert journal.get(record.id).practice_id == practice.id
        assert journal.get_practice(practice.id).note == "Went slowly"
    assert main(["--journal", str(second), "journal", "export", "--out", str(env / "again.jsonl")]) == 0
    assert (env / "again.jsonl").read_bytes() == (env / "out.jsonl").read_bytes()
    # Importing it again adds nothing twice.
    assert main(["--journal", str(second), "journal", "import", str(env / "out.jsonl")]) == 0
    assert "Imported 0 practices. 2 already in your journal were left as they are." in capsys.readouterr().out


def test_an_export_from_before_practices_still_imports(env: Path, capsys) -> None:
    assert main(["journal", "import", str(write_jsonl(env / "old.jsonl", LINES[:2]))]) == 0
    assert capsys.readouterr().out.strip() == "Imported 2 records."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"kind": "ladder", "steps": []}', "line 2: kind is 'ladder'"),
        ('{"kind": "practice", "predicted_pain": 140}', "line 2: predicted_pain"),
        ('{"situation": "a", "automatic_thought": "b", "belief_before": 150}', "line 2: belief_before"),
        ('{"situation": "a", "automatic_thought": "b", "anxiety_before": NaN}', "line 2: it contains NaN"),
        ('{"situation": "a", "situation": "b", "automatic_thought": "b"}', "appears twice"),
        ('{"situation": "a"', "line 2: it is not valid JSON"),
        ('[1, 2, 3]', "one JSON object"),
        ('{"situation": "a", "automatic_thought": "b", "mood": "x"}', "mood: is not a field"),
        ('{"situation": "a", "automatic_thought": "b", "created_at": "yesterday"}', "created_at"),
        ('{"situation": "a", "automatic_thought": "b", "context": "moon"}', "context"),
        ('{"situation": "only a situation"}', "automatic_thought is missing"),
        ("[" * 5000 + "]" * 5000, "nested"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_imported(env: Path, capsys, line: str, expected: str) -> None:
    path = write_jsonl(env / "bad.jsonl", [LINES[0], line, LINES[1]])
    assert main(["journal", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "nothing was imported" in err
    assert err.count("\n") == 1
    main(["journal", "export"])
    assert capsys.readouterr().out == ""


def test_every_bad_line_is_listed_at_once(env: Path, capsys) -> None:
    """A file with several mistakes should not need one attempt per mistake."""
    rows = [LINES[0], "{not json", LINES[1], '{"situation": "a", "automatic_thought": "b", "belief_before": 300}',
            '{"situation": "x\u001b[2Jy", "automatic_thought": "b", "context": "moon"}']
    assert main(["journal", "import", str(write_jsonl(env / "bad.jsonl", rows))]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0].strip() for line in err[:3]] == ["line 2", "line 4", "line 5"]
    assert err[3] == "thoughtwork: 3 lines have problems (listed above); nothing was imported."
    assert "\x1b" not in "".join(err)
    main(["journal", "export"])
    assert capsys.readouterr().out == ""


def test_non_utf8_and_missing_files(env: Path, capsys) -> None:
    bad = env / "latin1.jsonl"
    bad.write_bytes('{"situation": "caf\u00e9", "automatic_thought": "b"}\n'.encode("latin-1"))
    assert main(["journal", "import", str(bad)]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["journal", "import", str(env / "nope.jsonl")]) == 1
    assert "no file" in capsys.readouterr().err


def test_wrong_passphrase_is_one_line(env: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", "wrong but long")
    assert main(["journal", "verify"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("thoughtwork: That passphrase does not unlock") and err.count("\n") == 1


def test_verify_and_passwd(env: Path, capsys, monkeypatch) -> None:
    main(["journal", "import", str(write_jsonl(env / "in.jsonl", LINES))])
    assert main(["journal", "verify"]) == 0
    assert "3 records" in capsys.readouterr().out
    monkeypatch.setenv("THOUGHTWORK_NEW_PASSPHRASE", "the new phrase")
    assert main(["journal", "passwd"]) == 0
    assert main(["journal", "verify"]) == 1  # the old passphrase no longer works
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", "the new phrase")
    assert main(["journal", "verify"]) == 0


def test_init_unencrypted_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "plain.twj"
    assert main(["--journal", str(path), "init", "--no-encryption"]) == 0
    assert json.loads(path.read_bytes())["encryption"] is None
    assert main(["--journal", str(path), "init", "--no-encryption"]) == 1
    assert "already exists" in capsys.readouterr().err


def test_no_passphrase_without_a_terminal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("THOUGHTWORK_PASSPHRASE", raising=False)
    result = subprocess.run(
        [sys.executable, "-m", "thoughtwork.cli.main", "--journal", str(tmp_path / "j.twj"), "init"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "thoughtwork: No passphrase given: set THOUGHTWORK_PASSPHRASE or run this in a terminal."
    assert not (tmp_path / "j.twj").exists()


def test_schema_prints_json_schema(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"situation", "automatic_thought", "belief_before", "created_at"} <= set(schema["properties"])


def test_import_suggests_traps_for_records_that_have_none(env: Path, capsys) -> None:
    path = write_jsonl(env / "in.jsonl", [LINES[0]])
    assert main(["journal", "import", str(path)]) == 0
    capsys.readouterr()
    main(["journal", "export"])
    exported = json.loads(capsys.readouterr().out)
    found = {d["id"]: d for d in exported["distortions"]}
    assert "fortune_telling" in found and found["fortune_telling"]["status"] == "suggested"
    assert any("every time" in e["text"] for d in found.values() for e in d["evidence"])


def test_import_without_analysis_keeps_records_as_given(env: Path, capsys) -> None:
    path = write_jsonl(env / "in.jsonl", [LINES[0]])
    assert main(["journal", "import", "--no-analyse", str(path)]) == 0
    capsys.readouterr()
    main(["journal", "export"])
    assert json.loads(capsys.readouterr().out)["distortions"] == []


def test_a_missing_journal_with_backups_is_restored_not_replaced(env: Path, capsys) -> None:
    """Deleting the journal by mistake must not let `init` start over and rotate the backups away."""
    journal = env / "data" / "journal.twj"
    main(["journal", "import", str(write_jsonl(env / "in.jsonl", LINES))])
    main(["journal", "import", str(write_jsonl(env / "more.jsonl", [{"situation": "s", "automatic_thought": "t"}]))])
    journal.unlink()
    capsys.readouterr()
    assert main(["journal", "verify"]) == 1
    assert "journal restore" in capsys.readouterr().err
    assert main(["init"]) == 1
    assert "backups of one are beside it" in capsys.readouterr().err
    assert not journal.exists()
    assert main(["journal", "restore"]) == 0
    assert "from journal.twj.bak1 (3 records)" in capsys.readouterr().out
    assert main(["journal", "verify"]) == 0
    assert "3 records" in capsys.readouterr().out


def test_restore_keeps_the_replaced_journal_and_refuses_a_wrong_passphrase(env: Path, capsys, monkeypatch) -> None:
    journal = env / "data" / "journal.twj"
    main(["journal", "import", str(write_jsonl(env / "in.jsonl", LINES))])
    before = journal.read_bytes()
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", "wrong but long")
    assert main(["journal", "restore", "--backup", "1"]) == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert journal.read_bytes() == before
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", PASS)
    assert main(["journal", "restore", "--backup", "2"]) == 1
    assert "no backup journal.twj.bak2" in capsys.readouterr().err
    assert main(["journal", "restore"]) == 0
    kept = list(journal.parent.glob("journal.twj.replaced-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    assert kept[0].stat().st_mode & 0o777 == 0o600


def test_verify_fails_when_a_backup_is_damaged(env: Path, capsys) -> None:
    main(["journal", "import", str(write_jsonl(env / "in.jsonl", LINES))])
    backup = env / "data" / "journal.twj.bak1"
    backup.write_bytes(backup.read_bytes()[:-40])
    capsys.readouterr()
    assert main(["journal", "verify"]) == 1
    captured = capsys.readouterr()
    assert "journal.twj.bak1: The journal file is damaged" in captured.out
    assert "Your journal is whole, but journal.twj.bak1 could not be opened" in captured.err


def test_passwd_without_a_terminal_names_the_new_passphrase_variable(env: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "thoughtwork.cli.main", "journal", "passwd"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert "set THOUGHTWORK_NEW_PASSPHRASE" in result.stderr


@pytest.mark.parametrize("command", [
    ["journal", "export", "--out", "{out}"],
    ["report", "--out", "{out}"],
    ["homework", "assign", "daily.morning-check-in", "--to", "{out}"],
])
def test_output_files_are_never_replaced_without_force(env: Path, capsys, command: list) -> None:
    out = env / "existing.html"  # a name the report accepts (it refuses names that are not .html or .md)
    out.write_text("keep me")
    args = [part.replace("{out}", str(out)) for part in command]
    assert main(args) == 1
    assert "already exists and was left as it is" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert main([*args, "--force"]) == 0
    assert out.read_text() != "keep me"
    assert out.stat().st_mode & 0o777 == 0o600
