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
    assert list(fields) == [c["name"] for c in json.loads((out / "codebook.json").read_text()) if c["table"] == "records"]
    belief = fields["belief_before"]
    assert (belief["Field Type"], belief["Text Validation Type OR Show Slider Number"],
            belief["Text Validation Min"], belief["Text Validation Max"]) == ("text", "integer", "0", "100")
    # A negative minimum is a number, not a formula: the spreadsheet guard leaves it whole.
    assert (fields["belief_change"]["Text Validation Min"], fields["belief_change"]["Text Validation Max"]) == ("-100", "100")
    assert fields["context"]["Field Type"] == "radio"
    assert "gynaecological_exam, A gynaecological exam" in fields["context"]["Choices, Calculations, OR Slider Labels"]
    assert fields["situation"]["Field Type"] == "notes"
    assert fields["from_assignment"]["Choices, Calculations, OR Slider Labels"] == "true, Yes | false, No"
    assert fields["participant"]["Required Field?"] == "y"
    assert all(r["Form Name"] == "thought_record" for r in rows)


def homework_export(tmp_path: Path, name: str, n_records: int, pseudonym: str = "tw-cccccccccccc") -> Path:
    from datetime import date

    from thoughtwork.models import Assignment, Cadence, Prompt

    prompt = Prompt(id="clinic.checkin", title="Check in", instructions="Write one thought down.",
                    moments=["any_time"], steps=["situation"])
    week = Assignment(id="hw-week", prompts=[prompt], cadence=Cadence(kind="weekly", times_per_week=3),
                      start=date(2026, 3, 2), end=date(2026, 3, 15))
    unused = Assignment(id="hw-unused", prompts=[prompt], cadence=Cadence(kind="daily"),
                        start=date(2026, 2, 20), end=date(2026, 2, 26))
    made = [ThoughtRecord(situation="s", automatic_thought="t", assignment_id="hw-week", prompt_id="clinic.checkin",
                          belief_before=70, belief_after=40, status="complete", created_at=START + timedelta(days=2 * i))
            for i in range(n_records)]
    out = tmp_path / name
    bundle = build_export(made, Settings(study_pseudonym=pseudonym), Study(name="pilot"), builtin=Builtin(),
                          assignments=[week, unused], today=date(2026, 3, 20))
    write_export(bundle, out)
    return out


def test_the_export_carries_each_assignments_cadence_and_window_for_adherence(tmp_path: Path) -> None:
    out = homework_export(tmp_path, "hw", 4)  # records on 1, 3, 5 and 7 March
    rows = [json.loads(line) for line in (out / "assignments.jsonl").read_text().splitlines()]
    assert [r["assignment"] for r in rows] == ["a1", "a2"]  # by start day: the unused one first
    unused, week = rows
    assert (unused["cadence"], unused["start_day"], unused["end_day"], unused["times_asked"], unused["times_done"]) == \
        ("daily", -9, -3, 7, 0)
    assert (week["cadence"], week["times_per_week"], week["start_day"], week["end_day"]) == ("weekly", 3, 1, 14)
    assert (week["times_asked"], week["times_due"], week["times_done"], week["records"]) == (6, 6, 3, 3)
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [r["assignment"] for r in records] == ["a2"] * 4  # 1 March is before the window but still answers it
    assert "hw-week" not in (out / "records.jsonl").read_text()
    merge([out], tmp_path / "all")
    people = list(csv.DictReader(io.StringIO((tmp_path / "all" / "participants.csv").read_text())))
    assert people == [{"participant": "tw-cccccccccccc", "records": "4", "complete": "4", "last_day": "6",
                       "mean_belief_change": "-30.0", "mean_anxiety_change": "", "assignments": "2",
                       "times_due": "13", "times_done": "3", "adherence": "0.231"}]
    table = pq.read_table(tmp_path / "all" / "assignments.parquet")
    assert str(table.schema.field("times_per_week").type) == "int32" and table.num_rows == 2


