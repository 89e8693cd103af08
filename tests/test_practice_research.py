"""The practice table of a research export: its own files and codebook, numbers and categories
only, days aligned with the records, and checked again when a researcher merges exports."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from thoughtwork.cli.main import main
from thoughtwork.export.research_export import build_export, write_export
from thoughtwork.export.study import Study
from thoughtwork.models import Helper, HowFar, Ladder, LadderStep, PracticeEntry, Settings, ThoughtRecord
from thoughtwork.practice import research
from thoughtwork.research.merge import MergeProblem, merge

UTC = timezone.utc
START = datetime(2026, 11, 2, 9, tzinfo=UTC)
LADDER = Ladder(steps=[LadderStep(id="look", title="Looking"), LadderStep(id="c0ffee", title="In Sam's bath")])
SECRET_WORDS = ("Sam", "Leeds", "scared stiff", "knees bent", "It will hurt", "a cushion")


def practices() -> list[PracticeEntry]:
    return [
        PracticeEntry(step_id="look", step_title="Looking", practised_at=START - timedelta(hours=3), predicted_pain=70,
                      actual_pain=20, how_far=HowFar.whole, helpers=[Helper.lubricant, Helper.breathing]),
        PracticeEntry(step_id="c0ffee", step_title="In Sam's bath", practised_at=START + timedelta(days=3, hours=1),
                      predicted_anxiety=80, actual_anxiety=50, where="Leeds", position="knees bent",
                      feelings_after="scared stiff", note="Sam helped", loudest_thought="It will hurt",
                      helped_other="a cushion", record_ids=["r1"], assignment_id="a1"),
    ]


def export(pseudonym: str = "tw-000000000001", study: Study | None = None, with_practices: bool = True):
    records = [ThoughtRecord(situation="x", automatic_thought="y", created_at=START)]
    return build_export(records, Settings(study_pseudonyms={"s": pseudonym}, study_pseudonym=pseudonym), study or Study(name="s"),
                        practices=practices() if with_practices else None, ladder=LADDER, shipped_steps={"look"})


def test_practice_rows_are_numbers_and_categories_only() -> None:
    rows = export().practice_rows
    assert [r["step"] for r in rows] == ["look", "custom"]  # a step the person named never goes out
    assert [r["day"] for r in rows] == [0, 3]  # three hours before the first record is still day 0
    assert rows[0]["helpers"] == ["breathing", "lubricant"] and rows[0]["pain_gap"] == -50
    assert rows[1]["anxiety_gap"] == -30 and rows[1]["helped_other"] is True and rows[1]["linked_records"] == 1
    assert rows[1]["step_position"] == 2 and rows[1]["ladder_steps"] == 2 and rows[1]["from_assignment"] is True
    sent = b"".join(export().practice_files().values()).decode("utf-8")
    for secret in SECRET_WORDS:
        assert secret not in sent
    assert all(research.COLUMNS[name].problem(value) is None for r in rows for name, value in r.items())
    assert [c["name"] for c in research.codebook()] == list(rows[0])


def test_a_study_can_leave_the_practice_table_out(tmp_path: Path) -> None:
    bundle = export(study=Study(name="s", practices=False))
    assert bundle.practice_rows is None
    info = write_export(bundle, tmp_path / "out")
    assert "practices" not in info["counts"] and not (tmp_path / "out" / "practices.csv").exists()


def test_merge_combines_practice_tables_and_checks_them(tmp_path: Path) -> None:
    write_export(export("tw-000000000001"), tmp_path / "a")
    write_export(export("tw-000000000002"), tmp_path / "b")
    write_export(export("tw-000000000003", with_practices=False), tmp_path / "older")  # made before the table existed
    info = merge([tmp_path / "a", tmp_path / "b", tmp_path / "older"], tmp_path / "merged")
    assert info["summary"]["practices"] == 4
    assert [s.get("practices") for s in info["sources"]] == [2, 2, None]
    lines = (tmp_path / "merged" / "practices.jsonl").read_text().splitlines()
    assert len(lines) == 4
    assert {json.loads(line)["participant"] for line in lines} == {"tw-000000000001", "tw-000000000002"}
    assert (tmp_path / "merged" / "practices.csv").read_text().count("\n") == 5  # the header and four rows
    entry = {"table": "practices", "name": "pain_gap", "type": "integer", "min": -100, "max": 100,
             "range": "from -100 to 100", "levels": "", "labels": "",
             "missing": "empty: pain not rated both before and after",
             "meaning": "actual_pain minus predicted_pain (negative = easier than expected)."}
    assert entry in json.loads((tmp_path / "merged" / "practices_codebook.json").read_text())
    assert entry in json.loads((tmp_path / "merged" / "codebook.json").read_text())  # the one codebook of every table
    dictionary = (tmp_path / "merged" / "practices_data_dictionary.csv").read_text()
    assert "how_far,practice,,radio," in dictionary and "prepared, I got ready and chose to stop there" in dictionary


def test_merge_writes_the_practice_table_as_typed_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    write_export(export("tw-000000000001"), tmp_path / "a")
    merge([tmp_path / "a"], tmp_path / "merged")
    table = pq.read_table(tmp_path / "merged" / "practices.parquet")
    types = {field.name: str(field.type) for field in table.schema}
    assert types["pain_gap"] == "int32" and types["helped_other"] == "bool" and types["helpers"].startswith("list<")
    assert types["relaxed_before"] == "int32"  # empty in every row, still typed from the codebook
    assert table.column("step").to_pylist() == ["look", "custom"]


def test_no_practice_files_when_no_export_has_the_table(tmp_path: Path) -> None:
    write_export(export(with_practices=False), tmp_path / "a")
    info = merge([tmp_path / "a"], tmp_path / "merged")
    assert "practices" not in info["summary"] and not (tmp_path / "merged" / "practices.csv").exists()


def test_a_newer_export_with_new_practices_alone_replaces_the_older(tmp_path: Path) -> None:
    write_export(export("tw-000000000001"), tmp_path / "newer")
    records = [ThoughtRecord(situation="x", automatic_thought="y", created_at=START)]
    older = build_export(records, Settings(study_pseudonyms={"s": "tw-000000000001"}), Study(name="s"),
                         practices=practices()[:1], ladder=LADDER, shipped_steps={"look"})
    write_export(older, tmp_path / "older")
    info = merge([tmp_path / "older", tmp_path / "newer"], tmp_path / "merged")
    assert info["summary"]["practices"] == 2 and "replaces" in info["notes"][0]


def _rewrite(folder: Path, name: str, text: str) -> None:
    """Change a file and its manifest hashes, as a careless (not a damaged) export would be."""
    import hashlib

    data = text.encode("utf-8")
    (folder / name).write_bytes(data)
    manifest = json.loads((folder / "manifest.json").read_text())
    digest = hashlib.sha256(data).hexdigest()
    manifest["files"][name].update({"sha256": digest, "stored_sha256": digest, "bytes": len(data)})
    (folder / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda row: row.update(actual_pain=140), "actual_pain is outside the range from 0 to 100"),
        (lambda row: row.update(note="Sam helped"), "does not have the manifest's columns"),
        (lambda row: row.update(how_far="halfway"), "how_far is not one of the codebook's levels"),
        (lambda row: row.update(participant="tw-999999999999"), "another participant"),
        (lambda row: row.update(practice=7), "out of order"),
        (lambda row: row.update(helped_other=None), "helped_other is missing"),
        (lambda row: row.update(step="\x1b[2Jcustom"), "step is not in the form the codebook gives"),
    ],
)
def test_a_practice_row_that_does_not_fit_its_codebook_is_refused(tmp_path: Path, change, problem: str) -> None:
    write_export(export(), tmp_path / "a")
    rows = [json.loads(line) for line in (tmp_path / "a" / "practices.jsonl").read_text().splitlines()]
    change(rows[0])
    _rewrite(tmp_path / "a", "practices.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(MergeProblem, match=problem):
        merge([tmp_path / "a"], tmp_path / "merged")
    assert not (tmp_path / "merged").exists()  # a refused merge leaves nothing behind


def test_a_damaged_practice_file_is_refused(tmp_path: Path) -> None:
    write_export(export(), tmp_path / "a")
    path = tmp_path / "a" / "practices.csv"
    path.write_bytes(path.read_bytes() + b"x")
    with pytest.raises(MergeProblem, match="practices.csv .* does not match its manifest"):
        merge([tmp_path / "a"], tmp_path / "merged")


def test_the_participant_previews_the_practice_table(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("THOUGHTWORK_JOURNAL", str(tmp_path / "j.twj"))
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", "a long passphrase")
    main(["init"])
    main(["ladder", "start"])
    main(["practice", "log", "--expect-pain", "60", "--pain", "20", "--note", "Sam was lovely", "--where", "Leeds"])
    capsys.readouterr()
    assert main(["export", "--anonymise", "--preview"]) == 0
    shown = capsys.readouterr().out
    assert "1 practice would be sent too" in shown and "practice 1 (day 0)" in shown and "pain_gap" in shown
    assert "Sam" not in shown and "Leeds" not in shown
    assert main(["export", "--anonymise", "--out", str(tmp_path / "out")]) == 0
    assert "0 records and 1 practice to" in capsys.readouterr().out
    assert (tmp_path / "out" / "practices_codebook.csv").exists()


def rewrite_practices(folder: Path, edit, edit_manifest=None) -> None:  # noqa: ANN001
    """An export's practice rows edited, its hashes brought back in line (as an editor could)."""
    from test_untrusted_input import forge

    rows = edit([json.loads(line) for line in (folder / "practices.jsonl").read_text().splitlines()])
    forge(folder, "".join(json.dumps(row) + "\n" for row in rows), edit_manifest, name="practices.jsonl")


