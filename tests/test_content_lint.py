"""Loading and linting content files: every problem has a file and a line a clinician can jump to."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from thoughtwork.content import (
    ContentError,
    lint_prompts,
    lint_reframes,
    load_prompts,
    load_reframes,
)

BAD = Path(__file__).parent / "data" / "content_bad"


def where(problems):
    """(file name, line) of each problem."""
    return [(p.file.name, p.line) for p in problems]


def messages(problems, name):
    return [p.message for p in problems if p.file.name == name]


@pytest.fixture(scope="module")
def bad_reframes():
    return lint_reframes(BAD / "reframes")


def test_syntax_error_carries_tomllibs_line(bad_reframes):
    assert ("syntax.toml", 5) in where(bad_reframes)
    assert any("not valid TOML" in m for m in messages(bad_reframes, "syntax.toml"))


def test_unknown_distortion_and_theme_point_at_their_lines(bad_reframes):
    assert where([p for p in bad_reframes if p.file.name == "unknown_ids.toml"]) == [
        ("unknown_ids.toml", 5), ("unknown_ids.toml", 13)]
    found = messages(bad_reframes, "unknown_ids.toml")
    assert "'fortune_teling' is not a known distortion id" in found[0]
    assert "'sex' is not a known theme" in found[1]


def test_missing_basis_points_at_the_second_tables_header(bad_reframes):
    assert where([p for p in bad_reframes if p.file.name == "missing_basis.toml"]) == [("missing_basis.toml", 10)]
    assert "source or the CBT technique" in messages(bad_reframes, "missing_basis.toml")[0]


def test_duplicate_ids_across_files_name_both_places(bad_reframes):
    dup = [p for p in bad_reframes if p.file.name == "duplicate_b.toml"]
    assert where(dup) == [("duplicate_b.toml", 4)]
    assert "already used at" in dup[0].message and "duplicate_a.toml:1" in dup[0].message


def test_promises_and_non_questions_are_refused(bad_reframes):
    found = messages(bad_reframes, "promise.toml")
    assert any("'will be fine' promises an outcome" in m for m in found)
    assert any("'guaranteed' promises an outcome" in m for m in found)
    assert any("question mark" in m for m in found)


def test_unknown_field_and_wrong_table(bad_reframes):
    assert where([p for p in bad_reframes if p.file.name == "unknown_field.toml"]) == [
        ("unknown_field.toml", 7), ("unknown_field.toml", 9)]
    assert "'sorce' is not a field" in messages(bad_reframes, "unknown_field.toml")[0]


def test_problem_prints_as_file_colon_line(bad_reframes):
    text = str(next(p for p in bad_reframes if p.file.name == "missing_basis.toml"))
    assert text.startswith(str(BAD / "reframes" / "missing_basis.toml") + ":10: ")


def test_loading_raises_the_first_problem_as_one_line():
    with pytest.raises(ContentError) as caught:
        load_reframes(BAD / "reframes" / "unknown_ids.toml")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(BAD / "reframes" / "unknown_ids.toml") + ":5: ")


def test_missing_path_is_a_problem_not_a_crash(tmp_path):
    problems = lint_reframes(tmp_path / "nowhere")
    assert len(problems) == 1 and "no such file" in problems[0].message
    with pytest.raises(ContentError):
        load_prompts(tmp_path / "nowhere")


def test_bad_prompts_each_have_their_line():
    problems = lint_prompts(BAD / "prompts")
    assert where(problems) == [("bad_prompts.toml", 8), ("bad_prompts.toml", 11),
                               ("bad_prompts.toml", 22), ("bad_prompts.toml", 32)]
    assert "'during_lunch' is not a known moment" in problems[0].message
    assert "'title' is missing" in problems[1].message


def test_header_inside_a_multiline_string_is_not_a_table(tmp_path):
    path = tmp_path / "multi.toml"
    path.write_text(
        '[[reframe]]\nid = "a.one"\nthemes = ["pain"]\ntext = """A long text\n[[reframe]]\nthat mentions a header."""\n'
        'questions = ["Why?"]\ntechnique = "examining the evidence"\n\n[[reframe]]\nid = "a.two"\nthemes = ["sex"]\n'
        'text = "Second reframe here."\nquestions = ["Why?"]\ntechnique = "examining the evidence"\n',
        encoding="utf-8",
    )
    assert where(lint_reframes(path)) == [("multi.toml", 12)]


def test_not_utf8_is_reported(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('[[reframe]]\nid = "x"\ntext = "caf\xe9"\n'.encode("latin-1"))
    assert "not UTF-8" in lint_reframes(path)[0].message


def test_folder_and_file_paths_both_work_and_are_cached_until_edited(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    source = Path(__file__).parent.parent / "reframes" / "distortions" / "blaming.toml"
    shutil.copy(source, folder / "blaming.toml")
    first = load_reframes(folder)
    assert load_reframes(folder / "blaming.toml") == first
    assert load_reframes([folder]) == first
    # An edit (new mtime) must be seen, not served from the cache.
    path = folder / "blaming.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('id = "bl.upbringing"', 'id = "bl.renamed"'),
                    encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "bl.renamed" in {r.id for r in load_reframes(folder)}


def test_environment_variable_picks_another_library(tmp_path, monkeypatch):
    path = tmp_path / "mine.toml"
    path.write_text('[[prompt]]\nid = "mine.one"\ntitle = "My own prompt"\ninstructions = "Write the thought down."\n'
                    'moments = ["any_time"]\nsteps = ["automatic_thought"]\n', encoding="utf-8")
    monkeypatch.setenv("THOUGHTWORK_PROMPTS", str(tmp_path))
    assert [p.id for p in load_prompts()] == ["mine.one"]


CLASH = '''[[prompt]]
id = "daily.evening-reflection"
title = "My evening check-in"
instructions = "Write one thought from today, gently."
moments = ["evening_reflection"]
steps = ["situation"]

[[prompt]]
id = "Riverside Check-in"
title = "Ok"
instructions = "short"
moments = []
steps = ["situation"]
'''


def test_a_therapists_prompt_file_is_told_about_clashes_with_built_in_ids_in_plain_words(tmp_path, capsys):
    from thoughtwork.cli.main import main

    mine = tmp_path / "mine.toml"
    mine.write_text(CLASH)
    problems = lint_prompts([mine])
    found = [p.message for p in problems]
    assert problems[0].line == 2
    assert "'daily.evening-reflection' is already a built-in prompt's (daily.toml:" in found[0]
    rest = " ".join(found[1:])
    assert "may use only lowercase letters, digits and the signs . _ - (no spaces)" in rest
    assert "too short (at least 10 characters)" in rest and "needs at least 1 item" in rest
    assert "should" not in rest.lower().replace("should end", "")  # no raw pydantic "String should match..."
    assert main(["prompts", "lint", str(mine)]) == 1
    assert "already a built-in prompt's" in capsys.readouterr().out
    # The built-in library itself is not told it clashes with itself.
    assert lint_prompts() == [] and lint_reframes() == []


def test_a_reframe_file_that_reuses_a_built_in_id_is_reported(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[[reframe]]\nid = "general.friend"\ndistortions = ["labeling"]\n'
                    'text = "What would you say to a friend?"\ntechnique = "double standard"\n')
    assert [(p.line, "already a built-in reframe's" in p.message) for p in lint_reframes([mine])] == [(2, True)]