def test_a_newer_export_of_the_same_participant_replaces_the_older_with_a_note(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from thoughtwork.cli.main import main

    older = homework_export(tmp_path, "march", 2)
    newer = homework_export(tmp_path, "april", 4)
    other = export(tmp_path, "other", "tw-dddddddddddd")
    assert main(["research", "merge", str(newer), str(other), str(older), "--out", str(tmp_path / "all")]) == 0
    assert "the newer export" in capsys.readouterr().out.replace("\n", " ")
    manifest = json.loads((tmp_path / "all" / "manifest.json").read_text())
    assert manifest["summary"] == {**manifest["summary"], "participants": 2, "records": 7}
    assert "april replaces" in manifest["notes"][0] and "march" in manifest["notes"][0]


def test_two_different_exports_that_cannot_be_ordered_are_refused(tmp_path: Path) -> None:
    import hashlib

    from thoughtwork.research.merge import MergeProblem

    a = homework_export(tmp_path, "a", 2)
    b = homework_export(tmp_path, "b", 2)
    data = (b / "records.jsonl").read_text().replace('"belief_after": 40', '"belief_after": 41').encode()
    (b / "records.jsonl").write_bytes(data)
    manifest = json.loads((b / "manifest.json").read_text())
    digest = hashlib.sha256(data).hexdigest()
    manifest["files"]["records.jsonl"].update(sha256=digest, stored_sha256=digest, bytes=len(data))
    (b / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(MergeProblem, match="nothing to tell which is newer"):
        merge([a, b], tmp_path / "all")
    assert not (tmp_path / "all").exists()


def test_compact_preview_is_one_line_per_record() -> None:
    from rich.console import Console

    from thoughtwork.export.preview import render_preview

    made = [ThoughtRecord(situation=f"Dinner with Sam, evening {i}", automatic_thought="t", belief_before=80,
                          created_at=START + timedelta(days=i)) for i in range(12)]
    bundle = build_export(made, Settings(study_pseudonym="tw-000000000001", known_names=["Sam"]), Study(),
                          builtin=Builtin())
    console = Console(record=True, width=120, color_system=None)
    console.print(render_preview(bundle, "Files will not be encrypted.", compact=True))
    shown = console.export_text()
    assert "Sam" not in shown and "Dinner with [NAME]" in shown
    assert len(shown.splitlines()) < 12 + 12  # a line a record, not a panel a record
    full = Console(record=True, width=120, color_system=None)
    full.print(render_preview(bundle, "Files will not be encrypted."))
    assert len(full.export_text().splitlines()) > 3 * len(shown.splitlines()) // 2


def test_without_pyarrow_merge_still_writes_the_same_csv_and_says_parquet_was_left_out(tmp_path: Path, monkeypatch,
                                                                                        capsys) -> None:  # noqa: ANN001
    from thoughtwork.cli.main import main
    from thoughtwork.research import columnar

    a = export(tmp_path, "a", "tw-aaaaaaaaaaaa")
    merge([a], tmp_path / "arrow")
    monkeypatch.setattr(columnar, "available", lambda: False)
    assert main(["research", "merge", str(a), "--out", str(tmp_path / "plain")]) == 0
    assert "records.parquet was not written" in capsys.readouterr().out
    assert not (tmp_path / "plain" / "records.parquet").exists()

    def read(folder: str) -> list[dict[str, str]]:
        rows = list(csv.DictReader(io.StringIO((tmp_path / folder / "records.csv").read_text())))
        # Arrow writes 70.0 as 70; everything else is the same cell for cell.
        return [{k: v.removesuffix(".0") for k, v in row.items()} for row in rows]

    assert read("arrow") == read("plain")
    assert read("plain")[0]["situation"] == "'-I froze" and read("plain")[0]["distortions"] == "fortune_telling"


def test_merge_refuses_text_that_no_file_can_store(tmp_path: Path) -> None:
    import hashlib

    from thoughtwork.research.merge import MergeProblem

    folder = export(tmp_path, "a", "tw-aaaaaaaaaaaa")
    data = (folder / "records.jsonl").read_text().replace("I froze", "I \\ud800froze").encode()
    (folder / "records.jsonl").write_bytes(data)
    manifest = json.loads((folder / "manifest.json").read_text())
    digest = hashlib.sha256(data).hexdigest()
    manifest["files"]["records.jsonl"].update(sha256=digest, stored_sha256=digest, bytes=len(data))
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(MergeProblem, match="broken character"):
        merge([folder], tmp_path / "all")


def test_compact_preview_fits_an_80_column_terminal_with_every_header_whole() -> None:
    from rich.console import Console

    from thoughtwork.export.preview import render_preview
    from thoughtwork.models import Context, DistortionMatch

    made = [ThoughtRecord(situation=f"Before the gynaecological exam at the clinic, visit {i}", automatic_thought="t",
                          context=Context.gynaecological_exam, belief_before=80, belief_after=100, anxiety_before=75,
                          anxiety_after=30, created_at=START + timedelta(days=i),
                          distortions=[DistortionMatch(id="fortune_telling", status="accepted")]) for i in range(120)]
    bundle = build_export(made, Settings(study_pseudonym="tw-000000000001"), Study(), builtin=Builtin())
    for width in (80, 60):
        console = Console(record=True, width=width, color_system=None)
        console.print(render_preview(bundle, "Files will not be encrypted.", compact=True))
        lines = console.export_text().splitlines()
        header = next(line for line in lines if line.split()[:2] == ["#", "day"])
        assert header.split()[2:6] == ["where", "belief", "anxiety", "traps"] and "\u2026" not in header
        rows = [line.split() for line in lines if line[:4].strip().isdigit()]
        assert [int(row[0]) for row in rows] == list(range(1, 121))  # a line a record, its number shown
        assert rows[-1][1:5] == ["119", "gynaecological_exam", "80\u2192100", "75\u219230"]
        assert max(map(len, lines)) <= width
        assert ("situation (start)" in header) is (width == 80)  # at 60 columns there is no room left for it
