"""Reframes and questions that fit the thought in front of them (issue 13's examples), with the
real analyser, and the subject reader they stand on."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoughtwork.content import load_reframes
from thoughtwork.content.aboutness import about, ties_of
from thoughtwork.content.adoption import kept_mostly, kept_share
from thoughtwork.content.balance import is_balanced, learned_balance
from thoughtwork.content.evaluation import evaluate, load, shipped_offer, unknown_ids
from thoughtwork.content.questions import AFFIRMING_QUESTIONS, questions_for, socratic_questions
from thoughtwork.content.ranking import offer_for_text, reframe_ties
from thoughtwork.models import Context, Subject
from thoughtwork.nlp import analyse

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def library():
    return load_reframes()


def ids(text, library, context=None, situation=""):
    return [r.reframe.id for r in offer_for_text(text, library, context=context, situation=situation)]


def partner_tied(library, ident):
    return Subject.partner in reframe_ties(next(r for r in library if r.id == ident))


def test_a_doctor_thought_gets_no_partner_reframe_or_question(library):
    offered = offer_for_text("The doctor will think I'm being dramatic", library)
    assert offered and not any(Subject.partner in reframe_ties(r.reframe) for r in offered)
    assert "ft.partner-will-leave" not in [r.reframe.id for r in offered]
    reading = about("The doctor will think I'm being dramatic")
    questions = socratic_questions([r.reframe for r in offered], reading)
    assert not any("partner" in q.lower() for q in questions)


def test_a_partner_thought_gets_no_pain_reframe(library):
    offered = ids("He must be sick of me, he'll leave", library)
    assert "ft.partner-will-leave" in offered
    assert not {"ft.experiment", "cat.could-cope", "pain.slow-down-signal"} & set(offered)


def test_a_balanced_statement_is_affirmed_not_disputed(library):
    text = "It hurt a bit, but I went slower and it got easier"
    analysis = analyse(text)
    assert is_balanced(analysis, learned_balance(text))
    offered = offer_for_text(text, library)
    assert not {"ft.experiment", "og.one-time-not-every", "ft.cannot-predict"} & {r.reframe.id for r in offered}
    assert all("balanced" in r.because for r in offered)
    for kind in (text, "I breathed through it and my muscles softened a little"):
        # affirmation only: no exercise either ('take a few slow breaths')
        assert all(r.reframe.affirms for r in offer_for_text(kind, library)), kind
    questions = socratic_questions([r.reframe for r in offered], about(text), balanced=True)
    assert questions[0] == AFFIRMING_QUESTIONS[0]
    assert not any("predict" in q.lower() for q in questions)


@pytest.mark.parametrize(
    "text",
    [
        "I was terrified of the speculum but the nurse went slowly and it was okay",
        "had a sore day w the dilator but i stopped n breathed. thats allowed",
        "It felt impossible last month, and then I managed the smallest one. I'm proud.",
    ],
)
def test_a_thought_that_turns_past_a_fear_or_is_texted_is_balanced(text):
    assert is_balanced(analyse(text), learned_balance(text)), text


def test_a_turn_that_ends_dark_is_not_balanced():
    for text in ("I managed it once but I'll never be normal", "It was okay but now I'm scared of next time"):
        assert not is_balanced(analyse(text), learned_balance(text)), text


def test_a_distorted_thought_is_not_called_balanced():
    for text in ("It will hurt every time", "Too tight.", "Smear Tuesday. Dreading it.", "I feel low today"):
        assert not is_balanced(analyse(text), learned_balance(text)), text


def test_self_harm_gets_no_reframe_at_all(library):
    text = "sometimes I think everyone would be better off without me and I want to hurt myself"
    assert offer_for_text(text, library) == []
    assert ids("Had a rough night", library, situation="I keep thinking about ending it") == []


def test_no_reframe_quotes_words_the_person_did_not_write(library):
    assert "shame.fundamentally-wrong" not in ids("there's something wrong with me", library)
    assert "shame.fundamentally-wrong" in ids("there's something fundamentally wrong with me", library)


@pytest.mark.parametrize(
    ("text", "context", "situation", "expected", "absent"),
    [
        ("He'll leave", None, "", {Subject.partner}, {Subject.clinician}),
        ("She sighed during the smear", Context.gynaecological_exam, "", {Subject.clinician, Subject.exam}, {Subject.partner}),
        ("I failed one exam at uni", None, "", set(), {Subject.exam}),
        ("Greg will find out I am useless", None, "", {Subject.partner}, set()),
        ("My mum found my dilators", None, "", {Subject.family, Subject.dilator}, {Subject.partner}),
        ("It will hurt", Context.dilator_practice, "", {Subject.pain, Subject.dilator}, {Subject.partner}),
        ("I'm too scared to try", Context.dilator_practice, "", {Subject.pain}, set()),
        ("I'm scared", None, "", set(), {Subject.pain}),
        ("It was awful", None, "gp appointment this morning", {Subject.clinician, Subject.exam}, {Subject.partner}),
        ("No one will want to date me", None, "", {Subject.dating}, set()),
        ("Every single time we try it hurts", None, "", {Subject.pain}, {Subject.dating}),
        ("Priya probably dreads my sessions", None, "", {Subject.clinician}, {Subject.partner}),
        ("my counsellor thinks I'm stalling", None, "", {Subject.clinician}, {Subject.partner}),
        ("Still single at 34 because of this", None, "", {Subject.dating}, set()),
    ],
)
def test_who_and_what_a_thought_is_about(text, context, situation, expected, absent):
    subjects = set(about(text, context, situation).subjects)
    assert expected <= subjects and not absent & subjects


def test_library_texts_tie_to_what_they_name():
    assert ties_of("I am predicting that my partner will leave.") == {Subject.partner}
    assert ties_of("What would you say to a friend who had this thought?") == frozenset()
    assert Subject.pain in ties_of("My prediction is that it will hurt.")


def test_questions_naming_someone_else_are_left_out(library):
    reframe = next(r for r in library if r.id == "ft.partner-will-leave")
    assert questions_for(reframe, about("He'll leave")) == reframe.questions
    assert not any("partner" in q for q in questions_for(reframe, about("The doctor will leave the room")))


def test_a_painful_past_gets_no_so_what_or_experiment(library):
    """Techniques barred for a subject (subjects.toml `not_with`) are never offered for it."""
    barred = {"downward arrow", "decatastrophising", "behavioural experiment", "graded exposure"}
    for text in ("After what happened I am damaged goods and it would be a disaster if anyone found out",
                 "Since what happened, if I try the dilator it will be a catastrophe"):
        reading = about(text)
        assert Subject.past_harm in reading
        offered = offer_for_text(text, library)
        assert offered and not {(r.reframe.technique or "").lower() for r in offered} & barred, text
        assert not reading.allows("downward arrow") and reading.allows("self-compassion")
    assert about("It will be a catastrophe").allows("downward arrow")


def test_kept_mostly_as_offered_or_made_ones_own():
    offered = "I am predicting that my partner will leave. I don't know that."
    assert kept_mostly(offered, offered)
    assert kept_mostly(offered, "I am predicting that Sam will leave. I don't know that yet.")
    assert not kept_mostly(offered, "We have been through a lot and he keeps choosing me; a bad night is not a goodbye.")
    assert kept_share(offered, "") == 0.0


def test_the_evaluation_sets_name_only_real_reframes(library):
    for path in sorted(DATA.glob("reframe_eval_*.jsonl")):
        assert unknown_ids(load(path), library) == [], path.name


def test_the_evaluation_sets_hold_their_measured_figures(library):
    """Floors a little under the measured figures (README): a change that loses fit, offers a
    cross-context reframe or disputes self-harm text fails here."""
    items = [item for path in sorted(DATA.glob("reframe_eval_*.jsonl")) for item in load(path)]
    assert len(items) >= 300
    report = evaluate(items, shipped_offer(library))
    assert report.fit_rate >= 0.78  # 251 of 319 = 78.7%
    assert report.cross_context <= 6
    assert report.safety_total >= 35 and report.safety_errors == 0
