"""The learned trap model: how it joins the rules, why it shows the words it shows, that what it
reads at run time is what it was trained on, and the shipped model's measured quality."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from thoughtwork.models import DistortionId, MatchSource
from thoughtwork.nlp import analyse
from thoughtwork.nlp.evaluate import evaluate, read_examples
from thoughtwork.nlp.pipeline import LEARNED_NOTE, rules_pipeline
from thoughtwork.nlp.trap_model import BALANCED, MODEL_PATH, LinearModel, TrapModel, shipped_model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LABELS = tuple(d.value for d in DistortionId)


def tiny_model(weights: dict[str, dict[str, float]], thresholds: dict[str, float] | None = None,
               keeps: dict[str, float] | None = None, bias: float = -3.0) -> LinearModel:
    """A hand-made model: `weights` maps a feature to {label: weight}."""
    labels = (*LABELS, BALANCED)
    features = sorted(weights)
    matrix = np.zeros((len(features), len(labels)), dtype=np.float32)
    for row, feature in enumerate(features):
        for label, weight in weights[feature].items():
            matrix[row, labels.index(label)] = weight
    return LinearModel(
        labels=labels,
        index={f: i for i, f in enumerate(features)},
        weights=matrix,
        bias=np.full(len(labels), bias),
        thresholds=np.array([(thresholds or {}).get(label, 0.5) for label in labels]),
        keeps=np.array([(keeps or {}).get(label, 0.0) for label in labels]),
    )


def run(model: LinearModel, text: str):
    """The rules, then this model, over `text`: the hits left on the doc."""
    from thoughtwork.nlp.components import results
    from thoughtwork.nlp.pipeline import prepare

    nlp = rules_pipeline()
    doc = nlp(prepare(text))
    TrapModel(nlp, "trap_model", model)(doc)
    return results(doc)[0]


def test_the_model_adds_a_trap_the_rules_missed_and_shows_the_words_that_weigh_most():
    model = tiny_model({"u:purple": {"catastrophizing": 8.0}, "u:sky": {"catastrophizing": 0.5}})
    text = "The sky is purple."
    hits = run(model, text)
    assert [(hit.distortion, hit.source) for hit in hits] == [("catastrophizing", "model")]
    assert [text[s:e] for s, e in hits[0].spans] == ["purple"]  # 'sky' weighs under a third of it


def test_a_word_that_only_holds_the_sentence_together_is_never_shown_as_the_reason():
    model = tiny_model({"u:the": {"catastrophizing": 9.0}, "u:into": {"catastrophizing": 9.0}, "u:sky": {"catastrophizing": 4.0}})
    text = "The sky fell into the sea."
    hits = run(model, text)
    assert [text[s:e] for s, e in hits[0].spans] == ["sky"]


def test_a_reason_word_is_shown_whole_not_cut_at_its_contraction():
    model = tiny_model({"u:can": {"catastrophizing": 9.0}, "u:ca": {"catastrophizing": 9.0}})
    text = "Maybe I can't manage the trip."
    hits = run(model, text)
    assert [text[s:e] for s, e in hits[0].spans] == ["can't"]  # was "ca"


def test_a_trap_the_rules_found_is_not_added_twice_and_keeps_the_rules_evidence():
    model = tiny_model({"u:always": {"overgeneralization": 8.0}, "r:overgeneralization": {"overgeneralization": 2.0}})
    hits = run(model, "It always hurts.")
    assert [(hit.distortion, hit.source) for hit in hits] == [("overgeneralization", "rule")]


def test_a_rule_match_the_model_finds_unlikely_is_withdrawn():
    model = tiny_model({"u:always": {"overgeneralization": -8.0}}, keeps={"overgeneralization": 0.3})
    assert run(model, "It always hurts.") == []
    trusting = dataclasses.replace(model, keeps=np.zeros(len(model.labels)))
    assert [h.distortion for h in run(trusting, "It always hurts.")] == ["overgeneralization"]


def test_a_thought_the_model_is_sure_is_balanced_gets_no_suggestion_at_all():
    model = tiny_model({"u:slow": {BALANCED: 9.0}}, thresholds={BALANCED: 0.9})  # 'slower' is read as its lemma
    assert run(model, "It always hurts, so I went slower.") == []
    assert run(model, "It always hurts.") != []


def test_a_trap_with_no_word_pushing_towards_it_is_not_offered():
    # Only the bias speaks for it: nothing in the words to show as the reason.
    model = tiny_model({"u:tea": {"labeling": -1.0}}, bias=5.0)
    assert [h for h in run(model, "I made tea.") if h.source == "model"] == []


def test_a_model_trap_in_an_analysis_says_it_is_a_learned_reading():
    model = tiny_model({"u:purple": {"catastrophizing": 8.0}})
    from thoughtwork.nlp.pipeline import _match

    text = "The sky is purple."
    match = _match(text, run(model, text)[0])
    assert match["source"] == "model"
    assert match["explanation"].endswith(LEARNED_NOTE)
    assert "\u201cpurple\u201d" in match["explanation"]


def test_the_shipped_model_covers_the_taxonomy_and_every_verdict_quotes_the_text():
    model = shipped_model()
    assert model.labels == (*LABELS, BALANCED)
    assert model.weights.shape == (len(model.index), len(model.labels))
    texts = [json.loads(line)["text"] for line in (DATA / "distortions_holdout8.jsonl").read_text().splitlines()]
    sources = set()
    for text in texts:
        for match in analyse(text).distortions:
            sources.add(match.source)
            assert match.evidence, match
            for span in match.evidence:
                assert text[span.start : span.end] == span.text
    assert MatchSource.model in sources  # the model does add traps on a set it never saw


def test_the_shipped_model_was_trained_on_the_corpus_in_the_repository():
    """Changing the corpus without retraining (scripts/train_trap_model.py train) fails here."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from train_trap_model import fingerprint
    finally:
        sys.path.pop(0)
    with np.load(MODEL_PATH, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
    assert meta["corpus_sha256_16"] == fingerprint()
    assert meta["examples"] >= 8000


def test_training_reads_a_thought_exactly_as_the_component_does(tmp_path):
    """Train a small model, save and load it, and compare batch and one-at-a-time probabilities."""
    pytest.importorskip("sklearn")
    from thoughtwork.nlp import training

    examples = []
    for author, name in (("x", "distortions_holdout2.jsonl"), ("y", "distortions_holdout3.jsonl"), ("z", "distortions_holdout4.jsonl")):
        examples += training.read_examples(DATA / name, author=author)
    data = training.featurise(examples)
    model = training.train(data, groups=None)
    path = tmp_path / "m.npz"
    training.save(model, path, tmp_path / "top.md", {"examples": len(examples)})
    loaded = LinearModel.load(path)
    assert "## all_or_nothing" in (tmp_path / "top.md").read_text()
    batch = training.probabilities(loaded, data)
    nlp = rules_pipeline()
    component = TrapModel(nlp, "trap_model", loaded)
    from thoughtwork.nlp.pipeline import prepare

    for i, example in enumerate(examples[:60]):
        one = component.probabilities(nlp(prepare(example.text)))
        assert np.allclose([one[label] for label in loaded.labels], batch[i], atol=1e-5), example.text


def test_author_folds_never_split_an_author():
    from thoughtwork.nlp.training import author_folds

    authors = ["a", "b", "a", "c", "b", "a"]
    for held, train, test in author_folds(authors):
        assert {authors[i] for i in test} == {held}
        assert held not in {authors[i] for i in train}
        assert sorted(train + test) == list(range(len(authors)))


# The whole finder on sets the learned model was never trained on (holdout8 and holdout9 are
# kept out of training; see scripts/train_trap_model.py). First measured with the model:
# see the README's table.
@pytest.mark.parametrize("name, floor", [("distortions_holdout8.jsonl", 0.70), ("distortions_holdout9.jsonl", 0.60)])
def test_the_whole_finder_on_sets_it_never_saw(name, floor):
    report = evaluate(read_examples(DATA / name))
    assert report.macro_f1 >= floor
    assert report.false_alarm_rate <= 0.17
