"""Balanced thoughts that share a trap's words (issue 3, holdout6's false alarms), read by general
mechanisms: what 'always' is about, reported speech, qualified blame and repairs; and explanations
that quote each word once."""

from __future__ import annotations

import pytest

from thoughtwork.nlp import analyse
from thoughtwork.nlp.context import Context
from thoughtwork.nlp.pipeline import analyse_rules, explain, load_pipeline, prepare
from thoughtwork.nlp.rules import PatternError, _spec, distortion_rules, lexicons


def ids(text: str) -> set[str]:
    """What the rules alone find: these tests hold the rules' own reading of context (the whole
    finder, with its learned model, is judged on labelled sets in test_trap_model.py)."""
    return {match.id.value for match in analyse_rules(text).distortions}


def context(text: str) -> tuple[list[str], Context]:
    doc = load_pipeline().make_doc(prepare(text))
    return [token.lower_ for token in doc], Context(doc)


@pytest.mark.parametrize(
    "text",
    [
        "My partner always makes me tea when I'm tired.",
        "He always holds my hand if the appointment is painful.",
        "My mum always helps me after a bad day.",
        "She always brings me soup, even on the bad days.",
    ],
)
def test_a_kind_habit_or_a_painful_condition_is_not_what_always_is_about(text):
    assert "overgeneralization" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "It always hurts when we try.",
        "Always when I try I end up crying.",
        "I'll fail my driving test, I always do.",
        "It hurt, like it always does.",
        "My sister always gets everything and I get nothing.",
    ],
)
def test_always_still_fires_when_the_pain_is_its_topic(text):
    assert "overgeneralization" in ids(text)


def test_the_topic_of_a_match_stops_at_a_condition_word_after_it():
    words, ctx = context("he always makes me tea when i am tired")
    start = words.index("always")
    assert ctx.topic_bounds(start, start + 1) == (0, words.index("when"))


def test_a_clause_of_only_a_stand_in_verb_looks_back_over_the_sentence():
    words, ctx = context("it hurt, like it always does")
    start = words.index("always")
    assert ctx.topic_bounds(start, start + 1) == (0, len(words))


@pytest.mark.parametrize(
    "text",
    [
        "He told me he finds me attractive and I trust him.",
        "She texted that she's proud of me.",
        "My partner said he thinks I'm brave.",
        "Mum says she sees me as strong.",
    ],
)
def test_what_someone_said_is_not_mind_reading(text):
    assert "mind_reading" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He finds me unattractive.",
        "she hasnt replied she must be angry with me",
        "I can tell my colleagues think I'm incompetent.",
        "Everyone thinks I'm making it up.",
        "He told me he was fine, but he thinks I'm boring.",
    ],
)
def test_guesses_at_minds_outside_reported_speech_still_count(text):
    assert "mind_reading" in ids(text)


def test_reported_speech_starts_after_the_verb_and_ends_at_a_clause_break():
    words, ctx = context("he told me he finds me attractive and i trust him")
    inside = [word for word, flag in zip(words, ctx.reported) if flag]
    assert inside == ["he", "finds", "me", "attractive"]
    silent, silent_ctx = context("she hasnt replied she must be angry")
    assert not any(silent_ctx.reported)


@pytest.mark.parametrize(
    "text",
    [
        "It's partly my fault we argued.",
        "Some of it is down to me.",
        "It was a bit my fault.",
        "It's partly his fault and partly mine.",
    ],
)
def test_a_share_of_the_blame_is_not_taking_all_of_it(text):
    assert ids(text) & {"personalization", "blaming"} == set()


@pytest.mark.parametrize(
    "text",
    ["It's my fault we argued, and I said sorry.", "It was my fault, so I apologised."],
)
def test_a_repair_balances_owning_a_fault(text):
    assert "personalization" not in ids(text)


@pytest.mark.parametrize("text", ["It's my fault we argued.", "It's all my fault.", "It's all his fault."])
def test_unqualified_blame_still_counts(text):
    assert ids(text) & {"personalization", "blaming"}


