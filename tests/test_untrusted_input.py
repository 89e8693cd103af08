"""Files from other people (content, study files, imports, exports) fail with one plain line.

Deep nesting, numbers past Python's 4,300-digit limit, NaN and infinity, and values of the
wrong shape used to surface as "Something went wrong inside thoughtwork (RecursionError)"
(exit 70). Every parser of outside data goes through `thoughtwork.stricttoml` or
`thoughtwork.journal.strictjson`; these tests hold each command to one clear line, exit 1.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thoughtwork import stricttoml
from thoughtwork.cli.main import main
from thoughtwork.export.research_export import Builtin, build_export, write_export
from thoughtwork.export.study import Study
from thoughtwork.journal import Journal
from thoughtwork.journal import strictjson
from thoughtwork.models import Emotion, Settings, ThoughtRecord
from thoughtwork.research.merge import MergeProblem, merge

DEEP_TOML = "a = " + "[" * 3000 + "]" * 3000 + "\n"
DEEP_INLINE = "a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n"
LONG_NUMBER = "9" * 5000


def nested(depth: int, opener: str) -> str:
    close = {"[": "]", "{b = ": "}"}[opener]
    return "a = " + opener * depth + ("1" if opener != "[" else "") + close * depth + "\n"


# --- the parsers -------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]{}=\"'#.\n ab19-+e_:,")) | st.characters(), max_size=300))
def test_toml_of_any_text_either_parses_or_says_why(text: str) -> None:
    try:
        value = stricttoml.loads(text)
    except stricttoml.StrictTOMLError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(value, dict)


@settings(max_examples=60, deadline=None)
@given(depth=st.integers(1, 4000), opener=st.sampled_from(["[", "{b = "]))
def test_toml_nesting_is_refused_past_the_limit_at_any_depth(depth: int, opener: str) -> None:
    if depth < stricttoml.MAX_DEPTH:
        assert stricttoml.loads(nested(depth, opener))
    else:
        with pytest.raises(stricttoml.StrictTOMLError, match="nested"):
            stricttoml.loads(nested(depth, opener))


@settings(max_examples=40, deadline=None)
@given(digits=st.integers(4301, 20_000), where=st.sampled_from(["a = {}", "a = [{}]", "[t]\nb = {}"]))
def test_an_over_long_number_is_one_plain_problem(digits: int, where: str) -> None:
    with pytest.raises(stricttoml.StrictTOMLError, match="too many digits"):
        stricttoml.loads(where.format("1" * digits))
    with pytest.raises(strictjson.StrictJSONError, match="too many digits"):
        strictjson.loads('{"a": ' + "1" * digits + "}")


@pytest.mark.parametrize("constant", ["nan", "inf", "-inf", "+nan"])
def test_toml_nan_and_inf_are_refused(constant: str) -> None:
    with pytest.raises(stricttoml.StrictTOMLError, match="nan or inf"):
        stricttoml.loads(f"a = [1, {constant}]")


def all_finite(value) -> bool:  # noqa: ANN001
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(map(all_finite, value.values()))
    if isinstance(value, list):
        return all(map(all_finite, value))
    return True


@settings(max_examples=200, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=20,
))
def test_json_parses_back_exactly_or_refuses_non_finite_numbers(value) -> None:  # noqa: ANN001
    text = json.dumps(value)
    if all_finite(value):
        assert strictjson.loads(text) == value
    else:
        with pytest.raises(strictjson.StrictJSONError):
            strictjson.loads(text)


@pytest.mark.parametrize("text", ["1e999", "[-1e400]", '{"a": 1E+999}'])
def test_json_numbers_that_overflow_to_infinity_are_refused(text: str) -> None:
    with pytest.raises(strictjson.StrictJSONError, match="too large"):
        strictjson.loads(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_json_of_any_bytes_either_parses_or_says_why(data: bytes) -> None:
    for depth in (strictjson.MAX_DEPTH, None):
        try:
            strictjson.loads(data, max_depth=depth)
        except strictjson.StrictJSONError as error:
            assert str(error)


# --- the commands --------------------------------------------------------------------------------


def run(args: list[str], capsys) -> tuple[int, str]:  # noqa: ANN001
    code = main(args)
    err = capsys.readouterr().err + ""
    return code, err


def one_clear_line(code: int, err: str, *words: str) -> None:
    assert code == 1, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Something went wrong" not in err
    for word in words:
        assert word in err


@pytest.mark.parametrize("body", [DEEP_TOML, DEEP_INLINE, f"a = {LONG_NUMBER}\n"])
def test_content_lint_and_prompts_option_say_what_is_wrong(tmp_path: Path, capsys, body: str) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.toml"
    bad.write_text(body)
    for kind in ("prompts", "reframes"):
        code = main([kind, "lint", str(bad)])
        out = capsys.readouterr().out
        assert code == 1 and "bad.toml:" in out and ("nested" in out or "digits" in out)
    code, err = run(["homework", "assign", "daily.evening-reflection", "--prompts", str(bad),
                     "--to", str(tmp_path / "hw.json")], capsys)
    one_clear_line(code, err, "bad.toml")
    assert not (tmp_path / "hw.json").exists()


@pytest.mark.parametrize("body", [DEEP_TOML, "[study]\n" + DEEP_INLINE, f"[study]\nname = {LONG_NUMBER}\n",
                                  "[study]\nname = nan\n"])
def test_a_broken_study_file_is_one_line(tmp_path: Path, capsys, body: str) -> None:  # noqa: ANN001
    study = tmp_path / "study.toml"
    study.write_text(body)
    code, err = run(["--journal", str(tmp_path / "none.twj"), "export", "--anonymise", "--preview", "--study", str(study)], capsys)
    one_clear_line(code, err, "study file")


def test_journal_import_of_an_over_long_number(tmp_path: Path, capsys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", "correct horse")
    path = tmp_path / "j.twj"
    Journal.create(path, "correct horse").close()
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"situation": "s", "automatic_thought": "t", "belief_before": ' + LONG_NUMBER + "}\n")
    code, err = run(["--journal", str(path), "journal", "import", str(lines)], capsys)
    one_clear_line(code, err, "line 1", "too many digits")


# --- merge: forged exports -------------------------------------------------------------------------


def export(tmp_path: Path, name: str = "export") -> Path:
    record = ThoughtRecord(situation="Dinner out", automatic_thought="It will hurt", belief_before=80,
                           emotions=[Emotion(name="scared", intensity=70)])
    out = tmp_path / name
    write_export(build_export([record], Settings(study_pseudonym="tw-00000000000a"), Study(), builtin=Builtin()), out)
    return out


def forge(folder: Path, rows_text: str | None = None, manifest_edit=None, name: str = "records.jsonl") -> None:  # noqa: ANN001
    """Change an export's file `name` the way someone editing it would, keeping its hashes consistent."""
    manifest = json.loads((folder / "manifest.json").read_text())
    if rows_text is not None:
        data = rows_text.encode()
        (folder / name).write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        manifest["files"][name].update(sha256=digest, stored_sha256=digest, bytes=len(data))
    if manifest_edit:
        manifest_edit(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def row_text(folder: Path) -> str:
    return (folder / "records.jsonl").read_text()


@pytest.mark.parametrize("old,new,why", [
    ('"emotion_intensity_mean": 70.0', '"emotion_intensity_mean": NaN', "NaN"),
    ('"emotion_intensity_mean": 70.0', '"emotion_intensity_mean": 1e999', "too large"),
    ('"belief_before": 80', '"belief_before": ' + LONG_NUMBER, "too many digits"),
    ('"belief_before": 80', '"belief_before": ' + "[" * 5000 + "]" * 5000, "nested"),
])
def test_merge_refuses_unreadable_numbers_in_one_line(tmp_path: Path, capsys, old: str, new: str, why: str) -> None:  # noqa: ANN001
    folder = export(tmp_path)
    assert old in row_text(folder)
    forge(folder, row_text(folder).replace(old, new))
    code, err = run(["research", "merge", str(folder), "--out", str(tmp_path / "all")], capsys)
    one_clear_line(code, err, "Record 1", why)
    assert not (tmp_path / "all").exists()


@pytest.mark.parametrize("edit,why", [
    (lambda m: m.update(files="records.csv"), "files"),
    (lambda m: m["files"].update({"records.csv": "x"}), "files.records.csv"),
    (lambda m: m.update(counts="3"), "counts"),
    (lambda m: m["settings"].update(columns="participant"), "settings.columns"),
    (lambda m: m["files"]["records.csv"].update(stored_as="../../etc/passwd"), "stored_as"),
    (lambda m: m.update(participant="\x1b]0;owned\x07"), "participant"),
    (lambda m: m["counts"].update(records=10 ** 30), "different number"),
])
def test_merge_refuses_a_manifest_of_the_wrong_shape_in_one_line(tmp_path: Path, capsys, edit, why: str) -> None:  # noqa: ANN001
    folder = export(tmp_path)
    forge(folder, manifest_edit=edit)
    code, err = run(["research", "merge", str(folder), "--out", str(tmp_path / "all")], capsys)
    one_clear_line(code, err, why)
    assert "\x1b" not in err and "\x07" not in err


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10 ** 20), 10 ** 20) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(["participant", "record", "day", "status", "belief_before", "emotion_intensity_mean",
                               "distortions", "prompt_id", "from_assignment", "situation"]),
       value=json_values)
