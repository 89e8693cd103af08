"""Research exports and merging: only allowlisted, scrubbed data leaves; merges check everything."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pyrage import x25519
from rich.console import Console

from thoughtwork.cli.main import main
from thoughtwork.export.columns import FREE_TEXT, OPTIONAL_COLUMNS
from thoughtwork.export.output import OutputProblem
from thoughtwork.export.preview import render_preview
from thoughtwork.export.research_export import Builtin, build_export, new_pseudonym, write_export
from thoughtwork.export.study import Study, StudyProblem, load_study
from thoughtwork.journal import Journal
from thoughtwork.models import Assignment, DistortionMatch, Emotion, Prompt, Settings, ThoughtRecord
from thoughtwork.research.merge import MergeProblem, merge

START = datetime(2026, 3, 1, 21, 30, tzinfo=timezone.utc)
SECRET = "Dinner with Sam at 12 Baker Street, call 07700 900123"


def records(n: int = 3) -> list[ThoughtRecord]:
    return [
        ThoughtRecord(
            situation=SECRET,
            automatic_thought="Sam will leave me [/b]",
            evidence_for=["Priya said so"],
            emotions=[Emotion(name="scared", intensity=80)],
            belief_before=80,
            belief_after=40 + i,
            anxiety_before=70,
            anxiety_after=30,
            distortions=[DistortionMatch(id="fortune_telling"), DistortionMatch(id="labeling", status="rejected")],
            created_at=START + timedelta(days=2 * i, hours=i),
        )
        for i in range(n)
    ]


def settings(pseudonym: str = "tw-000000000001") -> Settings:
    return Settings(study_pseudonym=pseudonym, known_names=["Sam"])


def assignment(therapist: str) -> Assignment:
    prompt = Prompt(
        id="evening", title="Evening reflection", instructions="Write one thought from today.",
        moments=["evening_reflection"], steps=["situation"],
    )
    return Assignment(prompts=[prompt], start=date(2026, 3, 1), end=date(2026, 4, 1), therapist=therapist)


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_rows_carry_days_not_dates_and_scrubbed_text_only() -> None:
    bundle = build_export(list(reversed(records())), settings(), Study())
    assert [r["day"] for r in bundle.rows] == [0, 2, 4]
    assert [r["record"] for r in bundle.rows] == [1, 2, 3]
    first = bundle.rows[0]
    assert first["participant"] == "tw-000000000001"
    assert first["situation"] == "Dinner with [NAME] at [ADDRESS], call [PHONE]"
    assert first["evidence_for"] == "[NAME] said so"
    assert first["distortions"] == ["fortune_telling"]  # the rejected trap stays out
    assert first["belief_change"] == -40
    dumped = json.dumps(bundle.rows)
    assert "Sam" not in dumped and "Baker" not in dumped and "2026" not in dumped
    assert not any(k in dumped for k in ("created_at", "updated_at", '"id"'))


def test_control_sequences_never_reach_the_researcher() -> None:
    record = ThoughtRecord(situation="it hurt \x1b]0;owned\x07 again\x1b[2J", created_at=START)
    row = build_export([record], settings(), Study()).rows[0]
    assert "\x1b" not in row["situation"] and "\x07" not in row["situation"]
    assert row["situation"].startswith("it hurt")


def test_no_free_text_leaves_every_text_column_out() -> None:
    bundle = build_export(records(), settings(), Study(), free_text=False)
    assert not FREE_TEXT & set(bundle.columns)
    assert "Dinner" not in json.dumps(bundle.rows)


def test_study_chooses_fields_and_can_forbid_free_text(tmp_path: Path) -> None:
    path = tmp_path / "study.toml"
    path.write_text('[study]\nname = "pilot"\nfields = ["situation", "context", "belief_before"]\nfree_text = false\nencrypt = false\n')
    study = load_study(path)
    assert study.columns(free_text=True) == ["context", "belief_before"]
    path.write_text('[study]\nfields = ["home_address"]\n')
    with pytest.raises(StudyProblem, match="unknown field 'home_address'"):
        load_study(path)
    path.write_text("[study\n")
    with pytest.raises(StudyProblem, match="not valid TOML"):
        load_study(path)


def test_export_files_manifest_and_codebook(tmp_path: Path) -> None:
    out = tmp_path / "export"
    info = write_export(build_export(records(), settings(), Study(name="pilot")), out)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["assignments.csv", "assignments.jsonl", "codebook.csv", "codebook.json", "manifest.json",
                     "records.csv", "records.jsonl"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest == info
    assert manifest["counts"]["records"] == 3 and manifest["study"] == "pilot"
    assert manifest["counts"]["redactions"]["NAME"] >= 6
    book = json.loads((out / "codebook.json").read_text())
    assert [c["name"] for c in book if c["table"] == "records"] == ["participant", "record", "day", *OPTIONAL_COLUMNS]
    assert all(c["meaning"] for c in book)
    rows = read_csv(out / "records.csv")
    assert len(rows) == 3 and rows[0]["belief_change"] == "-40"
    assert [json.loads(line)["record"] for line in (out / "records.jsonl").read_text().splitlines()] == [1, 2, 3]
    assert (out / "records.csv").stat().st_mode & 0o077 == 0


def test_a_non_empty_folder_is_refused_and_nothing_half_written_is_left(tmp_path: Path) -> None:
    out = tmp_path / "export"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(OutputProblem):
        write_export(build_export(records(), settings(), Study()), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]
    assert (out / "keep.txt").read_text() == "mine"
    empty = tmp_path / "empty"
    empty.mkdir()
    write_export(build_export(records(), settings(), Study()), empty)
    assert (empty / "manifest.json").exists()


def encrypted_export(tmp_path: Path, name: str, pseudonym: str, identity: x25519.Identity) -> Path:
    out = tmp_path / name
    write_export(build_export(records(), settings(pseudonym), Study(name="pilot")), out, identity.to_public())
    return out


def test_encrypted_export_hides_everything_but_the_manifest(tmp_path: Path) -> None:
    identity = x25519.Identity.generate()
    out = encrypted_export(tmp_path, "a", "tw-aaaaaaaaaaaa", identity)
    assert sorted(p.name for p in out.iterdir()) == [
        "assignments.csv.age", "assignments.jsonl.age", "codebook.csv.age", "codebook.json.age", "manifest.json",
        "records.csv.age", "records.jsonl.age",
    ]
    assert b"[NAME]" not in (out / "records.csv.age").read_bytes()
    assert json.loads((out / "manifest.json").read_text())["settings"]["encrypted"] is True


def test_merge_combines_checks_and_summarises(tmp_path: Path) -> None:
    identity = x25519.Identity.generate()
    a = encrypted_export(tmp_path, "a", "tw-aaaaaaaaaaaa", identity)
    b = encrypted_export(tmp_path, "b", "tw-bbbbbbbbbbbb", identity)
    summary = merge([a, b], tmp_path / "all", identity)["summary"]
    assert summary["participants"] == 2 and summary["records"] == 6
    assert summary["mean_belief_change"] == -39.0
    assert summary["traps"] == [("fortune_telling", 6)]
    rows = read_csv(tmp_path / "all" / "records.csv")
    assert {r["participant"] for r in rows} == {"tw-aaaaaaaaaaaa", "tw-bbbbbbbbbbbb"}
    book = json.loads((tmp_path / "all" / "codebook.json").read_text())
    assert len([c for c in book if c["table"] == "records"]) == len(rows[0])


def test_merge_refusals(tmp_path: Path) -> None:
    identity = x25519.Identity.generate()
    a = encrypted_export(tmp_path, "a", "tw-aaaaaaaaaaaa", identity)
    twin = encrypted_export(tmp_path, "twin", "tw-aaaaaaaaaaaa", identity)
    info = merge([a, twin], tmp_path / "once", identity)  # the same records twice: merged once, with a note
    assert info["summary"]["participants"] == 1 and "merged once" in info["notes"][0]
    with pytest.raises(MergeProblem, match="--identity"):
        merge([a], tmp_path / "out")
    with pytest.raises(MergeProblem, match="another key"):
        merge([a], tmp_path / "out", x25519.Identity.generate())
    newer = encrypted_export(tmp_path, "newer", "tw-cccccccccccc", identity)
    manifest = json.loads((newer / "manifest.json").read_text())
    manifest["export_schema"] = 2
    (newer / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(MergeProblem, match="export schema version 2"):
        merge([a, newer], tmp_path / "out", identity)
    damaged = encrypted_export(tmp_path, "damaged", "tw-dddddddddddd", identity)
    with (damaged / "records.jsonl.age").open("ab") as handle:
        handle.write(b"\n")
    with pytest.raises(MergeProblem, match="does not match its manifest"):
        merge([damaged], tmp_path / "out", identity)
    with pytest.raises(MergeProblem, match="no manifest"):
        merge([tmp_path], tmp_path / "out", identity)


def test_preview_shows_placeholders_and_user_text_literally() -> None:
    bundle = build_export(records(1), settings(), Study())
    console = Console(record=True, width=120, color_system=None)
    console.print(render_preview(bundle, "Files will not be encrypted."))
    shown = console.export_text()
    assert "[NAME] will leave me [/b]" in shown
    assert "Sam" not in shown
    assert "1 record would be sent" in shown


def test_an_export_with_no_records_still_names_its_participant(tmp_path: Path) -> None:
    info = write_export(build_export([], settings(), Study()), tmp_path / "empty")
    assert info["participant"] == "tw-000000000001" and info["counts"]["records"] == 0
    assert merge([tmp_path / "empty"], tmp_path / "out")["summary"]["records"] == 0


def test_pseudonyms_are_random() -> None:
    assert new_pseudonym() != new_pseudonym()


def test_export_command_from_a_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "j.twj"
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", "correct horse")
    with Journal.create(path, "correct horse") as journal:
        journal.add_many([*records(), ThoughtRecord(situation="told hope about it", created_at=START)])
        journal.save_settings(Settings(known_names=["Sam"]))
        journal.save_assignment(assignment("Dr Hope Quist"))
    assert main(["--journal", str(path), "export", "--anonymise", "--preview"]) == 0
    assert not any(p.name != "j.twj" and not p.name.startswith("j.twj") for p in tmp_path.iterdir())
    assert main(["--journal", str(path), "export", "--anonymise", "--out", str(tmp_path / "one")]) == 0
    assert main(["--journal", str(path), "export", "--anonymise", "--no-free-text", "--out", str(tmp_path / "two")]) == 0
    assert "told hope" not in (tmp_path / "one" / "records.jsonl").read_text()  # the therapist's name
    one = json.loads((tmp_path / "one" / "manifest.json").read_text())
    two = json.loads((tmp_path / "two" / "manifest.json").read_text())
    assert one["participant"] == two["participant"]  # made once, kept in the journal
    with Journal.open(path, "correct horse") as journal:
        assert journal.settings().study_pseudonyms == {"unnamed study": one["participant"]}
    # Another study gets its own pseudonym, so the two studies cannot link this person.
    other = tmp_path / "other.toml"
    other.write_text('name = "Another study"\nencrypt = false\n')
    assert main(["--journal", str(path), "export", "--anonymise", "--study", str(other), "--out", str(tmp_path / "four")]) == 0
    four = json.loads((tmp_path / "four" / "manifest.json").read_text())
    assert four["participant"] != one["participant"]
    assert main(["--journal", str(path), "export", "--anonymise", "--out", str(tmp_path / "one")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--journal", str(path), "export", "--out", str(tmp_path / "three")]) == 1


def test_merge_command_prints_the_summary(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    identity = x25519.Identity.generate()
    key = tmp_path / "researcher.key"
    key.write_text(f"# test key\n{identity}\n")
    a = encrypted_export(tmp_path, "a", "tw-aaaaaaaaaaaa", identity)
    b = encrypted_export(tmp_path, "b", "tw-bbbbbbbbbbbb", identity)
    assert main(["research", "merge", str(a), str(b), "--out", str(tmp_path / "all"), "--identity", str(key)]) == 0
    shown = capsys.readouterr().out
    assert "participants" in shown and "fortune_telling" in shown and "-39.0" in shown
    assert main(["research", "merge", str(a), str(a), "--out", str(tmp_path / "again"), "--identity", str(key)]) == 0
    assert "merged once" in capsys.readouterr().out


def test_merge_validates_every_value_against_the_codebook(tmp_path: Path) -> None:
    """Even with matching hashes, a row that does not fit the codebook is refused, not printed."""
    out = tmp_path / "forged"
    write_export(build_export(records(1), settings(), Study()), out)
    rows = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    rows[0]["distortions"] = ["[bold red]not a trap"]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    (out / "records.jsonl").write_bytes(data)
    manifest = json.loads((out / "manifest.json").read_text())
    digest = hashlib.sha256(data).hexdigest()
    manifest["files"]["records.jsonl"].update(sha256=digest, stored_sha256=digest, bytes=len(data))
    (out / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(MergeProblem, match="Record 1 .* distortions should be a list of the codebook's levels"):
        merge([out], tmp_path / "merged")


def test_a_journal_from_before_per_study_pseudonyms_keeps_its_one_for_the_next_study(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    path = tmp_path / "j.twj"
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", "correct horse")
    with Journal.create(path, "correct horse") as journal:
        journal.add_many(records(1))
        journal.save_settings(Settings(study_pseudonym="tw-0123456789ab"))
    assert main(["--journal", str(path), "export", "--anonymise", "--out", str(tmp_path / "a")]) == 0
    study = tmp_path / "s.toml"
    study.write_text('name = "Second"\nencrypt = false\n')
    assert main(["--journal", str(path), "export", "--anonymise", "--study", str(study), "--out", str(tmp_path / "b")]) == 0
    first = json.loads((tmp_path / "a" / "manifest.json").read_text())["participant"]
    second = json.loads((tmp_path / "b" / "manifest.json").read_text())["participant"]
    assert first == "tw-0123456789ab" and second != first


def test_only_built_in_ids_leave_and_others_become_numbered_codes(tmp_path: Path) -> None:
    """A therapist's own prompt id names a clinic and a person: it must never reach researchers."""
    own = "riverside-clinic.drokafor-checkin"
    made = [
        ThoughtRecord(situation="s", automatic_thought="t", prompt_id=own, reframe_chosen="general.friend",
                      created_at=START),
        ThoughtRecord(situation="s", automatic_thought="t", prompt_id="daily.evening-reflection",
                      reframe_chosen="clinic.my-reframe", created_at=START + timedelta(days=1)),
        ThoughtRecord(situation="s", automatic_thought="t", prompt_id="other.clinic-prompt", created_at=START + timedelta(days=2)),
        ThoughtRecord(situation="s", automatic_thought="t", prompt_id=own, created_at=START + timedelta(days=3)),
    ]
    out = tmp_path / "export"
    write_export(build_export(made, settings(), Study()), out)  # the shipped libraries decide what is built in
    rows = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [r["prompt_id"] for r in rows] == ["custom-1", "daily.evening-reflection", "custom-2", "custom-1"]
    assert [r["reframe_chosen"] for r in rows] == ["general.friend", "custom-1", None, None]
    for path in out.iterdir():
        text = path.read_text()
        assert "riverside" not in text and "drokafor" not in text and "clinic" not in text
    # With no built-in ids known (the shipped library unreadable), every id is coded.
    coded = build_export(made, settings(), Study(), builtin=Builtin()).rows
    assert [r["prompt_id"] for r in coded] == ["custom-1", "custom-2", "custom-3", "custom-1"]


