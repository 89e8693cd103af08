"""The practice ladder from the command line: a person defines a ladder, logs practices,
compares what they expected with what happened, plans rewards and starts linked records."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoughtwork.cli.main import main
from thoughtwork.journal import Journal

PASS = "a long passphrase"


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "journal.twj"
    monkeypatch.setenv("THOUGHTWORK_JOURNAL", str(path))
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", PASS)
    assert main(["init"]) == 0
    return path


def out(capsys: pytest.CaptureFixture) -> str:
    return capsys.readouterr().out


def test_a_ladder_from_the_suggested_steps_then_made_ones_own(journal: Path, capsys) -> None:
    assert main(["ladder", "show"]) == 0
    assert "no steps yet" in out(capsys)
    assert main(["ladder", "start"]) == 0
    assert main(["ladder", "add", "Dilator in the bath", "--at", "8"]) == 0
    assert "Added step 8: Dilator in the bath." in out(capsys)
    assert main(["ladder", "rename", "1", "Looking"]) == 0
    assert main(["ladder", "move", "8", "--to", "2"]) == 0
    assert main(["ladder", "remove", "3"]) == 0
    assert main(["ladder", "current", "2"]) == 0
    assert "Go at your own pace" in out(capsys)
    assert main(["ladder", "show"]) == 0
    lines = out(capsys).splitlines()
    assert lines[0] == "   1. Looking"
    assert lines[1] == "\u25b6  2. Dilator in the bath"
    assert "Touching the outside" not in "\n".join(lines)
    assert main(["ladder", "start"]) == 1  # an existing ladder is never replaced by surprise
    with Journal.open(journal, PASS) as j:
        assert j.ladder().current.title == "Dilator in the bath"


def test_logging_before_and_after_shows_the_gap_and_the_reward(journal: Path, capsys) -> None:
    main(["ladder", "start"])
    assert main(["ladder", "reward", "A long bath with my book", "--when", "first"]) == 0
    assert main(["ladder", "reward", "Cinema", "--when", "practices:2"]) == 0
    out(capsys)
    assert main(["practice", "log", "--expect-pain", "80", "--expect-anxiety", "70", "--relaxed", "40",
                 "--motivation", "60", "--where", "bedroom", "--thought", "It will hurt like last time"]) == 0
    said = out(capsys)
    assert "Logged practice 1 at Looking, with a mirror." in said
    assert "thoughtwork practice update 1" in said and "thoughtwork practice record 1" in said
    assert "You planned to celebrate with: A long bath with my book" in said
    assert main(["practice", "update", "1", "--pain", "30", "--anxiety", "40", "--how-far", "whole",
                 "--helped", "breathing, lubricant", "--feelings", "relieved"]) == 0
    said = out(capsys)
    assert "Pain: you expected 80, it was 30." in said and "Anxiety: you expected 70, it was 40." in said
    assert main(["practice", "log", "--step", "2", "--expect-pain", "20", "--pain", "40", "--how-far", "prepared"]) == 0
    said = out(capsys)
    assert "harder than you expected" in said and "Cinema" in said
    assert main(["practice", "compare"]) == 0
    said = out(capsys)
    assert "Pain: on average you expected 50 and it was 35; easier than expected 1 of 2 times." in said
    assert main(["practice", "list"]) == 0
    said = out(capsys)
    assert "pain 80\u219230" in said and "i got ready and chose to stop there" in said
    assert main(["ladder", "reward"]) == 0
    assert said.count("reached") == 0 and out(capsys).count("reached") == 2
    with Journal.open(journal, PASS) as j:
        first = j.practices()[0]
        assert [h.value for h in first.helpers] == ["breathing", "lubricant"] and first.where == "bedroom"


def test_start_a_record_from_a_practice_links_both_ways(journal: Path, capsys) -> None:
    main(["practice", "log", "--thought", "Something is wrong with me"])
    assert main(["practice", "record", "1"]) == 0
    assert "linked to the practice" in out(capsys)
    with Journal.open(journal, PASS) as j:
        practice = j.practices()[0]
        record = j.get(practice.record_ids[0])
        assert record.practice_id == practice.id and record.automatic_thought == "Something is wrong with me"
    assert main(["practice", "log"]) == 0
    assert main(["practice", "record", "2"]) == 1
    assert "no loudest thought" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["practice", "log", "--at", "yesterday"], "not a date and time"),
        (["practice", "log", "--at", "2999-01-01T10:00"], "in the future"),
        (["practice", "log", "--helped", "hugs"], "'hugs' is not one of"),
        (["practice", "log", "--step", "4"], "no steps yet"),
        (["practice", "update", "7", "--pain", "3"], "No practices"),
        (["practice", "log", "--where", "x" * 500], "where: is too long"),
        (["ladder", "add", "   "], "needs a name"),
        (["ladder", "reward", "cake", "--when", "streak:x"], "whole number"),
        (["ladder", "reward", "cake", "--when", "sometime"], "--when must be"),
        (["ladder", "current", "1"], "no steps yet"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_nothing_changes(journal: Path, capsys, argv, problem) -> None:
    before = journal.read_bytes()
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1
    assert journal.read_bytes() == before


def test_a_rating_out_of_range_is_refused_before_the_journal_is_opened(journal: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["practice", "log", "--pain", "120"])
    assert stopped.value.code == 2
    assert "must be a whole number from 0 to 100" in capsys.readouterr().err


def test_user_text_is_shown_without_its_control_sequences(journal: Path, capsys) -> None:
    main(["ladder", "add", "Step \x1b]0;pwned\x07one [b]bold[/b]"])
    main(["ladder", "show"])
    shown = out(capsys)
    assert "\x1b" not in shown and "\x07" not in shown and "[b]bold[/b]" in shown


def test_the_practice_files_lint(tmp_path: Path, capsys) -> None:
    assert main(["practice", "lint"]) == 0
    bad = tmp_path / "ladder.toml"
    bad.write_text('[[step]]\nid = "x"\n', encoding="utf-8")
    assert main(["practice", "lint", str(bad)]) == 1
    assert f"{bad}:1: step 'x': 'title' is missing" in out(capsys)


def test_the_schema_of_a_practice_is_printed(capsys) -> None:
    assert main(["schema", "practice"]) == 0
    assert "predicted_pain" in out(capsys)