def test_merge_accepts_only_values_that_fit_the_codebook(tmp_path_factory, column: str, value) -> None:  # noqa: ANN001
    """Whatever value is edited into any column, merge refuses it in plain words or writes a value
    that fits the codebook; text never carries a control character out."""
    from thoughtwork.export.columns import COLUMNS

    tmp = tmp_path_factory.mktemp("m")
    folder = export(tmp)
    row = json.loads(row_text(folder))
    row[column] = value
    forge(folder, json.dumps(row) + "\n")
    try:
        merge([folder], tmp / "all")
    except MergeProblem as problem:
        assert str(problem)
        return
    merged = json.loads((tmp / "all" / "records.jsonl").read_text())
    assert COLUMNS[column].problem(merged[column]) is None
    if isinstance(merged[column], float):
        assert math.isfinite(merged[column])
    if isinstance(merged[column], str):
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in merged[column])


@settings(max_examples=300, deadline=None)
@given(column=st.sampled_from(sorted(__import__("thoughtwork.export.columns", fromlist=["COLUMNS"]).COLUMNS)),
       values=st.lists(json_values | st.sampled_from([None, 0, 100, 101, -1, 50.5, True, "draft", "complete",
                                                      ["labeling"], ["nope"], "tw-000000000001", "a1", "custom-1",
                                                      "\ud800", "x" * 10]), max_size=8))
def test_checking_a_column_at_once_agrees_with_checking_each_value(column: str, values: list) -> None:
    """Merge checks each column of an export in one go for speed; it must accept exactly what the
    value-by-value check accepts."""
    from thoughtwork.export.columns import COLUMNS

    entry = COLUMNS[column]
    assert entry.all_fit(values) == all(map(entry.fits, values))
    assert all(entry.fits(v) == (entry.problem(v) is None) for v in values)
