"""`thoughtwork analyse`: show the thinking traps in a thought, or analyse JSON lines in bulk.

    thoughtwork analyse "It hurt last time, so it will hurt every time."
    thoughtwork analyse --jsonl < thoughts.jsonl > found.jsonl

In --jsonl mode every input line gets exactly one output line, in order; a line that cannot
be analysed gets an "error" field and no distortions, and the run goes on.
"""

from __future__ import annotations

import argparse
import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from thoughtwork.cli.errors import UserError
from thoughtwork.models import (
    DISTORTION_DESCRIPTIONS,
    DISTORTION_NAMES,
    MAX_TEXT,
    Analysis,
)
from thoughtwork.text import clean, highlight

if TYPE_CHECKING:
    from thoughtwork.nlp.components import Hit

BATCH_SIZE = 512
"""Lines analysed (and flushed) together in --jsonl mode."""

MAX_LINE_BYTES = 8 * MAX_TEXT
"""Longer lines are refused before parsing: even fully escaped, a valid text would fit."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyse",
        aliases=["analyze"],
        help="show the thinking traps in a thought",
        description=(
            "Show the thinking traps (cognitive distortions) a thought may contain and the words "
            "behind each. This is a self-help suggestion, not a diagnosis."
        ),
    )
    parser.add_argument("text", nargs="?", help="the thought, in quotes")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id": ..., "text": ...} lines on standard input and write one result line for each',
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        if args.text is not None:
            raise UserError("give either a thought or --jsonl (which reads standard input), not both")
        analyse_jsonl(sys.stdin.buffer, sys.stdout)
        return 0
    if args.text is None or not args.text.strip():
        raise UserError('give a thought to analyse in quotes, e.g. thoughtwork analyse "I always get it wrong"')
    from thoughtwork.nlp import analyse

    try:
        analysis = analyse(args.text)
    except ValueError as error:
        raise UserError(str(error)) from None
    show(analysis)
    return 0


# --- one thought, for a person --------------------------------------------------------------


def show(analysis: Analysis, file: IO[str] | None = None) -> None:
    """Print the thought with the trigger words highlighted, then each trap found."""
    from rich.console import Console

    console = Console(file=file or sys.stdout, highlight=False, soft_wrap=True)
    console.print(highlighted(analysis))
    if analysis.mentions_self_harm:
        console.print(_safety_note())
        reason = _safety_reason(analysis.text)
        if reason is not None:
            console.print(reason)
    if not analysis.distortions:
        console.print(_plain("\nNo thinking traps stood out in these words. ", "green"), end="")
        console.print(_plain("That is a suggestion, not a verdict: you know your thoughts best."))
    for match in analysis.distortions:
        console.print(_describe(match.id.value, match.score, match.explanation))
    if analysis.distortions:
        console.print(_plain("\nThese are suggestions read from the words alone; keep the ones that fit.", "dim"))
    if analysis.themes:
        console.print(_plain("\nAbout: " + ", ".join(t.value.replace("_", " ") for t in analysis.themes), "dim"))


def highlighted(analysis: Analysis):  # -> rich.text.Text
    """The thought as rich Text, evidence in bold; each piece cleaned of control characters."""
    spans = [(e.start, e.end) for d in analysis.distortions for e in d.evidence]
    return highlight(analysis.text, spans, style="bold yellow")


def _plain(message: str, style: str = ""):
    from rich.text import Text

    return Text(message, style=style)


def _describe(distortion: str, score: float, explanation: str):
    from rich.text import Text

    text = Text("\n")
    text.append(DISTORTION_NAMES[distortion], style="bold")
    text.append(f"  ({_strength(score)}, {score:.2f})\n", style="dim")
    text.append(f"  {clean(explanation, single_line=True)}\n")
    text.append(f"  {DISTORTION_DESCRIPTIONS[distortion]}", style="dim")
    return text


def _strength(score: float) -> str:
    """Words for a rule score; it is how strongly the words suggest the trap, not a probability."""
    if score >= 0.8:
        return "a clear sign"
    if score >= 0.65:
        return "a likely sign"
    return "a possible sign"


def _safety_reason(text: str):  # -> rich.text.Text | None
    """The words the learned self-harm reader weighed most, so a person can see why (None when
    the phrase list alone noticed it). The words are word characters only: a token never holds
    a control character, so they print as they are."""
    from thoughtwork.safety.model import read

    words = read(text).words
    if not words:
        return None
    return _plain("Noticed mostly in: " + ", ".join(f"\u201c{word}\u201d" for word in words) + "\n", "dim")


def _safety_note():
    """A gentle pointer to crisis lines (THOUGHTWORK_REGION picks them; the app uses your settings)."""
    import os

    from rich.text import Text

    from thoughtwork.safety import DEFAULT_REGION, crisis_resources, regions

    region = os.environ.get("THOUGHTWORK_REGION", DEFAULT_REGION)
    if region not in {r.code for r in regions()}:
        region = DEFAULT_REGION
    note = _plain(
        "\nSome of these words sound like you may be thinking about hurting yourself. You deserve "
        "support right now: please contact your local emergency number, a crisis line, or someone you trust.\n",
        "bold",
    )
    for resource in crisis_resources(region):
        note.append(Text(f"  {resource.name}: {resource.contact}\n"))
    return note


# --- JSON lines, for scripts ----------------------------------------------------------------


class ThoughtLine(BaseModel):
    """One input line; other fields (labels, notes) are allowed and ignored."""

    model_config = ConfigDict(extra="ignore")

    id: StrictStr | StrictInt | None = None
    text: StrictStr = Field(max_length=MAX_TEXT)


def analyse_jsonl(source: IO[bytes], out: IO[str], batch_size: int = BATCH_SIZE) -> None:
    """Read thought lines from `source`, write one result line each to `out`, flushing per batch."""
    from thoughtwork.nlp.pipeline import findings_many

    for batch in _batches(source, batch_size):
        parsed = [_parse(raw) for raw in batch]
        texts = [item.text for item in parsed if isinstance(item, ThoughtLine)]
        # Raw hits, not Analysis objects: the lines carry no explanations, and building them
        # (and the models around them) cost about a tenth of the run.
        findings = iter(findings_many(texts))
        for item in parsed:
            if isinstance(item, ThoughtLine):
                result = _result(item.id, item.text, *next(findings))
            else:
                line_id, error = item
                result = {"id": line_id, "distortions": [], "themes": [], "error": error}
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()


def _batches(source: IO[bytes], size: int) -> Iterator[list[bytes]]:
    batch: list[bytes] = []
    for raw in _lines(source):
        batch.append(raw)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class TooLong(bytes):
    """The first part of a line too long to be a valid thought (enough to find an id at its start)."""


_LEADING_ID = re.compile(rb'^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,18})\s*,')


def _lines(source: IO[bytes]) -> Iterable[bytes]:
    """Lines without their newline, or TooLong for a line too long to be a valid thought (skipped
    without ever holding more than a bounded amount of it in memory)."""
    chunk = MAX_LINE_BYTES + 2
    first = True
    while True:
        line = source.readline(chunk)
        if not line:
            return
        if first and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]  # Windows editors start a UTF-8 file with a BOM
        first = False
        if len(line) >= chunk and not line.endswith(b"\n"):
            while True:  # skip the rest of the huge line
                rest = source.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield TooLong(line[:4096])
            continue
        yield line.rstrip(b"\r\n")


def _parse(raw: bytes) -> ThoughtLine | tuple[Any, str]:
    """A valid line, or (its id if it can be found, a plain error sentence)."""
    if isinstance(raw, TooLong):
        found = _LEADING_ID.match(raw)
        line_id = _line_id("{\"id\": " + found.group(1).decode("utf-8", "replace") + "}") if found else None
        return line_id, f"the line is too long (a text may have at most {MAX_TEXT:,} characters)"
    if not raw.strip():
        return None, "the line is blank"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "the line is not valid UTF-8"
    try:
        return ThoughtLine.model_validate_json(text)
    except ValidationError as error:
        return _line_id(text), _line_error(error)


def _line_id(text: str) -> Any:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, dict) and isinstance(value.get("id"), (str, int)) and not isinstance(value.get("id"), bool):
        return value["id"]
    return None


def _line_error(error: ValidationError) -> str:
    problem = error.errors(include_url=False)[0]
    kind = problem.get("type", "")
    where = problem.get("loc", ())
    if kind == "json_invalid":
        if "hex escape" in str(problem.get("msg", "")) or "surrogate" in str(problem.get("msg", "")):
            # "\ud800" alone: half of a character written as two escapes.
            return "the line has a broken \\u escape (half of a character)"
        return "the line is not valid JSON"
    if kind in ("model_type", "model_attributes_type") or not where:
        return 'the line is not a JSON object like {"id": 1, "text": "..."}'
    if where[0] == "text":
        if kind == "missing":
            return 'the line has no "text" field'
        if kind == "string_too_long":
            return f"the text is too long (at most {MAX_TEXT:,} characters)"
        return 'the "text" field is not a string'
    if where[0] == "id":
        return 'the "id" field must be a string or a whole number'
    return "the line could not be read"


def _result(line_id: Any, text: str, hits: list[Hit], themes: list[str], self_harm: bool) -> dict[str, Any]:
    # Imported here like analyse_many above: spaCy loads only when a thought is analysed.
    from thoughtwork.nlp.pipeline import rounded_score

    result = {
        "id": line_id,
        "distortions": [
            {
                "id": hit.distortion,
                "score": rounded_score(hit.score),
                "evidence": [text[start:end] for start, end in hit.spans],
                "source": hit.source,
            }
            for hit in hits
        ],
        "themes": themes,
    }
    if self_harm:
        # Only when true, so other lines keep their shape: whoever reads the output in bulk
        # (a clinician, a study's safeguarding lead) can find these lines and act on them.
        result["mentions_self_harm"] = True
    return result
