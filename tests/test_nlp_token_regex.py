"""The regex engine that runs the Matcher patterns must find exactly what spaCy's Matcher finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc

from thoughtwork.nlp import analyse, load_pipeline
from thoughtwork.nlp.components import word_forms
from thoughtwork.nlp.evaluate import read_examples
from thoughtwork.nlp.pipeline import prepare
from thoughtwork.nlp.token_regex import PatternNotSupported, RegexMatcher, compile_pattern

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def engines():
    nlp = load_pipeline()
    component = nlp.get_pipe("distortion_matcher")
    reference = Matcher(nlp.vocab)
    for spec in component.specs.values():
        reference.add(spec.key, spec.variants)
    return nlp, component.matcher, reference


def spacy_matches(reference: Matcher, doc: Doc) -> set[tuple[str, int, int]]:
    strings = doc.vocab.strings
    return {(strings[match_id], start, end) for match_id, start, end in reference(doc)}


def ours(matcher: RegexMatcher, doc: Doc) -> set[tuple[str, int, int]]:
    found = matcher(*word_forms(doc))
    assert found == sorted(found, key=lambda match: (match[1], match[2], match[0]))
    return set(found)


def test_every_labelled_thought_gets_the_matches_spacy_finds(engines):
    nlp, matcher, reference = engines
    texts = [text for path in sorted(DATA.glob("distortions_*.jsonl")) for text, _labels in read_examples(path)]
    assert len(texts) > 1000
    compared = 0
    for doc in nlp.pipe(prepare(text) for text in texts):
        expected = spacy_matches(reference, doc)
        assert ours(matcher, doc) == expected, doc.text
        compared += bool(expected)
    assert compared > 500  # most thoughts do match something, so the comparison is not empty


def _vocabulary() -> list[str]:
    """Words the rules look for (and a few they don't), so random texts hit rules often."""
    from thoughtwork.nlp.rules import distortion_rules

    words: set[str] = {"x", "y", "hi", "this", ",", ".", "?", "\n"}
    for rules in distortion_rules().values():
        for spec in rules.patterns:
            for tokens in spec.variants:
                for token in tokens:
                    for value in (token.get("LOWER"), token.get("LEMMA")):
                        if isinstance(value, dict):
                            words.update(list(value.get("IN", []))[:3])
    return sorted(words)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_vocabulary()), min_size=1, max_size=16))
def test_random_word_sequences_get_the_matches_spacy_finds(engines, words):
    nlp, matcher, reference = engines
    doc = nlp(prepare(" ".join(words)))
    assert ours(matcher, doc) == spacy_matches(reference, doc), doc.text


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}],
        [{"LOWER": "a"}, {"LOWER": {"NOT_IN": ["z"]}, "OP": "{0,2}"}, {"LOWER": "b"}],
        [{"LOWER": "a"}, {"OP": "*"}, {"LOWER": "b"}],
        [{"LOWER": "a"}, {"OP": "+"}, {"LOWER": "b"}],
        [{"LOWER": "a"}, {"LOWER": "z", "OP": "!"}, {"LOWER": "b"}],
        [{"IS_SENT_START": True, "LOWER": {"IN": ["a", "b"]}}],
        [{"LEMMA": {"IN": ["be"]}}, {"LOWER": "b", "OP": "{1,3}"}],
        [{"LOWER": {"IN": []}}],
        [{"LOWER": "b", "OP": "?"}, {"LOWER": "c"}],
    ],
)
def test_each_operator_matches_like_spacy(pattern):
    nlp = load_pipeline()
    reference = Matcher(nlp.vocab)
    reference.add("p", [pattern])
    matcher = RegexMatcher({"p": [pattern]})
    for text in ["a b b c", "a is b", "b a z b b", "a c d b b", "c", "a", "b c a b", "hi a bb b"]:
        doc = nlp(text)
        assert ours(matcher, doc) == spacy_matches(reference, doc), (pattern, text)


def test_marks_used_inside_the_engine_are_harmless_in_a_word():
    matcher = RegexMatcher({"p": [[{"LOWER": "always"}, {"LOWER": "x"}]]})
    # Words as a caller might hand them over; marks inside them must not make token edges.
    lower = ["x\x1e\x1falways", "x", "always", "x\x1e"]
    assert matcher(lower, lower) == []
    lower = ["always\x1f", "always", "x"]
    assert matcher(lower, lower) == [("p", 1, 3)]


def test_a_big_word_list_is_a_flag_and_marks_in_words_do_not_fake_one():
    from thoughtwork.nlp.token_regex import BIG_LIST, FLAGS

    big = [f"w{i}" for i in range(BIG_LIST)]
    pattern = [{"LOWER": {"IN": big}}, {"LOWER": {"NOT_IN": big}}]
    matcher = RegexMatcher({"p": [pattern]})
    assert len(matcher.classes.flag) == 1
    flag = next(iter(matcher.classes.flag.values()))
    lower = ["w3", "x", f"{flag}w1", "w5", f"{FLAGS}w2", "w7", "w9"]
    # Only real list words count as in the list: 'w3 x' matches; a word holding the flag
    # character or the mark is not 'w1' or 'w2', so 'w5' after it does not start a match there.
    assert matcher(lower, lower) == [("p", 0, 2), ("p", 3, 5)]


def test_compiling_every_rule_up_front_changes_no_result():
    from thoughtwork.nlp.pipeline import compile_rules

    nlp = load_pipeline()
    texts = ["It will hurt every time.", "Everyone thinks I'm weird.", "I should be over this by now."]
    before = [analyse(text) for text in texts]
    compile_rules()
    matcher = nlp.get_pipe("distortion_matcher").matcher
    assert len(matcher._compiled) == len(matcher._sources)
    assert [analyse(text) for text in texts] == before


@pytest.mark.parametrize(
    "token",
    [{"ORTH": "a"}, {"LOWER": {"REGEX": "a.*"}}, {"LOWER": "a", "OP": "{,x}"}, {"LOWER": {"IN": ["a"], "NOT_IN": ["b"]}}],
)
def test_what_the_engine_cannot_run_is_refused_at_load_with_the_rule_name(token):
    with pytest.raises(PatternNotSupported, match="rule_x"):
        RegexMatcher({"rule_x": [[token]]})
    with pytest.raises(PatternNotSupported, match="rule_x"):
        compile_pattern("rule_x", [token])
