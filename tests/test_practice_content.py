"""The clinician-editable practice files: the suggested ladder and the guided exercises."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoughtwork.content.problems import ContentError
from thoughtwork.practice.content import lint_practice, load_default_steps, load_exercises


def test_the_shipped_files_are_clean_and_load() -> None:
    assert lint_practice() == []
    steps = load_default_steps()
    assert len(steps) >= 10 and len({s.id for s in steps}) == len(steps)
    exercises = {e.id: e for e in load_exercises()}
    assert {"pmr", "pelvic-floor-drop"} <= set(exercises)
    for exercise in exercises.values():
        assert exercise.source or exercise.technique
        assert 30 <= exercise.seconds <= 600  # a few minutes, paced
    assert any("push" in e.intro.lower() for e in exercises.values())  # the drop warns against bearing down


def test_a_clinicians_own_files_are_checked_line_by_line(tmp_path: Path) -> None:
    ladder = tmp_path / "ladder.toml"
    ladder.write_text('[[step]]\nid = "one"\ntitle = "One"\n\n[[step]]\nid = "Two Words"\ntitle = "Two"\ncolour = "red"\n',
                      encoding="utf-8")
    exercises = tmp_path / "exercises.toml"
    exercises.write_text(
        '[[exercise]]\nid = "tight"\ntitle = "Only tensing"\nintro = "This one only tenses, never lets go."\n'
        'technique = "none"\ncues = [ { text = "Tense", seconds = 5, kind = "tense" } ]\n\n'
        '[[exercise]]\nid = "fast"\ntitle = "Too fast"\nintro = "Cues that are far too short to follow."\n'
        'technique = "none"\ncues = [ { text = "Go", seconds = 0.5 } ]\n',
        encoding="utf-8",
    )
    problems = [str(p) for p in lint_practice([tmp_path])]
    assert any(p.startswith(f"{exercises}:6:") and "never lets them go" in p for p in problems), problems
    assert any(p.startswith(f"{exercises}:13:") and "cues" in p for p in problems), problems
    assert any(p.startswith(f"{ladder}:6:") and "id:" in p for p in problems), problems
    assert any(p.startswith(f"{ladder}:8:") and "'colour' is not a field" in p for p in problems), problems
    with pytest.raises(ContentError, match=r"ladder.toml:6"):
        load_default_steps(ladder)


def test_an_id_that_clashes_with_a_built_in_one_is_named_in_plain_words(tmp_path: Path) -> None:
    mine = tmp_path / "clinic.toml"
    mine.write_text('[[step]]\nid = "look"\ntitle = "Our looking step"\n\n[[step]]\nid = "Our Step"\ntitle = "Ours"\n',
                    encoding="utf-8")
    ours = tmp_path / "our_exercises.toml"
    ours.write_text('[[exercise]]\nid = "pmr"\ntitle = "Our relaxation"\nintro = "A gentle relaxation of our own."\n'
                    'technique = "none"\ncues = [ { text = "Breathe out slowly", seconds = 5, kind = "hold" } ]\n',
                    encoding="utf-8")
    problems = [str(p) for p in lint_practice([tmp_path])]
    assert any(p.startswith(f"{mine}:2:") and "the id 'look' is already a built-in step's (ladder.toml:" in p
               and "'yourclinic.look'" in p for p in problems), problems
    assert any(p.startswith(f"{ours}:2:") and "the id 'pmr' is already a built-in exercise's" in p for p in problems)
    assert any(p.startswith(f"{mine}:6:") and "may use only lowercase letters" in p for p in problems), problems
    assert any(p.startswith(f"{ours}:") and "should be one of tense, release" in p for p in problems), problems
    assert not any("should match pattern" in p for p in problems), problems
    assert lint_practice() == []  # the shipped files are not compared with themselves


def test_a_broken_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "ladder.toml"
    bad.write_text("[[step]\nid = ", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_default_steps(bad)
    assert "\n" not in str(error.value) and "not valid TOML" in str(error.value)
