"""What a researcher loads: typed Parquet, a codebook with min/max, labels and missing codes, and
a REDCap data dictionary."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from thoughtwork.export.research_export import Builtin, build_export, write_export
from thoughtwork.export.study import Study
from thoughtwork.models import DistortionMatch, ThoughtRecord, Settings
from thoughtwork.research import dictionary
from thoughtwork.research.merge import merge

START = datetime(2026, 3, 1, 21, 30, tzinfo=timezone.utc)


def export(tmp_path: Path, name: str, pseudonym: str, n: int = 3) -> Path:
    made = [ThoughtRecord(situation="-I froze", automatic_thought="=never", belief_before=80, belief_after=50 + i,
                          distortions=[DistortionMatch(id="fortune_telling")], created_at=START + timedelta(days=i))
            for i in range(n)]
    out = tmp_path / name
    write_export(build_export(made, Settings(study_pseudonym=pseudonym), Study(name="pilot"), builtin=Builtin()), out)
    return out


def merged(tmp_path: Path) -> Path:
    a = export(tmp_path, "a", "tw-aaaaaaaaaaaa")
    b = export(tmp_path, "b", "tw-bbbbbbbbbbbb", n=2)
    merge([a, b], tmp_path / "all")
    return tmp_path / "all"


def test_parquet_columns_are_typed_from_the_codebook_even_when_every_value_is_empty(tmp_path: Path) -> None:
    out = merged(tmp_path)
    table = pq.read_table(out / "records.parquet")
    types = {field.name: str(field.type) for field in table.schema}
    assert types["belief_balanced"] == "int32"  # nobody rated it: still a number column, all null
    assert table.column("belief_balanced").null_count == 5
    assert types["belief_change"] == "int32" and types["from_assignment"] == "bool"
    assert types["emotion_intensity_mean"] == "double" and types["distortions"] == "list<element: string>"
    assert types["situation"] == "string"
    assert table.num_rows == 5 and table.column("belief_change").to_pylist() == [-30, -29, -28, -30, -29]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parquet"] is True and "records.parquet" in manifest["files"]


def test_duckdb_reads_the_parquet_with_its_types(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = merged(tmp_path)
    con = duckdb.connect()
    described = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM '{out / 'records.parquet'}'").fetchall()}
    assert described["belief_balanced"] == "INTEGER" and described["distortions"] == "VARCHAR[]"
    # The query shown in the export README.
    rows = con.execute(f"""
        SELECT participant, count(*) AS records, round(avg(belief_change), 1) AS mean_belief_change
        FROM '{out / 'records.parquet'}' GROUP BY participant ORDER BY participant""").fetchall()
    assert rows == [("tw-aaaaaaaaaaaa", 3, -29.0), ("tw-bbbbbbbbbbbb", 2, -29.5)]


def test_codebook_has_min_max_labels_and_missing_codes_and_no_mangled_range(tmp_path: Path) -> None:
    out = merged(tmp_path)
    book = {c["name"]: c for c in json.loads((out / "codebook.json").read_text())}
    assert (book["belief_change"]["min"], book["belief_change"]["max"]) == (-100, 100)
    assert book["belief_change"]["range"] == "from -100 to 100"
    assert (book["day"]["min"], book["day"]["max"], book["day"]["missing"]) == (0, None, "never empty")
    assert "dilator_practice=Dilator practice" in book["context"]["labels"]
    assert book["belief_before"]["missing"].startswith("empty:")
    text = (out / "codebook.csv").read_text()
    assert "'-100" not in text and "'from" not in text
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["belief_change"]["min"] == "-100" and rows["record"]["max"] == ""
    # Text cells a participant wrote that look like formulas are still defused.
    records = (out / "records.csv").read_text()
    assert "'-I froze" in records and "'=never" in records


def test_redcap_data_dictionary(tmp_path: Path) -> None:
    out = merged(tmp_path)
    rows = list(csv.DictReader(io.StringIO((out / "data_dictionary.csv").read_text())))
    assert list(rows[0]) == dictionary.HEADER
    fields = {r["Variable / Field Name"]: r for r in rows}
    assert list(fields) == [c["name"] for c in json.loads((out / "codebook.json").read_text())]
    belief = fields["belief_before"]
    assert (belief["Field Type"], belief["Text Validation Type OR Show Slider Number"],
            belief["Text Validation Min"], belief["Text Validation Max"]) == ("text", "integer", "0", "100")
    assert fields["context"]["Field Type"] == "radio"
    assert "gynaecological_exam, A gynaecological exam" in fields["context"]["Choices, Calculations, OR Slider Labels"]
    assert fields["situation"]["Field Type"] == "notes"
    assert fields["from_assignment"]["Choices, Calculations, OR Slider Labels"] == "true, Yes | false, No"
    assert fields["participant"]["Required Field?"] == "y"
    assert all(r["Form Name"] == "thought_record" for r in rows)
