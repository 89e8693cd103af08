"""`journal import` takes ratings only as whole numbers and no time after tomorrow."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from thoughtwork.journal import records_io
from thoughtwork.journal.records_io import ImportProblem

RECORD = {"situation": "at home", "automatic_thought": "it will hurt", "created_at": "2026-10-08T09:00:00+00:00"}
RATINGS = ["belief_before", "belief_after", "anxiety_before", "anxiety_after", "body_tension", "belief_balanced"]
PRACTICE = {"kind": "practice", "step_title": "Size 2", "practised_at": "2026-10-08T09:00:00+00:00"}


def lines(*items: dict) -> bytes:
    return "".join(json.dumps(item) + "\n" for item in items).encode()


@given(st.sampled_from(RATINGS), st.one_of(st.booleans(), st.integers(0, 100).map(str), st.just(70.0),
                                            st.integers(0, 100).map(lambda n: [n])))
def test_a_rating_that_is_not_a_whole_number_in_the_file_is_refused(field: str, value) -> None:  # noqa: ANN001
    with pytest.raises(ImportProblem, match=f"line 2: .*{field}.*nothing was imported"):
        records_io.parse_jsonl(lines(RECORD, {**RECORD, field: value}))


@given(st.sampled_from(RATINGS), st.integers(0, 100))
def test_a_whole_number_rating_is_still_taken(field: str, value: int) -> None:
    [record] = records_io.parse_jsonl(lines({**RECORD, field: value})).records
    assert getattr(record, field) == value


@pytest.mark.parametrize("item,field", [(RECORD, "created_at"), (RECORD, "updated_at"), (PRACTICE, "practised_at")])
def test_a_time_in_the_future_is_refused(item: dict, field: str) -> None:
    ahead = (datetime.now(timezone.utc) + timedelta(days=2)).isoformat()
    with pytest.raises(ImportProblem, match=f"line 1: {field} is .*in the future.*nothing was imported"):
        records_io.parse_jsonl(lines({**item, field: ahead}))
    with pytest.raises(ImportProblem, match="in the future"):
        records_io.parse_jsonl(lines({**item, field: "2030-01-01T00:00:00+00:00"}))


def test_a_few_hours_of_clock_skew_are_allowed() -> None:
    soon = (datetime.now(timezone.utc) + timedelta(hours=6)).isoformat()
    found = records_io.parse_jsonl(lines({**RECORD, "created_at": soon}, {**PRACTICE, "practised_at": soon}))
    assert len(found.records) == 1 and len(found.practices) == 1
