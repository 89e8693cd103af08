"""`thoughtwork analyse`: the human view and the --jsonl stream, which must never crash."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from thoughtwork.cli.analyse_commands import analyse_jsonl, highlighted
from thoughtwork.cli.main import main
from thoughtwork.models import MAX_TEXT
from thoughtwork.nlp import analyse


def run_jsonl(lines: list[bytes], batch_size: int = 512) -> list[dict]:
    out = io.StringIO()
    analyse_jsonl(io.BytesIO(b"\n".join(lines) + b"\n"), out, batch_size=batch_size)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_thought_is_shown_with_its_traps(capsys):
    assert main(["analyse", "It hurt last time, so it will hurt every time."]) == 0
    shown = capsys.readouterr().out
    assert "Fortune telling" in shown
    assert "Overgeneralising" in shown
    assert "every time" in shown


def test_a_balanced_thought_is_shown_kindly(capsys):
    assert main(["analyse", "It hurt a little; I can go slower."]) == 0
    assert "No thinking traps stood out" in capsys.readouterr().out


def test_no_text_is_a_plain_error(capsys):
    assert main(["analyse"]) != 0
    err = capsys.readouterr().err
    assert err.startswith("thoughtwork: ") and len(err.strip().splitlines()) == 1


def test_user_text_is_shown_literally_and_without_control_sequences(capsys):
    text = "I'm a failure [bold red]x[/] [@click=app.quit]q \x1b]0;title\x07 \u202eevil"
    assert main(["analyse", text]) == 0
    shown = capsys.readouterr().out
    assert "[bold red]x[/]" in shown
    assert "[@click=app.quit]" in shown
    assert "\x1b" not in shown and "\u202e" not in shown


def test_highlighted_text_marks_the_evidence_and_keeps_the_rest():
    rendered = highlighted(analyse("Honestly, I'm a failure."))
    assert rendered.plain == "Honestly, I'm a failure."
    bold = [rendered.plain[s.start : s.end] for s in rendered.spans]
    assert bold == ["I'm a failure"]


def test_jsonl_gives_one_line_per_input_line_in_order_even_for_bad_lines():
    lines = [
        b'{"id": 1, "text": "I always get it wrong."}',
        b"",
        b"not json",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"id": 5}',
        b'{"id": 6, "text": 42}',
        b'{"id": 7, "text": "' + b"a" * (MAX_TEXT + 1) + b'"}',
        b'{"id": "eight", "text": "It hurt a little; I can go slower.", "labels": []}',
        b"\xff\xfe broken utf-8",
        b"[" * 10_000 + b"]" * 10_000,
        b'{"id": 12, "text": "I\'m not a failure", "text": "I\'m a failure"}',
        b'{"text": "I should be over this by now."}',
    ]
    results = run_jsonl(lines, batch_size=4)
    assert len(results) == len(lines)
    assert results[0]["id"] == 1
    assert results[0]["distortions"][0]["id"] == "overgeneralization"
    assert results[0]["distortions"][0]["evidence"] == ["always"]
    for index in (1, 2, 3, 4, 5, 6, 7, 9, 10):
        assert results[index]["distortions"] == []
        assert isinstance(results[index]["error"], str) and results[index]["error"]
    assert results[5]["id"] == 5 and "text" in results[5]["error"]
    assert results[7]["error"].startswith("the text is too long")
    assert results[8] == {"id": "eight", "distortions": [], "themes": ["pain"]}
    assert "error" not in results[11]
    assert results[12]["id"] is None
    assert results[12]["distortions"][0]["id"] == "should_statements"


def test_jsonl_skips_a_huge_line_without_reading_it_whole():
    huge = b'{"id": 1, "text": "' + b"x" * (50 * MAX_TEXT) + b'"}'
    results = run_jsonl([huge, b'{"id": 2, "text": "I\'m broken."}'])
    assert results[0]["error"].startswith("the line is too long")
    assert results[1]["id"] == 2 and results[1]["distortions"][0]["id"] == "labeling"


def test_jsonl_through_the_real_command():
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(["I'm useless.", "A walk."])) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "thoughtwork.cli.main", "analyse", "--jsonl"],
        input=lines.encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["id"] for r in results] == [0, 1]
    assert results[0]["distortions"][0]["id"] == "labeling"
    assert results[1]["distortions"] == []


def test_jsonl_and_text_together_is_refused(capsys):
    assert main(["analyse", "--jsonl", "some text"]) != 0
    assert "not both" in capsys.readouterr().err


def test_jsonl_results_equal_the_full_analyses_they_skip():
    from thoughtwork.nlp import analyse_many

    texts = [
        "It always hurts, no matter what I do.",
        "He told me he finds me attractive and I trust him.",
        "I\u2019m a failure and everyone knows it \u2014 it\u2019s all my fault.",
        "",
        "Some days I just want to die.",
    ]
    out = io.StringIO()
    analyse_jsonl(io.BytesIO("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)).encode()), out)
    got = [json.loads(line) for line in out.getvalue().splitlines()]
    want = [
        {
            "id": i,
            "distortions": [
                {"id": m.id.value, "score": m.score, "evidence": [span.text for span in m.evidence], "source": m.source.value}
                for m in a.distortions
            ],
            "themes": [theme.value for theme in a.themes],
            **({"mentions_self_harm": True} if a.mentions_self_harm else {}),
        }
        for i, a in enumerate(analyse_many(texts))
    ]
    assert got == want
    assert got[-1]["mentions_self_harm"] is True and "mentions_self_harm" not in got[0]
    assert got[0]["distortions"]


def test_jsonl_reads_a_file_that_starts_with_a_byte_order_mark():
    """Windows editors save UTF-8 with a BOM; the first line was 'not valid JSON'."""
    out = run_jsonl(['\ufeff{"id": 1, "text": "I always fail"}'.encode(), b'{"id": 2, "text": "\\ufeff fine"}'])
    assert out[0]["id"] == 1 and "error" not in out[0]
    assert [d["id"] for d in out[0]["distortions"]] == ["overgeneralization"]
    assert "error" not in out[1]


def test_jsonl_names_half_a_character_plainly():
    out = run_jsonl([b'{"id": 1, "text": "a\\ud800b"}', b'{"id": 2, "text": "smile \\ud83d\\ude00"}'])
    assert out[0]["error"] == "the line has a broken \\u escape (half of a character)"
    assert "error" not in out[1]
