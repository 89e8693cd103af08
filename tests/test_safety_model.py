"""The learned self-harm reader: how it reads a text, the evidence it needs before it speaks, that
it is shipped and current, and that it catches veiled wording by a writer it never saw."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from thoughtwork.safety import model as reader
from thoughtwork.safety import training
from thoughtwork.safety.detection import mentions_phrase, mentions_self_harm

ROOT = Path(__file__).resolve().parent.parent
SAFETY = ROOT / "corpus" / "safety"
THOUGHTS = ROOT / "corpus" / "thoughts"


def tiny_model(weights: dict[str, float], threshold: float = 0.5, bias: float = -3.0, floor: int = 1,
               min_words: int = reader.MIN_WORDS) -> reader.SafetyModel:
    """A hand-made model: `weights` maps a feature to its weight."""
    features = sorted(weights)
    return reader.SafetyModel(
        index={f: i for i, f in enumerate(features)},
        weights=np.array([weights[f] for f in features], dtype=np.float32),
        bias=bias,
        threshold=threshold,
        min_words=min_words,
        evidence_floor=floor,
    )


def test_tokens_keep_their_place_in_the_original_text_through_escape_codes_and_curly_quotes():
    text = "\x1b[31mI don\u2019t WANT it"
    found = reader.tokens(text)
    assert [t.lower for t in found] == ["i", "do", "n't", "want", "it"]
    assert [text[t.start : t.end] for t in found] == ["I", "do", "n\u2019t", "WANT", "it"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("cutting", "cut"), ("pills", "pill"), ("wanted", "want"), ("dying", "die"), ("planned", "plan"),
     ("killing", "kill"), ("tried", "try"), ("kill", "kill"), ("less", "less")],
)
def test_the_stem_joins_the_forms_of_a_word(word: str, expected: str):
    assert reader.stem(word) == expected


def test_a_negated_word_and_the_words_it_closes_are_read():
    features = {f for _token, found in reader.features("I don't want to die") for f in found}
    assert {"u:die", "n:die", "b:to die", "t:want to die"} <= features


def test_the_model_does_not_speak_on_fewer_than_its_fewest_words():
    model = tiny_model({"u:bridge": 9.0, "u:keep": 9.0})
    assert not model.read("keep the bridge").concerning  # three words
    assert model.read("I keep the bridge").concerning


def test_one_heavy_word_alone_does_not_raise_an_alarm():
    """The verdict must stand without the word that weighs most for it."""
    one = tiny_model({"u:forever": 12.0})
    assert not one.read("I could wait forever for that").concerning
    two = tiny_model({"u:forever": 12.0, "u:gone": 12.0})
    assert two.read("I could be gone forever now").concerning


def test_a_short_text_gets_less_push_from_each_word_than_a_long_one_would():
    weights = {"u:lighter": 6.0, "u:without": 6.0}
    text = "lighter without me here"
    assert tiny_model(weights, floor=24).read(text).probability < tiny_model(weights, floor=1).read(text).probability


def test_the_reason_is_the_heaviest_words_as_written_and_never_a_word_that_only_joins_a_sentence():
    model = tiny_model({"u:the": 9.0, "u:bridge": 6.0, "u:look": 5.0, "u:keep": 0.5}, bias=-2.0)
    reading = model.read("I keep LOOKING at the Bridge")
    assert reading.concerning
    assert reading.words == ("Bridge", "LOOKING")  # 'the' is not shown; 'keep' weighs under a third


def test_the_shipped_model_loads_from_the_package_without_spacy():
    code = (
        "import sys; from thoughtwork.safety.model import shipped_model, read; m = shipped_model(); "
        "print(len(m.index), 0 < m.threshold < 1, read('I keep looking at the bridge').concerning, 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert reader.MODEL_PATH.parent == Path(reader.__file__).resolve().parent
    assert int(out[0]) > 1000
    assert out[1:] == ["True", "True", "False"]


def test_the_shipped_model_was_trained_on_the_corpus_in_the_repository():
    """Changing corpus/safety or corpus/thoughts without retraining
    (scripts/train_safety_model.py train) fails here."""
    with np.load(reader.MODEL_PATH, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
    files = sorted(SAFETY.glob("*.jsonl")) + sorted(THOUGHTS.glob("*.jsonl"))
    assert meta["corpus_sha256_16"] == training.fingerprint(files)
    assert {path.stem for path in SAFETY.glob("*.jsonl")} <= set(meta["writers"])


VEILED = [
    "everyone would be lighter without me",
    "I keep looking at the bridge",
    "Some nights I think the kids would manage fine without me",
]
"""Ways of saying it the phrase list does not know (the ones that showed it was needed)."""


@pytest.mark.parametrize("text", VEILED)
def test_veiled_wording_the_phrase_list_misses_is_noticed_and_explained_from_its_words(text: str):
    assert not mentions_phrase(text)
    assert mentions_self_harm(text)
    reading = reader.read(text)
    assert reading.words
    for word in reading.words:
        assert word in text and word.lower() not in reader.NOT_SHOWN


def test_writer_folds_never_split_a_writer_and_hold_out_every_one_once():
    examples = [training.Example(f"text {n}", n % 2, group, group.startswith("s"))
                for n, group in enumerate(["s1", "s1", "s2", "s2", "a01", "a02", "a03"])]
    folds = training.writer_folds(examples)
    assert [writer for writer, _train, _test in folds] == ["s1", "s2"]
    for _writer, train, test in folds:
        assert not {examples[i].group for i in train} & {examples[i].group for i in test}
    assert sorted(i for _w, _train, test in folds for i in test) == list(range(len(examples)))


HELD_OUT_RECALL_FLOOR = 0.33
"""Measured 0.397 (58 of 146) on s5's veiled texts (those the phrase list misses) by this
smaller model trained without s5, at the shipped false-alarm target calibrated on one unseen
ordinary author; the floor is that less a margin for a threshold read from so few texts."""


def test_veiled_wording_by_a_writer_the_model_never_saw_is_mostly_caught():
    """Train as the script does, on every safety writer but one and a few ordinary authors; read
    the held-out writer's concerning texts that the phrase list misses."""
    held = "s5"
    safety = [e for path in sorted(SAFETY.glob("*.jsonl")) for e in training.read_safety(path)]
    ordinary = [e for name in ("a04", "a09", "a10") for e in training.read_ordinary(THOUGHTS / f"{name}.jsonl")]
    calibration = [e for e in training.read_ordinary(THOUGHTS / "a11.jsonl") if not e.part]
    train = training.deduplicated([e for e in safety if e.group != held] + ordinary)
    model = training.fit(train, training.featurise(train))
    model = training.with_threshold(
        model, training.threshold_for(training.probabilities(model, calibration, training.featurise(calibration)))
    )
    veiled = [e.text for e in safety if e.group == held and e.label == 1 and not mentions_phrase(e.text)]
    ordinary_words = [e.text for e in safety if e.group == held and e.label == 0]
    caught = sum(model.read(text).concerning for text in veiled) / len(veiled)
    alarms = sum(model.read(text).concerning for text in ordinary_words) / len(ordinary_words)
    assert len(veiled) >= 100
    assert caught >= HELD_OUT_RECALL_FLOOR, caught
    assert alarms <= 0.05, alarms


def test_analyse_says_which_words_the_learned_reader_noticed(capsys, monkeypatch):
    from thoughtwork.cli.main import main

    monkeypatch.setenv("THOUGHTWORK_REGION", "uk")
    assert main(["analyse", "I keep looking at the bridge"]) == 0
    out = capsys.readouterr().out
    assert "116 123" in out and "\u201cbridge\u201d" in out