def test_a_practice_for_homework_names_its_assignment_as_records_do(tmp_path: Path) -> None:
    from datetime import date

    from thoughtwork.models import Assignment

    homework = Assignment(id="a1", ladder_steps=[LadderStep(id="c0ffee", title="In Sam's bath")],
                          start=date(2026, 11, 1), end=date(2026, 11, 30))
    records = [ThoughtRecord(situation="x", automatic_thought="y", created_at=START)]
    bundle = build_export(records, Settings(study_pseudonym="tw-000000000001"), Study(name="s"),
                          practices=practices(), ladder=LADDER, shipped_steps={"look"}, assignments=[homework])
    assert [r["assignment"] for r in bundle.practice_rows] == [None, "a1"]
    assert bundle.assignments[0]["assignment"] == "a1"  # the same code as in the assignments table
    info = write_export(bundle, tmp_path / "new")
    assert info["settings"]["practice_columns"] == research.COLUMN_NAMES
    # An export made before practices named their assignment still merges, its column empty.
    old = tmp_path / "old"
    write_export(export("tw-000000000002"), old)
    rewrite_practices(old, lambda rows: [{k: v for k, v in row.items() if k != "assignment"} for row in rows],
                      lambda manifest: manifest["settings"].pop("practice_columns"))
    merge([tmp_path / "new", old], tmp_path / "all")
    merged = [json.loads(line) for line in (tmp_path / "all" / "practices.jsonl").read_text().splitlines()]
    assert [(r["participant"][-1], r["assignment"]) for r in merged] == [("1", None), ("1", "a1"), ("2", None), ("2", None)]


def test_merge_refuses_a_practice_naming_an_assignment_the_export_does_not_have(tmp_path: Path) -> None:
    out = tmp_path / "p"
    write_export(export(), out)
    rewrite_practices(out, lambda rows: [rows[0], {**rows[1], "assignment": "a7"}])
    with pytest.raises(MergeProblem, match="Some practices in .* name an assignment"):
        merge([out], tmp_path / "all")
