"""The shipped reframe and prompt libraries: they load, lint clean, and cover what the issue asks."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from thoughtwork.content import (
    find_prompt,
    lint_prompts,
    lint_reframes,
    load_prompts,
    load_reframes,
)
from thoughtwork.content.reframes import GENERAL_PREFIX, promises_in
from thoughtwork.locations import prompts_directory, reframes_directory
from thoughtwork.models import DistortionId, Moment, Theme

SOURCES = ("van Lankveld et al. 2006", "ter Kuile et al. 2007", "ter Kuile et al. 2013",
           "Pacik and Geletta 2017", "Reissing et al. 2004", "DSM-5")


@pytest.fixture(scope="module")
def reframes():
    return load_reframes()


@pytest.fixture(scope="module")
def prompts():
    return load_prompts()


def test_shipped_libraries_lint_clean():
    """Every problem the linter can find is absent from what we ship."""
    assert lint_reframes() == []
    assert lint_prompts() == []


def test_at_least_eight_reframes_for_every_distortion_and_sixty_in_all(reframes):
    per_trap = Counter(trap for reframe in reframes for trap in reframe.distortions)
    assert {trap: per_trap[trap] for trap in DistortionId if per_trap[trap] < 8} == {}
    assert len(reframes) >= 60


def test_every_theme_is_covered_in_depth(reframes):
    per_theme = Counter(theme for reframe in reframes for theme in reframe.themes)
    assert {theme: per_theme[theme] for theme in Theme if per_theme[theme] < 5} == {}


def test_vaginismus_topics_each_have_their_own_file():
    names = {path.stem for path in (reframes_directory() / "themes").glob("*.toml")}
    assert {"pain", "fear_tension_pain", "too_tight", "partner", "body", "future", "medical", "shame",
            "progress_and_setbacks", "pleasure"} <= names


def test_every_reframe_has_a_basis_and_questions(reframes):
    assert [r.id for r in reframes if not (r.source or r.technique)] == []
    assert [r.id for r in reframes if not r.questions] == []
    assert all(q.rstrip().endswith("?") for r in reframes for q in r.questions)


def test_sources_are_only_the_listed_works(reframes):
    """Never an invented citation: every source names one of the works in the shared README."""
    cited = [r for r in reframes if r.source]
    assert cited, "some reframes should stand on the listed research"
    parts = [part.strip() for r in cited for part in r.source.split(";")]
    assert [part for part in parts if not part.startswith(SOURCES)] == []


def test_no_reframe_promises_an_outcome(reframes):
    for reframe in reframes:
        text = (reframe.text + " " + " ".join(reframe.questions)).lower()
        assert promises_in(text) == [], reframe.id
        assert "will be fine" not in text and "guarantee" not in text and "promise" not in text, reframe.id


def test_promise_detector_catches_promises_and_spares_possibilities():
    assert promises_in("You will be fine.") == ["will be fine"]
    assert promises_in("This is GUARANTEED to work") == ["GUARANTEED"]
    assert promises_in("It is possible, and many people find it gets easier.") == []


def test_reframes_use_inclusive_language(reframes):
    """People with vaginas, not only 'women'; no blame words aimed at the person."""
    for reframe in reframes:
        text = reframe.text.lower()
        assert not re.search(r"\b(women|ladies|girls)\b", text), reframe.id
        assert not re.search(r"\byour fault\b|\bjust relax\b", text), reframe.id


def test_there_are_gentle_general_reframes(reframes):
    assert len([r for r in reframes if r.id.startswith(GENERAL_PREFIX)]) >= 3


def test_at_least_twelve_prompts_and_the_key_moments(prompts):
    assert len(prompts) >= 12
    moments = {moment for prompt in prompts for moment in prompt.moments}
    assert {Moment.before_dilator_practice, Moment.after_dilator_practice, Moment.after_intimacy,
            Moment.before_gynaecological_appointment, Moment.morning_check_in, Moment.after_setback,
            Moment.noticing_progress} <= moments


def test_find_prompt(prompts):
    assert find_prompt("dilator.before", prompts).title.startswith("Before dilator practice")
    assert find_prompt("no.such.prompt", prompts) is None


def test_every_library_file_explains_its_format():
    for folder, kind in ((reframes_directory(), "reframe"), (prompts_directory(), "prompt")):
        assert (folder / "README.md").is_file()
        for path in folder.rglob("*.toml"):
            head = path.read_text(encoding="utf-8")[:2000]
            assert head.startswith("#") and f"[[{kind}]]" in head, path
