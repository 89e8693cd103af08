"""Homework as files: `homework assign` writes a bundle, `homework import` adds it, `homework list` follows it."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from thoughtwork.cli.main import main
from thoughtwork.homework.bundle import BundleError, checksum, dump_bundle, load_bundle
from thoughtwork.journal import Journal
from thoughtwork.models import ThoughtRecord

PASS = "a long passphrase"
FIXTURES = Path(__file__).parent / "data" / "prompts_fixture"


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.twj"
    monkeypatch.setenv("THOUGHTWORK_JOURNAL", str(path))
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", PASS)
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    return path


def assign(tmp_path: Path, *extra: str, out: str = "hw.json") -> tuple[int, Path]:
    target = tmp_path / out
    code = main(["homework", "assign", "fixture.before_practice", "fixture.evening",
                 "--prompts", str(FIXTURES), "--to", str(target), *extra])
    return code, target


def stored(path: Path) -> list:
    with Journal.open(path, PASS) as j:
        return j.assignments()


def test_assign_writes_a_private_bundle_with_embedded_prompts(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The bundle carries the prompts themselves, so the patient needs nothing else."""
    code, target = assign(tmp_path, "--cadence", "3x-week", "--note", "Go gently", "--from", "Dr Ada")
    assert code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "thoughtwork-homework" and document["version"] == 1
    a = load_bundle(target.read_bytes())
    assert [p.id for p in a.prompts] == ["fixture.before_practice", "fixture.evening"]
    assert a.prompts[0].instructions.startswith("Before you begin")
    assert (a.cadence.times_per_week, a.note, a.therapist) == (3, "Go gently", "Dr Ada")
    assert a.start == date.today() and a.end == date.today() + timedelta(weeks=4)
    assert document["sha256"] == checksum(a)
    assert "homework import" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--cadence", "hourly"], "cadence"),
        (["--start", "2026-02-30"], "not a date"),
        (["--start", "2026-12-10", "--end", "2026-12-01"], "before the start"),
    ],
)
def test_assign_refuses_bad_choices_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture, args: list, words: str) -> None:
    code, target = assign(tmp_path, *args)
    err = capsys.readouterr().err
    assert code == 1 and words in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_assign_refuses_an_unknown_prompt(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "hw.json"
    code = main(["homework", "assign", "fixture.evening", "no.such.prompt", "--prompts", str(FIXTURES), "--to", str(target)])
    assert code == 1
    assert "no.such.prompt" in capsys.readouterr().err
    assert not target.exists()


def test_import_adds_once_and_list_shows_progress(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Importing twice keeps one copy; a linked record shows up in `homework list`."""
    _, bundle = assign(tmp_path, "--cadence", "daily", "--from", "Dr Ada")
    capsys.readouterr()
    assert main(["homework", "import", str(bundle)]) == 0
    assert "Added to your journal" in capsys.readouterr().out
    assert main(["homework", "import", str(bundle)]) == 0
    assert "already in your journal" in capsys.readouterr().out
    [a] = stored(journal)
    with Journal.open(journal, PASS) as j:
        j.save(ThoughtRecord(situation="practice", automatic_thought="it will hurt", assignment_id=a.id,
                             prompt_id="fixture.evening"))
    assert main(["homework", "list"]) == 0
    out = capsys.readouterr().out
    assert "Done 1 of 1 times planned so far (29 in all); today 1 of 1." in out
    assert "Evening reflection: 1 record, last done 20" in out
    assert "Before dilator practice: 0 records, not done yet" in out
    assert "from Dr Ada" in out


def _document(tmp_path: Path) -> dict:
    _, bundle = assign(tmp_path)
    return json.loads(bundle.read_text(encoding="utf-8"))


def _bad_bundles(tmp_path: Path) -> dict[str, bytes]:
    good = _document(tmp_path)
    tampered = json.loads(json.dumps(good))
    tampered["assignment"]["note"] = "changed on the way"
    newer = dict(good, version=2)
    other = dict(good, format="something-else")
    no_sum = {k: v for k, v in good.items() if k != "sha256"}
    bad_date = json.loads(json.dumps(good))
    bad_date["assignment"]["start"] = "yesterday"
    return {
        "tampered": json.dumps(tampered).encode(),
        "newer": json.dumps(newer).encode(),
        "other format": json.dumps(other).encode(),
        "no checksum": json.dumps(no_sum).encode(),
        "bad date": json.dumps(bad_date).encode(),
        "garbage": b"\x00\xffnot json at all",
        "nan": json.dumps(good).replace('"version": 1', '"version": NaN').encode(),
        "duplicate key": json.dumps(good).replace('"version": 1', '"version": 1, "version": 1').encode(),
        "deep": b"[" * 10_000 + b"]" * 10_000,
        "huge": b" " * (3 * 1024 * 1024) + json.dumps(good).encode(),
        "array": b"[]",
    }


def test_bad_bundles_are_refused_in_one_line_and_change_nothing(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    expected_words = {
        "tampered": "checksum", "newer": "newer thoughtwork", "other format": "not a thoughtwork homework bundle",
        "no checksum": "checksum", "bad date": "start", "garbage": "not a homework bundle", "nan": "NaN",
        "duplicate key": "twice", "deep": "nested", "huge": "too big", "array": "not a thoughtwork homework bundle",
    }
    before = journal.read_bytes()
    for name, data in _bad_bundles(tmp_path).items():
        path = tmp_path / f"bad-{name.replace(' ', '-')}.json"
        path.write_bytes(data)
        capsys.readouterr()
        assert main(["homework", "import", str(path)]) == 1, name
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, name
        assert expected_words[name] in err, (name, err)
    assert journal.read_bytes() == before
    assert stored(journal) == []


def test_a_reserialised_bundle_still_matches_its_checksum(tmp_path: Path) -> None:
    """The checksum is over canonical JSON, so re-indenting the file does not break it."""
    document = _document(tmp_path)
    pretty = json.dumps(document, indent=8, sort_keys=True).encode()
    assert load_bundle(pretty).id == document["assignment"]["id"]
    with pytest.raises(BundleError):
        load_bundle(pretty.replace(b"Evening reflection", b"Evening reflectioN"))


def test_dump_and_load_round_trip(tmp_path: Path) -> None:
    a = load_bundle(assign(tmp_path, "--note", "<script>alert(1)</script> [b]x[/b] \u00e9")[1].read_bytes())
    assert load_bundle(dump_bundle(a)) == a
    assert a.note == "<script>alert(1)</script> [b]x[/b] \u00e9"


def test_importing_past_homework_says_nothing_is_due(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _, bundle = assign(tmp_path, "--start", "2020-01-01", "--end", "2020-01-31")
    capsys.readouterr()
    assert main(["homework", "import", str(bundle)]) == 0
    assert "already passed" in capsys.readouterr().out
    assert len(stored(journal)) == 1
