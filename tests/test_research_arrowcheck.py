"""Arrow's quick yes for an export table is only ever given where the strict reader agrees.

`arrowcheck.checked` lets merge skip reading rows one by one in Python. It must never accept a
file the strict reader refuses or would change (clean), and what it accepts must be the same
rows and the same bytes out. Hypothesis edits a real export's records in every way an edited
file could differ (values of any type, keys missing, twice or renamed, stray characters and
line breaks) and holds the two readers to each other.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thoughtwork.export.anonymiser import READING_RANGES, readable
from thoughtwork.export.columns import COLUMNS
from thoughtwork.export.research_export import Builtin, build_export, write_export
from thoughtwork.export.study import Study
from thoughtwork.models import DistortionMatch, Emotion, Settings, ThoughtRecord
from thoughtwork.research import arrowcheck
from thoughtwork.research import merge as merging
from test_untrusted_input import forge

START = datetime(2026, 3, 1, 21, 30, tzinfo=timezone.utc)
PSEUDONYM = "tw-0123456789ab"


def made(tmp: Path, name: str, pseudonym: str = PSEUDONYM, n: int = 4) -> Path:
    records = [ThoughtRecord(situation=f'She said "relax": it hurt {i}', automatic_thought="It will always hurt",
                             emotions=[Emotion(name="scared", intensity=60 + i), Emotion(name="tired")],
                             belief_before=80, belief_after=50 + i, body_tension=None if i % 2 else 40,
                             distortions=[DistortionMatch(id="fortune_telling")], created_at=START + timedelta(days=i))
               for i in range(n)]
    out = tmp / name
    write_export(build_export(records, Settings(study_pseudonym=pseudonym), Study(name="pilot"), builtin=Builtin()), out)
    return out


@cache
def sample() -> tuple[bytes, dict]:
    """One real export's records file and its columns, made once for every example."""
    import tempfile

    folder = made(Path(tempfile.mkdtemp(prefix="tw-arrowcheck-")), "export")
    manifest = json.loads((folder / "manifest.json").read_text())
    data = (folder / "records.jsonl").read_bytes()
    shutil.rmtree(folder.parent)
    return data, {c: COLUMNS[c] for c in manifest["settings"]["columns"]}


def strict(data: bytes, columns: dict) -> tuple[list[dict], bytes] | None:
    """The strict reader's rows and the bytes it would write, or None when it refuses."""
    try:
        rows, lines = merging._strict_table(Path("export"), data, "Record", columns, PSEUDONYM)
    except merging.MergeProblem:
        return None
    return rows, ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def agree(data: bytes, columns: dict) -> bool:
    """Whether Arrow vouched; asserting first that where it did, the strict reader gives the same."""
    (table,) = arrowcheck.checked([(data, PSEUDONYM)], columns)
    if table is None:
        return False
    read = strict(data, columns)
    assert read is not None, "Arrow vouched for a file the strict reader refuses"
    rows, out = read
    assert out == data, "Arrow vouched for a file the strict reader would change"
    assert table.to_pylist() == rows
    return True


FRAGMENTS = ["null", "true", "false", "0", "-0", "5.0", "1e2", "NaN", "Infinity", "-Infinity", "1e999", "9" * 5000,
             "3000000000", '"5"', '""', '"a\\u0000b"', '"\\ud800"', '"\\u001b[2J"', '"\\u2028"', '"x\\u003ay"', "[]",
             "[null]", '["fortune_telling"]', '["nope"]', "[1]", "{}", '{"a": 1}', '"draft"', '"complete"', "1.5",
             '"tw-0123456789ab"', '"tw-000000000000"', '"\u00e9\U0001f600"', '"\u202e"', "-1", "101", "2147483648"]
value = st.sampled_from(FRAGMENTS) | st.integers(-(2 ** 40), 2 ** 40).map(str) | st.floats().map(repr) | \
    st.text(max_size=12).map(lambda t: json.dumps(t, ensure_ascii=False)) | \
    st.text(max_size=12).map(json.dumps)
STRAYS = ["\r", "\n", "\n\n", " ", "\u2028", "\u0085", "\ufeff", "\x0c", "}", "{", ",", ":", '"', "\\", '\\"', "\x00",
          '{"record": 1}', '"day": 0, ']


@st.composite
def edited(draw) -> bytes:  # noqa: ANN001
    data, columns = sample()
    lines = data.decode("utf-8").splitlines()
    index = draw(st.integers(0, len(lines) - 1))
    row = json.loads(lines[index])
    name = draw(st.sampled_from(sorted(columns)))
    how = draw(st.sampled_from(["value", "value", "value", "drop", "twice", "rename", "stray", "swap"]))
    if how == "stray":
        text = "\n".join(lines) + "\n"
        at = draw(st.integers(0, len(text)))
        return (text[:at] + draw(st.sampled_from(STRAYS)) + text[at:]).encode("utf-8")
    if how == "swap":  # a row for another participant, or rows out of order
        lines[index], lines[-1 - index] = lines[-1 - index], lines[index]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if how == "drop":
        del row[name]
        line = json.dumps(row, ensure_ascii=False)
    else:
        row[name] = "\x00HERE"
        line = json.dumps(row, ensure_ascii=False).replace('"\\u0000HERE"', draw(value))
        if how == "twice":
            line = line[:-1] + f', "{name}": {json.dumps(json.loads(lines[index])[name])}}}'
        elif how == "rename":
            line = line.replace(f'"{name}":', f'"{draw(st.sampled_from(["x", name.upper(), name + " "]))}":')
    lines[index] = line
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_a_real_export_is_vouched_for() -> None:
    data, columns = sample()
    assert agree(data, columns)


