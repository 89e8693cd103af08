"""The two --jsonl commands keep output line N answering input line N, whatever the input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from thoughtwork.cli.analyse_commands import analyse_jsonl
from thoughtwork.models import MAX_TEXT


def test_a_huge_line_keeps_its_id_when_the_id_comes_first() -> None:
    huge_first = b'{"id": "t-7", "text": "' + b"x" * (10 * MAX_TEXT) + b'"}\n'
    huge_last = b'{"text": "' + b"x" * (10 * MAX_TEXT) + b'", "id": 9}\n'
    out = io.StringIO()
    analyse_jsonl(io.BytesIO(huge_first + huge_last + b'{"id": 3, "text": "ok"}\n'), out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == ["t-7", None, 3]
    assert results[0]["error"].startswith("the line is too long") and "error" not in results[2]


def test_anonymise_answers_blank_lines_too() -> None:
    lines = b'{"id": "a", "text": "Sam rang"}\n\n   \n{"id": "b", "text": "fine"}\n'
    done = subprocess.run(
        [sys.executable, "-m", "thoughtwork.cli.main", "anonymise", "--jsonl"],
        input=lines, capture_output=True, timeout=60, env={**os.environ},
    )
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [item["id"] for item in out] == ["a", None, None, "b"]
    assert out[1] == {"id": None, "error": "the line is blank"}