def test_a_study_file_must_say_how_exports_travel(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """An empty or cut-off study file once meant 'unnamed study, unencrypted'."""
    identity = x25519.Identity.generate()
    path = tmp_path / "study.toml"
    whole = f'[study]\nname = "Pain 2026"\nfields = ["context", "situation"]\nrecipient = "{identity.to_public()}"\n'
    path.write_text(whole)
    assert load_study(path).recipient == str(identity.to_public())
    for broken, why in [("", "does not name its study"), ("[study]\n", "does not name its study"),
                        (whole[: whole.index("recipient")], "how to protect the export"),
                        (whole.replace("recipient", "encrypt = false\nrecipient"), "which is meant"),
                        ("study = 3\n", "must be a table")]:
        path.write_text(broken)
        with pytest.raises(StudyProblem, match=why):
            load_study(path)
        code = main(["--journal", str(tmp_path / "none.twj"), "export", "--anonymise", "--out", str(tmp_path / "x"),
                     "--study", str(path)])
        assert code == 1 and why in capsys.readouterr().err and not (tmp_path / "x").exists()
    path.write_text('[study]\nname = "Pain 2026"\nencrypt = false\n')
    assert load_study(path).recipient is None


def test_merge_refuses_to_mix_encrypted_and_plain_exports(tmp_path: Path) -> None:
    identity = x25519.Identity.generate()
    sealed = encrypted_export(tmp_path, "a", "tw-aaaaaaaaaaaa", identity)
    plain = tmp_path / "b"
    write_export(build_export(records(), settings("tw-bbbbbbbbbbbb"), Study(name="pilot")), plain)
    with pytest.raises(MergeProblem, match=r"mix encrypted and unencrypted ones \(.*b is not encrypted\)"):
        merge([sealed, plain], tmp_path / "all", identity)
    assert not (tmp_path / "all").exists()


def forged(tmp_path: Path, edit) -> Path:  # noqa: ANN001
    """An export edited after it was made, its hashes brought back in line (as an editor could)."""
    out = tmp_path / "forged"
    write_export(build_export(records(2), settings(), Study()), out)
    rows = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    edit(rows)
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    (out / "records.jsonl").write_bytes(data)
    manifest = json.loads((out / "manifest.json").read_text())
    digest = hashlib.sha256(data).hexdigest()
    manifest["files"]["records.jsonl"].update(sha256=digest, stored_sha256=digest, bytes=len(data))
    (out / "manifest.json").write_text(json.dumps(manifest))
    return out


def test_merge_cleans_text_edited_into_an_export_as_the_participant_side_does(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    def edit(rows: list[dict]) -> None:
        rows[0]["situation"] = "\x1b]0;owned\x07it hurt \x1b[2J\x1b[31magain\u202e\x9b"
        rows[1]["balanced_thought"] = "one\x07step\x1bP"

    out = forged(tmp_path, edit)
    assert main(["research", "merge", str(out), "--out", str(tmp_path / "all")]) == 0
    for name in ("records.csv", "records.jsonl"):
        text = (tmp_path / "all" / name).read_text()
        assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text), name
    rows = [json.loads(line) for line in (tmp_path / "all" / "records.jsonl").read_text().splitlines()]
    assert rows[0]["situation"].startswith("it hurt again")
    assert rows[1]["balanced_thought"].startswith("one\u2407step")  # a bell shown, not rung
    assert "\x1b" not in capsys.readouterr().out


@pytest.mark.parametrize("column,value,why", [
    ("participant", "tw-aaaaaaaaaaaa", "another participant"),
    ("record", 7, "out of order"),
    ("day", -1, "day is outside the range 0 or more"),
    ("belief_before", 101, "belief_before is outside the range from 0 to 100"),
    ("belief_before", 50.5, "belief_before should be a whole number"),
    ("emotion_intensity_mean", "70", "should be a number"),
    ("status", ["draft"], "status is not one of"),
    ("from_assignment", "yes", "should be true or false"),
    ("prompt_id", "Dr Okafor's check-in", "prompt_id is not in the form"),
    ("situation", 12, "situation should be text"),
])
def test_merge_checks_every_column_type_and_range(tmp_path: Path, column: str, value, why: str) -> None:  # noqa: ANN001
    out = forged(tmp_path, lambda rows: rows[0].update({column: value}))
    with pytest.raises(MergeProblem, match=why):
        merge([out], tmp_path / "all")
    assert not (tmp_path / "all").exists()


def test_prompt_answers_go_out_scrubbed_with_only_built_in_questions_in_full() -> None:
    record = ThoughtRecord(situation="s", automatic_thought="t", created_at=START, prompt_id="dilator.before",
                           prompt_answers={"Which dilator size or step are you planning today?": "size 2 with Sam",
                                           "Did Dr Okafor's tip at Riverside help?": "yes", "Empty?": ""})
    [row] = build_export([record], settings(), Study()).rows
    assert row["prompt_answers"] == "Which dilator size or step are you planning today?: size 2 with [NAME] | Q2: yes"
    assert row["body_tension"] is None and "belief_balanced" in row
    [plain] = build_export([record], settings(), Study(), builtin=Builtin()).rows
    assert plain["prompt_answers"] == "Q1: size 2 with [NAME] | Q2: yes"


def test_ratings_given_again_at_the_end_go_out_beside_the_first_ones(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from thoughtwork.research import dictionary

    record = ThoughtRecord(situation="practice", body_tension=70, body_tension_after=40, created_at=START - timedelta(hours=1),  # first: records(1) is at START too
                           emotions=[Emotion(name="scared", intensity=80, intensity_after=30),
                                     Emotion(name="hopeful", intensity_after=60), Emotion(name="tired")])
    bundle = build_export([record, *records(1)], settings(), Study(name="pilot"))
    again, first = bundle.rows[0], bundle.rows[1]
    assert (again["body_tension"], again["body_tension_after"]) == (70, 40)
    assert (again["emotion_intensity_mean"], again["emotion_intensity_after_mean"]) == (80.0, 45.0)
    assert again["emotions"] == "scared:80>30; hopeful:->60; tired"
    assert first["body_tension_after"] is None and first["emotion_intensity_after_mean"] is None
    out = tmp_path / "export"
    write_export(bundle, out)
    merge([out], tmp_path / "all")
    table = pq.read_table(tmp_path / "all" / "records.parquet")
    assert str(table.schema.field("body_tension_after").type) == "int32"
    assert table.column("emotion_intensity_after_mean").to_pylist() == [45.0, None]
    book = {c["name"]: c for c in json.loads((tmp_path / "all" / "codebook.json").read_text())}
    assert (book["body_tension_after"]["min"], book["body_tension_after"]["max"]) == (0, 100)
    assert "again" in book["emotion_intensity_after_mean"]["meaning"]
    fields = [row["Variable / Field Name"] for row in dictionary.data_dictionary(list(bundle.columns))]
    assert fields.index("body_tension_after") == fields.index("body_tension") + 1


@pytest.mark.parametrize(("cell", "shown"), [
    ("-100", "-100"), ("+5", "+5"), ("-2.5e3", "-2.5e3"), (".5", ".5"),  # numbers stay numbers
    ("-2+3", "'-2+3"), ("-I froze", "'-I froze"), ("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("@sum", "'@sum"),
    ("-", "'-"), ("-1-1", "'-1-1"), ("'-100", "'-100"),
])
def test_the_spreadsheet_guard_defuses_formulas_and_leaves_numbers(cell: str, shown: str) -> None:
    from thoughtwork.export import output

    assert output.defused(cell) == shown
    assert output.csv_bytes(["a"], [{"a": cell}]).decode().splitlines()[1].strip('"') == shown


@pytest.mark.parametrize("column", ["prompt_id", "reframe_chosen"])
def test_merge_refuses_an_id_that_is_neither_built_in_nor_a_custom_code(tmp_path: Path, column: str) -> None:
    out = forged(tmp_path, lambda rows: rows[0].update({column: "riverside-clinic.drokafor-checkin"}))
    with pytest.raises(MergeProblem, match=f"Record 1 in .*: {column} is neither a built-in id nor a custom-N code") as caught:
        merge([out], tmp_path / "all")
    assert "riverside" not in str(caught.value)
    assert not (tmp_path / "all").exists()


@pytest.mark.parametrize("column,value", [("prompt_id", "dilator.before"), ("prompt_id", "custom-12"),
                                          ("reframe_chosen", "custom-1"), ("reframe_chosen", None)])
def test_merge_takes_built_in_ids_and_custom_codes(tmp_path: Path, column: str, value: str | None) -> None:
    out = forged(tmp_path, lambda rows: rows[0].update({column: value}))
    merge([out], tmp_path / "all")
    assert [r[column] for r in map(json.loads, (tmp_path / "all" / "records.jsonl").read_text().splitlines())][0] == value


@pytest.mark.parametrize("line,why", [('encrypt = "false"', "encrypt: must be true or false"),
                                      ('free_text = "no"', "free_text: must be true or false"),
                                      ('practices = 0', "practices: must be true or false")])
def test_a_study_file_takes_true_and_false_only_as_toml_booleans(tmp_path: Path, line: str, why: str) -> None:
    path = tmp_path / "study.toml"
    path.write_text(f'[study]\nname = "Pain 2026"\n{line}\n' + ("" if "encrypt" in line else "encrypt = false\n"))
    with pytest.raises(StudyProblem, match=why):
        load_study(path)


@pytest.mark.parametrize("where,value", [(("counts", "records"), "2"), (("counts", "assignments"), 0.0),
                                         (("settings", "encrypted"), "false"), (("settings", "free_text"), 1),
                                         (("export_schema",), "1")])
def test_merge_takes_a_manifests_numbers_and_booleans_only_as_json_ones(tmp_path: Path, where: tuple, value) -> None:  # noqa: ANN001
    out = forged(tmp_path, lambda rows: None)
    manifest = json.loads((out / "manifest.json").read_text())
    *path, last = where
    target = manifest
    for key in path:
        target = target[key]
    target[last] = value
    (out / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(MergeProblem, match=f"manifest in {out}"):
        merge([out], tmp_path / "all")
    assert not (tmp_path / "all").exists()
