"""The report as Markdown: tables, text sparklines, and the data block `thoughtwork review` reads.

User text is cleaned of control characters, HTML-escaped (Markdown renderers pass HTML
through) and has Markdown's own syntax characters backslash-escaped, so it shows as typed.
"""

from __future__ import annotations

import re
from html import escape

from thoughtwork.models import DISTORTION_NAMES
from thoughtwork.practice.report import practice_markdown
from thoughtwork.report.charts import sparkline
from thoughtwork.report.data import Averages, ReportData, ReportRecord
from thoughtwork.report.payload import MD_CLOSE, MD_OPEN, payload_json
from thoughtwork.text import clean

SPARK_WIDTH = 60
"""Marks per sparkline, so a long period still fits a line."""
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\s*\d*)([#>+=.)-])", re.MULTILINE)


def md(text: str, *, inline: bool = True) -> str:
    """User text made literal in Markdown (one line when `inline`, for table cells and headings)."""
    text = clean(text, single_line=inline)
    text = escape(text, quote=False)
    # Inline, only these characters can start emphasis, code, links, tables or strike-through.
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A line that starts like a heading, quote or list would change the document's shape.
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return text if inline else text.replace("\n", "  \n")


def render_markdown(data: ReportData) -> str:
    scope = "only the records written for homework" if data.homework_only else "all thought records"
    lines = [
        "# Thought record report",
        "",
        f"{data.describe_period()} · {scope} · made {data.generated_at.date().isoformat()}",
        "",
        "## Summary",
        "",
        f"- Records: {len(data.records)} ({sum(1 for r in data.records if r.complete)} complete)",
        f"- Belief in the thought, average before → after: {_change(data.belief())}",
        f"- Anxiety, average before → after: {_change(data.anxiety())}",
        "",
        *_charts(data),
        *_traps(data),
        *_homework(data),
        *practice_markdown(data.practice, md),
        *_records(data),
        "---",
        "",
        "Made with thoughtwork, a self-help thought record. It is not a diagnosis; the person who wrote "
        "these records chose what to share. The block below is the same report for `thoughtwork review`.",
        "",
    ]
    return "\n".join(lines) + "\n" + MD_OPEN + payload_json(data) + MD_CLOSE + "\n"


def _change(averages: Averages) -> str:
    return "not rated yet" if not averages.pairs else f"{averages.before:g} → {averages.after:g}"


def _charts(data: ReportData) -> list[str]:
    rows = [
        ("Belief before", [r.belief_before for r in data.records]),
        ("Belief after", [r.belief_after for r in data.records]),
        ("Anxiety before", [r.anxiety_before for r in data.records]),
        ("Anxiety after", [r.anxiety_after for r in data.records]),
    ]
    count = len(data.records)
    per = "One mark per record" if count <= SPARK_WIDTH else f"Each mark is about {count / SPARK_WIDTH:.0f} records (their mean)"
    out = ["## Ratings over time", "", f"{per}, oldest first; higher is stronger, · is not rated.", "", "```text"]
    out += [f"{name:<15} {sparkline(values, SPARK_WIDTH) or '(no records)'}" for name, values in rows]
    return out + ["```", ""]


def _traps(data: ReportData) -> list[str]:
    out = ["## Thinking traps noticed most often", ""]
    if not data.traps:
        return out + ["No thinking traps were noted in this period.", ""]
    out += ["| Trap | Records |", "|---|---:|"]
    out += [f"| {DISTORTION_NAMES[t.id.value]} | {t.count} |" for t in data.traps]
    return out + [""]


def _homework(data: ReportData) -> list[str]:
    out = ["## Homework", ""]
    if not data.homework:
        return out + ["No homework was assigned for this period.", ""]
    for item in data.homework:
        who = f" from {md(item.therapist)}" if item.therapist else ""
        out += [f"### {item.cadence.capitalize()}, {item.start} to {item.end}{who}", ""]
        if item.note:
            out += [md(item.note, inline=False), ""]
        out += [f"{item.credited} of {item.expected} expected so far ({item.expected_total} in all).", ""]
        out += ["| Prompt | Done as planned | Records |", "|---|---|---:|"]
        out += [f"| {md(p.title)} | {p.credited} of {p.expected} | {p.done} |" for p in item.prompts]
        out.append("")
    return out


def _records(data: ReportData) -> list[str]:
    out = ["## Records", ""]
    if not data.records:
        return out + ["No records in this period.", ""]
    for record in data.records:
        out += _record(record)
    return out


def _record(record: ReportRecord) -> list[str]:
    title = f"### {record.created_at.strftime('%Y-%m-%d %H:%M')} · {md(record.context)}"
    if record.homework:
        title += f" · homework: {md(record.homework)}"
    if not record.complete:
        title += " · draft"
    out = [title, ""]
    for name, value in (("Situation", record.situation), ("Feelings (0-100)", record.feelings),
                        ("Automatic thought", record.automatic_thought)):
        if value:
            out.append(f"- **{name}:** {md(value)}")
    if record.traps:
        out.append("- **Thinking traps:** " + ", ".join(DISTORTION_NAMES[t.value] for t in record.traps))
    for name, items in (("Evidence for", record.evidence_for), ("Evidence against", record.evidence_against)):
        if items:
            out.append(f"- **{name}:** " + "; ".join(md(e) for e in items))
    if record.balanced_thought:
        out.append(f"- **Balanced thought:** {md(record.balanced_thought)}")
    for name, before, after in (("Belief", record.belief_before, record.belief_after),
                                ("Anxiety", record.anxiety_before, record.anxiety_after)):
        if before is not None or after is not None:
            out.append(f"- **{name}:** {_or_dash(before)} → {_or_dash(after)}")
    return out + [""]


def _or_dash(value: int | None) -> str:
    return "–" if value is None else str(value)
