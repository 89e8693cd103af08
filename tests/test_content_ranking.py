"""Ranking reframes for a thought: relevant, varied, deterministic, and explained."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thoughtwork.content import load_reframes, rank_reframes
from thoughtwork.content.ranking import GENERAL_REASON, HELPFUL_REASON
from thoughtwork.content.words import content_words, stem
from thoughtwork.models import (
    Analysis,
    DistortionId,
    DistortionMatch,
    DistortionStatus,
    EvidenceSpan,
    Reframe,
    Theme,
)


def analysis(text, traps=(), themes=()):
    """A hand-made Analysis: (trap, score) pairs and theme ids."""
    return Analysis(text=text, distortions=[DistortionMatch(id=t, score=s) for t, s in traps], themes=list(themes))


def reframe(rid, distortions=(), themes=(), text="A gentle reframe to try on.", technique="examining the evidence"):
    return Reframe(id=rid, distortions=list(distortions), themes=list(themes), text=text,
                   questions=["What fits?"], technique=technique)


@pytest.fixture(scope="module")
def library():
    return load_reframes()


def test_reasons_are_plain_and_quote_only_the_persons_words():
    pool = [reframe("a.ft-pain", ["fortune_telling"], ["pain"], text="Maybe it won't hurt as much as I fear.")]
    thought = Analysis(text="It will hurt", themes=["pain"], distortions=[
        DistortionMatch(id="fortune_telling", score=0.9, evidence=[EvidenceSpan(text="will hurt", start=3, end=12)])])
    [ranked] = rank_reframes(thought, pool, k=1)
    assert ranked.reasons == ["you wrote \u2018will hurt\u2019 (fortune telling)", "it is about pain"]
    assert ranked.because == "Because you wrote \u2018will hurt\u2019 (fortune telling); it is about pain."


def test_a_reason_quotes_the_words_that_tie_the_trap_to_that_reframe():
    """Two predictions in one thought: a reframe about pain quoted the other one ('nurse will
    think'), as the first span of the trap. It quotes the span its own words or subject share."""
    text = "The nurse will think I am making a fuss and it will hurt."
    pain = reframe("a.ft-pain", ["fortune_telling"], ["pain"], text="It has hurt before; that is not a rule for next time.")
    clinician = reframe("a.ft-nurse", ["fortune_telling"], ["medical"],
                        text="The nurse sees many people; what she will think is not something I can know.")
    thought = Analysis(text=text, themes=["pain", "medical"], distortions=[
        DistortionMatch(id="fortune_telling", score=0.9, evidence=[
            EvidenceSpan(text="nurse will think", start=4, end=20), EvidenceSpan(text="will hurt", start=47, end=56)])])
    because = {ranked.reframe.id: ranked.because for ranked in rank_reframes(thought, [pain, clinician], k=2)}
    assert because["a.ft-pain"].startswith("Because you wrote \u2018will hurt\u2019 (fortune telling)")
    assert because["a.ft-nurse"].startswith("Because you wrote \u2018nurse will think\u2019 (fortune telling)")


def test_evidence_not_in_the_thought_is_never_quoted():
    pool = [reframe("a.ft", ["fortune_telling"], text="Maybe it won't be as I fear.")]
    thought = Analysis(text="It will be awful", distortions=[
        DistortionMatch(id="fortune_telling", score=0.9, evidence=[EvidenceSpan(text="will hurt", start=0, end=9)])])
    [ranked] = rank_reframes(thought, pool, k=1)
    assert "\u2018" not in ranked.because and "it sounds like fortune telling" in ranked.reasons


def test_stronger_trap_outranks_weaker_one():
    pool = [reframe("a.labeling", ["labeling"]), reframe("b.fortune", ["fortune_telling"])]
    thought = analysis("text", [("labeling", 0.9), ("fortune_telling", 0.3)])
    assert [r.reframe.id for r in rank_reframes(thought, pool, k=2)] == ["a.labeling", "b.fortune"]
    thought = analysis("text", [("labeling", 0.3), ("fortune_telling", 0.9)])
    assert [r.reframe.id for r in rank_reframes(thought, pool, k=2)] == ["b.fortune", "a.labeling"]


def test_ties_are_broken_by_id_whatever_the_input_order():
    pool = [reframe(f"t.{n}", ["labeling"]) for n in "dbeac"]
    thought = analysis("text", [("labeling", 0.5)])
    expected = ["t.a", "t.b", "t.c"]
    for seed in range(5):
        random.Random(seed).shuffle(pool)
        assert [r.reframe.id for r in rank_reframes(thought, pool)] == expected


def test_shipped_library_gives_the_same_answer_every_time(library):
    thought = analysis("My partner will leave because I'm broken", [("fortune_telling", 0.8), ("labeling", 0.7)],
                       ["partner"])
    first = rank_reframes(thought, library)
    shuffled = list(library)
    random.Random(3).shuffle(shuffled)
    assert rank_reframes(thought, shuffled) == first
    assert len(first) == 3


def test_two_traps_get_variety_not_three_of_the_louder_one():
    pool = [reframe(f"ft.{n}", ["fortune_telling"]) for n in range(5)] + [reframe("lab.0", ["labeling"])]
    thought = analysis("text", [("fortune_telling", 0.9), ("labeling", 0.6)])
    ids = [r.reframe.id for r in rank_reframes(thought, pool)]
    # Without the variety rule the three fortune-telling reframes (3 x 0.9 > 3 x 0.6) would fill the list.
    assert ids == ["ft.0", "lab.0", "ft.1"]


def test_variety_on_the_shipped_library(library):
    thought = analysis("It will hurt and I'm a failure", [("fortune_telling", 0.9), ("labeling", 0.6)], ["pain"])
    picked = rank_reframes(thought, library)
    covered = {t.value for r in picked for t in r.reframe.distortions}
    assert {"fortune_telling", "labeling"} <= covered


def test_rejected_traps_are_ignored():
    pool = [reframe("a.labeling", ["labeling"]), reframe("b.fortune", ["fortune_telling"])]
    thought = Analysis(text="text", distortions=[
        DistortionMatch(id="labeling", score=1.0, status=DistortionStatus.rejected),
        DistortionMatch(id="fortune_telling", score=0.4)])
    assert [r.reframe.id for r in rank_reframes(thought, pool, k=3)] == ["b.fortune"]


def test_helpful_before_lifts_a_reframe_and_says_so():
    pool = [reframe("a.one", ["labeling"]), reframe("b.two", ["labeling"])]
    thought = analysis("text", [("labeling", 0.5)])
    assert rank_reframes(thought, pool, k=1)[0].reframe.id == "a.one"
    [top] = rank_reframes(thought, pool, helpful=["b.two"], k=1)
    assert top.reframe.id == "b.two" and top.reasons[-1] == HELPFUL_REASON


def test_themes_count_without_traps():
    pool = [reframe("a.body", themes=["body"]), reframe("b.partner", themes=["partner"])]
    [top] = rank_reframes(analysis("text", themes=["partner"]), pool, k=1)
    assert top.reframe.id == "b.partner" and top.reasons == ["it is about your relationship"]


def test_shared_words_alone_need_two_words():
    pool = [reframe("a.words", themes=["future"], text="I can slow my breath and stop the rush."),
            reframe("b.one-word", themes=["future"], text="My breath is mine.")]
    ranked = rank_reframes(analysis("I dread how I hold my breath and rush, every single day"), pool, k=3)
    assert [r.reframe.id for r in ranked] == ["a.words"]
    assert ranked[0].reasons[0] == "you wrote \u2018breath\u2019 and \u2018rush\u2019"


def test_nothing_to_go_on_offers_gentle_general_reframes(library):
    ranked = rank_reframes(analysis("I had lunch at noon"), library)
    assert len(ranked) == 3
    assert all(r.reframe.id.startswith("general.") and r.reasons[0] == GENERAL_REASON for r in ranked)
    assert all(r.because == "Because " + GENERAL_REASON + "." for r in ranked)


def test_general_reframes_top_up_a_short_list():
    pool = [reframe("a.labeling", ["labeling"]), reframe("general.kind", themes=["self_worth"])]
    ranked = rank_reframes(analysis("text", [("labeling", 0.7)]), pool, k=3)
    assert [r.reframe.id for r in ranked] == ["a.labeling", "general.kind"]


def test_k_is_respected():
    pool = [reframe(f"t.{n}", ["labeling"]) for n in range(6)]
    thought = analysis("text", [("labeling", 0.5)])
    assert len(rank_reframes(thought, pool, k=5)) == 5
    assert rank_reframes(thought, pool, k=0) == []


def test_stems_match_across_word_forms():
    assert stem("hurting") == stem("hurts") == stem("hurt")
    assert stem("dilators") == stem("dilator")
    assert stem("painful") == stem("pain")
    assert stem("tightness") == stem("tight")
    assert stem("progress") == "progress"


def test_stopwords_are_left_out():
    assert set(content_words("It will always be this way for me")) == set()
    assert content_words("My vagina is too tight") == {"vagina": "vagina", "tight": "tight"}


def test_reframe_about_another_theme_loses_to_one_about_this_theme():
    """A partner reframe should not be offered first for a thought about a doctor."""
    pool = [reframe("a.partner", ["mind_reading"], ["partner", "future"]),
            reframe("b.medical", ["mind_reading"], ["medical", "future"])]
    thought = analysis("The doctor will think I'm overreacting", [("mind_reading", 0.8)], ["medical", "future"])
    assert [r.reframe.id for r in rank_reframes(thought, pool, k=2)] == ["b.medical", "a.partner"]


def test_reframe_aimed_at_this_trap_beats_one_aimed_at_others_too():
    pool = [reframe("a.broad", ["labeling", "blaming", "comparing"]), reframe("b.aimed", ["labeling"])]
    thought = analysis("text", [("labeling", 0.8)])
    assert rank_reframes(thought, pool, k=1)[0].reframe.id == "b.aimed"


def test_general_reframes_compete_when_no_trap_is_found():
    pool = [reframe("a.past", ["blaming"], ["past"]), reframe("general.kind", themes=["self_worth"])]
    ranked = rank_reframes(analysis("I had a nice walk", themes=["past"]), pool, k=2)
    assert [r.reframe.id for r in ranked] == ["general.kind", "a.past"]
    assert ranked[0].reasons == [GENERAL_REASON]


_traps = st.dictionaries(st.sampled_from(list(DistortionId)), st.floats(0.05, 1.0), max_size=4)
_themes = st.lists(st.sampled_from(list(Theme)), max_size=3, unique=True)
_words = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz '"), max_size=60)


@settings(max_examples=60, deadline=None)
@given(traps=_traps, themes=_themes, text=_words, k=st.integers(1, 5))
def test_any_thought_gets_k_distinct_explained_reframes(library, traps, themes, text, k):
    thought = Analysis(text=text or "x", distortions=[DistortionMatch(id=t, score=s) for t, s in traps.items()],
                       themes=themes)
    ranked = rank_reframes(thought, library, k=k)
    ids = [r.reframe.id for r in ranked]
    assert len(ids) == k and len(set(ids)) == k
    assert all(r.because.startswith("Because ") for r in ranked)
    assert rank_reframes(thought, list(reversed(library)), k=k) == ranked


def test_broken_is_not_matched_with_taking_a_break() -> None:
    from thoughtwork.content.words import stem

    assert stem("broken") != stem("break")
    assert stem("hurting") == stem("hurts") == "hurt"
