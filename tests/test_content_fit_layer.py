"""The learned reframe fit layer: it ships and loads, it generalises to a writer it never saw,
and it never brings a reframe back for a thought of self-harm."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from thoughtwork.content import fit_training
from thoughtwork.content.evaluation import evaluate, load
from thoughtwork.content.fit_model import MODEL_PATH, FitModel, ThoughtReading, shipped_fit_model, thought_features
from thoughtwork.content.ranking import offer_for_text, rank_reframes
from thoughtwork.content.reframes import load_reframes
from thoughtwork.models import Analysis

ROOT = Path(__file__).resolve().parent.parent
WRITER_FILES = sorted((ROOT / "tests" / "data").glob("reframe_eval_*.jsonl")) + sorted(
    (ROOT / "corpus" / "reframe_fit").glob("*.jsonl")
)
HELD_OUT = "r2"
HELD_OUT_FLOOR = 0.66
"""r2's top-3 fit from a layer trained on the other four writers: measured 144 of 200 (72%),
less a margin for the solver's rounding on another machine."""


def test_the_shipped_layer_loads_and_knows_every_shipped_reframe():
    model = shipped_fit_model()
    assert model is not None
    assert model.weights.shape == (len(model.thought_index), len(model.reframe_index))
    assert np.isfinite(model.weights).all()
    for reframe in load_reframes():
        assert "id:" + reframe.id in model.reframe_index, reframe.id


def test_the_shipped_layer_was_trained_on_exactly_the_writer_files():
    """After a labelled file changes, `python scripts/train_fit_model.py train` must be run again."""
    digest = hashlib.sha256()
    for path in WRITER_FILES:
        digest.update(path.read_bytes())
    with np.load(MODEL_PATH, allow_pickle=False) as data:
        meta = dict(entry.split("=", 1) for entry in data["meta"].tolist())
    assert meta["data_sha256_16"] == digest.hexdigest()[:16]
    assert meta["writers"].split(",") == [path.stem for path in WRITER_FILES]


def test_the_layer_saved_and_loaded_scores_the_same(tmp_path):
    model = shipped_fit_model()
    path = tmp_path / "fit.npz"
    model.save(path, {"note": "copy"})
    again = FitModel.load(path)
    features = thought_features(ThoughtReading("He'll leave me, I know it", context="intimacy", traps=("fortune_telling",)))
    library = load_reframes()
    assert again.scores(features, library) == pytest.approx(model.scores(features, library))


def test_words_the_layer_gives_as_a_reason_are_the_persons_own():
    model = shipped_fit_model()
    reading = ThoughtReading("he is going to get bored of waiting and leave me")
    written = set(reading.text.split()) | {" ".join(p) for p in zip(reading.text.split(), reading.text.split()[1:])}
    for reframe in load_reframes():
        for words in model.evidence(reading, reframe):
            assert words in written


@pytest.mark.slow
def test_a_writer_never_trained_on_gets_reframes_that_fit():
    """Trained on every writer but one, the layer's offer for that writer's thoughts stays above
    the floor it was measured at (minus a margin), and above the rules alone."""
    library = load_reframes()
    writers = fit_training.load_writers(WRITER_FILES, library)
    held = writers.pop(HELD_OUT)
    model = fit_training.train([e for examples in writers.values() for e in examples], library)
    items = {e.read.item.line: e for e in held}

    def report(fit):
        offer = fit_training.offer_with(fit, library)
        return evaluate([e.read.item for e in held], lambda item: offer(items[item.line].read))

    learned, rules = report(model), report(None)
    assert learned.fit_rate >= HELD_OUT_FLOOR
    assert learned.fits > rules.fits


def test_self_harm_thoughts_get_no_reframe_with_the_layer():
    """Every labelled thought whose writer expects nothing (self-harm) that the safety check
    reads as such gets no reframe from the shipped offer, the layer included."""
    library = load_reframes()
    self_harm = [item for path in WRITER_FILES for item in load(path) if item.expects_nothing]
    assert len(self_harm) >= 30
    from thoughtwork.safety import mentions_self_harm

    caught = [item for item in self_harm if mentions_self_harm(item.text) or mentions_self_harm(item.situation)]
    assert len(caught) >= 35
    for item in caught:
        assert offer_for_text(item.text, library, context=item.context, situation=item.situation) == []


def test_an_analysis_marked_self_harm_gets_nothing_however_well_the_layer_rates_it():
    library = load_reframes()
    analysis = Analysis(text="it will hurt and he will leave me", mentions_self_harm=True)
    assert rank_reframes(analysis, library, fit=shipped_fit_model()) == []