@settings(max_examples=600, deadline=None)
@given(edited())
def test_arrow_vouches_only_where_the_strict_reader_agrees(data: bytes) -> None:
    agree(data, sample()[1])


@settings(max_examples=60, deadline=None)
@given(st.lists(edited(), min_size=2, max_size=4))
def test_read_together_each_file_is_judged_as_alone(files: list[bytes]) -> None:
    columns = sample()[1]
    together = arrowcheck.checked([(data, PSEUDONYM) for data in files], columns)
    for data, table in zip(files, together, strict=True):
        alone = arrowcheck.checked([(data, PSEUDONYM)], columns)[0]
        assert (table is None) == (alone is None)
        if table is not None:
            assert table.to_pylist() == alone.to_pylist()


def _second(edit):  # noqa: ANN001, ANN202
    """An edit of the second line of the file."""
    def edited_file(data: bytes) -> bytes:
        first, second, rest = data.split(b"\n", 2)
        return b"\n".join((first, edit(second), rest))
    return edited_file


# Ways a file can differ from what the strict reader accepts unchanged; all but the last two pass
# Arrow's own reading, and each needs its own check.
GAPS = {
    "a key left out": _second(lambda line: line.replace(b'"reframe_chosen": null, ', b"")),
    "two rows on one line": lambda data: data.replace(b"}\n", b"}", 1),
    "a blank line": lambda data: data.replace(b"}\n", b"}\n\n", 1),
    "CR LF line ends": lambda data: data.replace(b"}\n", b"}\r\n"),
    "a CR between values": _second(lambda line: line.replace(b", ", b",\r", 1)),
    "U+2028 in text": _second(lambda line: line.replace(b"always", "al\u2028ways".encode())),
    "U+0085 in text": _second(lambda line: line.replace(b"always", "al\u0085ways".encode())),
    "invalid UTF-8 in text": _second(lambda line: line.replace(b"always", b"al\xffways")),
    "an overlong UTF-8 slash": _second(lambda line: line.replace(b"always", b"al\xc0\xafways")),
    "NaN": _second(lambda line: re.sub(rb'"emotion_intensity_mean": [0-9.]+', b'"emotion_intensity_mean": NaN', line)),
    "Infinity": _second(lambda line: re.sub(rb'"emotion_intensity_mean": [0-9.]+', b'"emotion_intensity_mean": Infinity',
                                            line)),
    "null in a list": _second(lambda line: line.replace(b'["fortune_telling"]', b'["fortune_telling", null]')),
    "a byte order mark": lambda data: "\ufeff".encode() + data,
    "a byte order mark on a later line": _second(lambda line: "\ufeff".encode() + line),
    "a key twice": _second(lambda line: line[:-1] + b', "day": 1}'),
    "another participant": _second(lambda line: line.replace(PSEUDONYM.encode(), b"tw-000000000000")),
}


@pytest.mark.parametrize("gap", sorted(GAPS))
def test_each_gap_arrow_leaves_open_is_closed(gap: str) -> None:
    data, columns = sample()
    bad = GAPS[gap](data)
    assert bad != data
    assert arrowcheck.checked([(bad, PSEUDONYM)], columns) == [None]
    read = strict(bad, columns)
    assert read is None or read[1] != bad  # the strict reader refuses it, or writes it out changed
    together = arrowcheck.checked([(data, PSEUDONYM), (bad, PSEUDONYM)], columns)
    assert together[0] is not None and together[1] is None


def test_text_that_must_be_cleaned_goes_the_strict_way() -> None:
    data, columns = sample()
    escaped = data.replace(b"It will always hurt", b"It will \\u001b[31malways hurt", 1)
    assert arrowcheck.checked([(escaped, PSEUDONYM)], columns) == [None]
    rows, out = strict(escaped, columns)
    assert "\x1b" not in rows[0]["automatic_thought"] and out != escaped


def test_the_reading_ranges_are_what_readable_changes() -> None:
    inside = {c for low, high in READING_RANGES for c in range(low, high + 1)}
    changed = {c for c in range(0x3000) if readable(chr(c)) != chr(c)} | {
        c for c in range(0xF000, 0x10000) if readable(chr(c)) != chr(c)}
    assert changed == {c for c in inside if c < 0x3000 or c >= 0xF000}
    assert all(readable(chr(c)) != chr(c) for c in inside)


def test_a_merge_is_the_same_with_or_without_arrow_vouching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [made(tmp_path, f"p{n}", f"tw-{n:012x}", n=3 + n) for n in range(5)]
    # One export edited so its text must be cleaned, one read together with exports Arrow vouches for.
    forge(folders[2], (folders[2] / "records.jsonl").read_text().replace("It will always", "It will \\u001b[2Jalways", 1))
    merging.merge(folders, tmp_path / "quick")
    monkeypatch.setattr(arrowcheck, "checked", lambda pieces, columns: [None] * len(pieces))
    merging.merge(folders, tmp_path / "strict")
    for path in sorted((tmp_path / "quick").iterdir()):
        other = tmp_path / "strict" / path.name
        if path.suffix == ".parquet":
            assert pq.read_table(path).equals(pq.read_table(other)), path.name
        else:
            assert path.read_bytes() == other.read_bytes(), path.name
    assert b"\x1b" not in (tmp_path / "quick" / "records.jsonl").read_bytes()
