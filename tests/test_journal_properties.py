"""Property tests: whatever text a person writes comes back exactly, and no file bytes crash the reader."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thoughtwork.journal import Journal, JournalError
from thoughtwork.journal import fileformat, records_io
from thoughtwork.models import ThoughtRecord

PASS = "a long passphrase"
texts = st.text(max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situation=texts, thought=texts.filter(lambda t: t.strip()), evidence=st.lists(texts.filter(str.strip), max_size=3),
       belief=st.none() | st.integers(0, 100))
def test_any_text_round_trips_through_the_journal(situation, thought, evidence, belief) -> None:
    original = ThoughtRecord(situation=situation, automatic_thought=thought, evidence_for=evidence, belief_before=belief)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "j.twj"
        with Journal.create(path, PASS) as journal:
            saved = journal.save(original)
        with Journal.open(path, PASS) as journal:
            assert journal.get(saved.id) == saved


@settings(max_examples=40, deadline=None)
@given(thought=texts.filter(lambda t: t.strip()), situation=texts.filter(lambda t: t.strip()))
def test_jsonl_export_parses_back_to_the_same_records(thought, situation) -> None:
    record = ThoughtRecord(situation=situation, automatic_thought=thought)
    assert records_io.parse_jsonl(records_io.to_jsonl([record]).encode()).records == [record]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_reader(data: bytes) -> None:
    try:
        fileformat.decode(data, PASS)
    except JournalError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_import_lines_are_refused_cleanly(data: bytes) -> None:
    try:
        records_io.parse_jsonl(data)
    except records_io.ImportProblem as problem:
        assert "\n" not in str(problem)