def test_file_defaults_reach_every_pattern_unless_it_sets_its_own():
    reading = {spec.id: spec.skip_reported_speech for spec in distortion_rules()["mind_reading"].patterns}
    assert reading.pop("says_to_everyone") is False
    assert all(reading.values())
    assert all(spec.qualified_by for spec in distortion_rules()["personalization"].patterns)
    assert not any(spec.skip_reported_speech for spec in distortion_rules()["labeling"].patterns)


@pytest.mark.parametrize(("key", "value"), [("nearby_scope", "paragraph"), ("reported_speech", "maybe")])
def test_unknown_context_choices_are_rejected(key, value):
    raw = {"id": "x", "score": 0.5, "why": "test", "tokens": ["fault"], key: value}
    with pytest.raises(PatternError):
        _spec("personalization", raw, lexicons())


def test_repair_phrases_of_several_words_are_matched_as_phrases():
    raw = {"id": "x", "score": 0.5, "why": "test", "tokens": ["fault"], "unless_nearby": "@repairs"}
    spec = _spec("personalization", raw, lexicons())
    assert ("said", "sorry") in spec.unless_phrases


def test_explanations_quote_each_word_once_whatever_its_case():
    found = analyse("I always fail, I always mess up, it ALWAYS hurts").distortions
    explanation = next(match.explanation for match in found if match.id.value == "overgeneralization")
    assert explanation.count("\u201c") == 1
    assert "\u201calways\u201d" in explanation
    assert explain("overgeneralization", ["Never", "never", "always"]).count("\u201c") == 2


def test_a_denied_meaning_is_not_emotional_reasoning():
    assert "emotional_reasoning" not in ids("I feel nervous, and nerves don't mean danger.")
    assert "emotional_reasoning" in ids("I feel inadequate, that means I am inadequate.")


def test_no_one_of_two_words_is_the_balanced_answer_like_nobody():
    assert "blaming" not in ids("No one at the hospital made me feel silly.")
    assert "blaming" in ids("My mum made me feel dirty about my body.")


@pytest.mark.parametrize(
    "text",
    [
        "He never pressures me, and I'm grateful for that.",
        "She never judges me when I cry.",
        "My partner never rushes me.",
        "She always checks in with me.",
        "Nothing went wrong at the appointment today.",
    ],
)
def test_a_hurtful_act_that_never_happens_or_a_kind_one_that_always_does_is_no_trap(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("My partner never tries to understand.", {"blaming", "overgeneralization"}),
        ("My boss always picks on me.", {"blaming"}),
        ("He constantly criticises me.", {"blaming"}),
        ("Nothing ever goes right for me.", {"overgeneralization"}),
    ],
)
def test_a_caring_act_that_never_happens_or_a_hurtful_one_that_always_does_is_still_a_complaint(text, expected):
    assert expected <= ids(text)


@pytest.mark.parametrize("text", ["My partner's ex never had this problem.", "My mum never talked to me about sex."])
def test_a_fact_of_someone_elses_history_is_not_a_rule_made_from_one_bad_time(text):
    assert "overgeneralization" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Everyone I've told thinks I'm making it up.",
        "everyone ive talked to thinks im exaggerating",
        "Everybody I know thinks I'm weird.",
        "People I work with think I'm cold.",
    ],
)
def test_a_group_named_by_how_i_know_them_is_a_guess_at_many_minds(text):
    assert ids(text) == {"mind_reading"}


