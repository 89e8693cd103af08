"""The machine-readable copy of a report, embedded in its HTML or Markdown for `thoughtwork review`.

In HTML it sits in `<script type="application/json" id="thoughtwork-data">`; in Markdown in
a final fenced block tagged `json thoughtwork-data`. The JSON writes `<`, `>`, `&` and the
backtick as \\u escapes (valid JSON, same strings), so user text can never close the script
element or the fence, and the markers below can only appear where thoughtwork put them.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from thoughtwork.journal.strictjson import StrictJSONError, loads
from thoughtwork.models import friendly_error
from thoughtwork.report.data import VERSION, ReportData

HTML_OPEN = '<script type="application/json" id="thoughtwork-data">'
HTML_CLOSE = "</script>"
MD_OPEN = "```json thoughtwork-data\n"
MD_CLOSE = "\n```"
MAX_REPORT_BYTES = 64 * 1024 * 1024
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "`": "\\u0060"}


class ReportFileError(ValueError):
    """The file is not a report thoughtwork can read; the message is one plain sentence."""


def payload_json(data: ReportData) -> str:
    text = json.dumps(data.model_dump(mode="json"), ensure_ascii=True, separators=(",", ":"))
    for char, escaped in _ESCAPES.items():
        text = text.replace(char, escaped)
    return text


def extract(text: str) -> ReportData:
    """The report data embedded in an HTML or Markdown report."""
    raw = _between(text, HTML_OPEN, HTML_CLOSE) or _between(text, MD_OPEN, MD_CLOSE)
    if raw is None:
        raise ReportFileError("This file has no thoughtwork report data in it (was it made by `thoughtwork report`?).")
    try:
        document = loads(raw)
    except StrictJSONError as error:
        raise ReportFileError(f"The report data in this file is damaged: {error}.") from None
    if isinstance(document, dict) and isinstance(document.get("version"), int) and document["version"] > VERSION:
        raise ReportFileError("This report was made by a newer thoughtwork; please update to read it.")
    try:
        return ReportData.model_validate_json(json.dumps(document))
    except ValidationError as error:
        raise ReportFileError(f"The report data in this file is not valid: {friendly_error(error)}.") from None


def _between(text: str, opening: str, closing: str) -> str | None:
    # The last marker wins: a report is always written with its data at the end.
    start = text.rfind(opening)
    if start < 0:
        return None
    start += len(opening)
    end = text.find(closing, start)
    return text[start:end] if end >= 0 else None
