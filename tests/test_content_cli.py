"""The content commands as a person uses them: reframes lint|for, prompts lint|list|show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thoughtwork.cli import content_commands
from thoughtwork.cli.main import main
from thoughtwork.models import Analysis, DistortionMatch

BAD = Path(__file__).parent / "data" / "content_bad"


def test_reframes_lint_shipped_library(capsys):
    assert main(["reframes", "lint"]) == 0
    out = capsys.readouterr().out.strip()
    found = re.fullmatch(r"(\d+) reframes in \d+ files look good\.", out)
    assert found and int(found.group(1)) >= 130, out


def test_prompts_lint_shipped_library(capsys):
    assert main(["prompts", "lint"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.endswith("files look good.") and " prompts in " in out


def test_lint_lists_problems_and_exits_one(capsys):
    assert main(["reframes", "lint", str(BAD / "reframes" / "missing_basis.toml")]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith(str(BAD / "reframes" / "missing_basis.toml") + ":10: ")
    assert lines[-1] == "1 problem found."


def test_prompts_lint_bad_file(capsys):
    assert main(["prompts", "lint", str(BAD / "prompts")]) == 1
    assert "bad_prompts.toml:8: " in capsys.readouterr().out


def test_prompts_list_shows_id_title_and_moments(capsys):
    assert main(["prompts", "list"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("dilator.before "))
    assert "Before dilator practice" in line and "(before_dilator_practice)" in line
    assert len(out.splitlines()) >= 12


def test_prompts_show(capsys):
    assert main(["prompts", "show", "medical.before-appointment"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Preparing for a gynaecological appointment\n")
    assert "steps: situation \u2192 emotions" in out and "Questions:" in out


def test_prompts_show_unknown_id_is_one_plain_line(capsys):
    assert main(["prompts", "show", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("thoughtwork: There is no prompt with the id 'nope'") and err.count("\n") == 1


def test_therapist_prompts_join_the_library(tmp_path, capsys):
    mine = tmp_path / "mine.toml"
    mine.write_text('[[prompt]]\nid = "clinic.tea"\ntitle = "Tea and a thought"\ninstructions = "Make tea; note the thought."\n'
                    'moments = ["any_time"]\nsteps = ["automatic_thought"]\n', encoding="utf-8")
    assert main(["prompts", "list", "--from", str(mine)]) == 0
    out = capsys.readouterr().out
    assert "clinic.tea" in out and "dilator.before" in out
    assert main(["prompts", "show", "clinic.tea", "--from", str(mine)]) == 0


def test_a_broken_therapist_file_is_one_line(tmp_path, capsys):
    mine = tmp_path / "mine.toml"
    mine.write_text('[[prompt]]\nid = "clinic.x"\n', encoding="utf-8")
    assert main(["prompts", "list", "--from", str(mine)]) == 1
    err = capsys.readouterr().err
    assert f"{mine}:1: prompt 'clinic.x': 'title' is missing" in err and err.count("\n") == 1


def test_reframes_for_prints_reframes_with_why(monkeypatch, capsys):
    fake = Analysis(text="It will hurt every time", distortions=[DistortionMatch(id="fortune_telling", score=0.9)],
                    themes=["pain"])
    monkeypatch.setattr(content_commands, "_analyse", lambda text: fake)
    assert main(["reframes", "for", "It will hurt every time"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Thinking traps: fortune telling (0.90); themes: pain")
    assert out.count("   Because ") == 3
    assert "   Because you wrote \u2018hurt\u2019; it sounds like fortune telling; it is about pain.\n" in out
    assert "\n1. " in out and "\n3. " in out and "\n4. " not in out
    assert "basis: " in out


def test_reframes_for_empty_text_is_refused(capsys):
    assert main(["reframes", "for", "   "]) == 1
    assert capsys.readouterr().err.startswith("thoughtwork: Write the thought in quotes")


def test_reframes_for_with_the_real_analyser(capsys):
    """End to end: the language pipeline's reading feeds the ranking (no network, no model download)."""
    assert main(["reframes", "for", "It will hurt every time", "--count", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Thinking traps: ")
    assert out.count("   Because ") == 2


def test_reframes_for_a_thought_of_self_harm_points_to_help_first(monkeypatch, capsys):
    fake = Analysis(text="...", mentions_self_harm=True)
    monkeypatch.setattr(content_commands, "_analyse", lambda text: fake)
    assert main(["reframes", "for", "a thought"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(content_commands.SAFETY_NOTE)


def test_reframes_for_self_harm_offers_crisis_lines_and_no_reframe(capsys):
    """No reframe disputes a thought of self-harm: the crisis lines of the region, and a word on why."""
    text = "sometimes I think everyone would be better off without me and I want to hurt myself"
    assert main(["reframes", "for", text, "--region", "uk"]) == 0
    out = capsys.readouterr().out
    assert "Samaritans" in out and content_commands.NO_REFRAMES_NOTE in out
    assert "\n1. " not in out and "Because" not in out


def test_reframes_for_reads_the_context(capsys):
    assert main(["reframes", "for", "It will hurt every time", "--context", "dilator"]) == 0
    assert "about: pain, dilator practice" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:
        main(["reframes", "for", "x", "--context", "nowhere"])
    assert stopped.value.code == 2 and "is not a context" in capsys.readouterr().err