@pytest.mark.parametrize("text", ["Everyone I've told has been kind.", "Everyone I've told doesn't think I'm making it up."])
def test_a_group_that_is_kind_or_not_guessed_at_is_no_mind_reading(text):
    assert "mind_reading" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He's lost interest in me, I can tell from how he kissed me.",
        "My date was bored the whole time, I could tell.",
        "The nurse sighed, I've clearly annoyed her.",
        "She cancelled our plans, I'm obviously not important to her.",
    ],
)
def test_certainty_added_to_a_guess_at_someones_feelings_is_mind_reading(text):
    assert "mind_reading" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "It hurt less today, I can tell I'm getting better.",
        "I can tell the nurse was patient with me even though it hurt.",
        "I'm clearly tired today.",
        "I've clearly improved since last month.",
    ],
)
def test_certainty_about_my_own_body_or_a_kindness_seen_is_no_mind_reading(text):
    assert "mind_reading" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gynaecologist told me my pelvic floor is doing exactly what it should.",
        "My body is working as it should",
        "My colleague earns more than me, and I chose a job I love.",
        "My sister is further along than me and I'm happy for her.",
    ],
)
def test_a_standard_met_or_a_difference_accepted_is_no_trap(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [("I should be able to have sex by now.", "should_statements"), ("She's so much prettier than me.", "comparing")],
)
def test_the_rule_and_the_comparison_themselves_are_still_found(text, expected):
    assert expected in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She never makes me feel guilty about it.",
        "He never laughs at me when I get nervous.",
        "I'm nothing like as anxious as I was last year.",
        "I can tell she cares about me.",
        "I feel nervous, so I'll take it slowly.",
        "I won't be able to come on Friday, so I'll rebook.",
    ],
)
def test_kind_habits_warmth_progress_and_plans_that_share_trap_words_get_no_label(text):
    assert ids(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She always makes me feel guilty about sex.", "blaming"),
        ("They're laughing at me.", "mind_reading"),
        ("I feel ugly, so I am ugly.", "emotional_reasoning"),
        ("The treatment won't work for me.", "fortune_telling"),
    ],
)
def test_the_hurtful_versions_of_those_words_are_still_found(text, expected):
    assert expected in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "My in-laws think I'm not good enough for their son.",
        "I bet she thinks I'm a terrible friend.",
        "The other parents think I'm a bad mother.",
        "I feel gross, so he must find me gross.",
    ],
)
def test_a_label_inside_someone_elses_view_is_their_view_guessed_at_not_labeling(text):
    found = ids(text)
    assert "mind_reading" in found
    assert "labeling" not in found


@pytest.mark.parametrize(
    "text", ["I think I'm a terrible friend.", "I'm a bad mother and she thinks so too.", "She's kind, but I'm a failure."]
)
def test_a_label_i_give_myself_is_still_labeling(text):
    assert "labeling" in ids(text)


def test_another_persons_view_runs_from_the_opinion_verb_to_the_clause_break():
    words, ctx = context("i bet she thinks i am a terrible friend, and i cried")
    inside = [word for word, flag in zip(words, ctx.others_thoughts()) if flag]
    assert inside == ["i", "am", "a", "terrible", "friend"]
    own, own_ctx = context("i think i am a terrible friend")
    assert not any(own_ctx.others_thoughts())


def test_labeling_skips_other_peoples_views_by_file_default():
    assert all(spec.skip_others_thoughts for spec in distortion_rules()["labeling"].patterns)
    assert not any(spec.skip_others_thoughts for spec in distortion_rules()["mind_reading"].patterns)
    raw = {"id": "x", "score": 0.5, "why": "test", "tokens": ["fault"], "others_thoughts": "sometimes"}
    with pytest.raises(PatternError):
        _spec("personalization", raw, lexicons())


@pytest.mark.parametrize(
    "text",
    [
        "Each session ends the same way, with a stretch and a cup of tea.",
        "We tried again and again and eventually it worked.",
        "I went back to square one on the exercises on purpose, to rebuild slowly.",
        "Nothing went right at first, but then it worked out.",
        "My sister never had this problem, and she's been so supportive of me.",
        "I feel awkward, but that's normal at a first appointment.",
        "I won't be able to cope alone, so I'll bring my partner.",
    ],
)
def test_fresh_balanced_probes_for_the_new_rules_get_no_label(text):
    assert ids(text) == set()
