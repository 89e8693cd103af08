"""The report as Markdown: tables, text sparklines, and the data block `thoughtwork review` reads.

User text is cleaned of control characters, HTML-escaped (Markdown renderers pass HTML
through) and has Markdown's own syntax characters backslash-escaped, so it shows as typed.
"""

from __future__ import annotations

import re
from html import escape

from thoughtwork.models import DISTORTION_NAMES
from thoughtwork.practice.report import practice_markdown
from thoughtwork.report.charts import spark
from thoughtwork.report.data import HOMEWORK_EXPLAINED, Averages, ReportData, ReportRecord, ratings_line
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
        f"- Belief in the balanced thought, average: {_mean(data, 'belief_balanced')}",
        f"- Body tension, average: {_mean(data, 'body_tension')}",
        f"- Body tension rated again, average at the start → at the end: {_change(data.tension())}",
        "",
        *_charts(data),
        *_situations(data),
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


def _mean(data: ReportData, field: str) -> str:
    value, count = data.mean_of(field)
    return "not rated yet" if value is None else f"{value:g} ({count} rated)"


def _change(averages: Averages) -> str:
    return "not rated yet" if not averages.pairs else f"{averages.before:g} → {averages.after:g}"


def _charts(data: ReportData) -> list[str]:
    rows = [(name, spark(data.dated(field), SPARK_WIDTH)) for name, field in (
        ("Belief before", "belief_before"), ("Belief after", "belief_after"),
        ("Anxiety before", "anxiety_before"), ("Anxiety after", "anxiety_after"))]
    per = rows[0][1][1].capitalize()
    out = ["## Ratings over time", "", f"{per}, oldest first; higher is stronger, · is not rated.", "", "```text"]
    out += [f"{name:<15} {marks or '(no records)'}" for name, (marks, _) in rows]
    return out + ["```", ""]


def _situations(data: ReportData) -> list[str]:
    if not data.records:
        return []
    out = ["## By situation", "", "Belief and anxiety: averages before → after, over the records rated both times.", "",
           "| Situation | Records | Belief | Anxiety |", "|---|---:|---|---|"]
    out += [f"| {md(s.context)} | {s.records} | {_change(s.belief)} | {_change(s.anxiety)} |" for s in data.by_situation()]
    return out + [""]


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
    out += [HOMEWORK_EXPLAINED, ""]
    for item in data.homework:
        who = f" from {md(item.therapist)}" if item.therapist else ""
        out += [f"### {item.cadence.capitalize()}, {item.start} to {item.end}{who}", ""]
        if item.note:
            out += [md(item.note, inline=False), ""]
        out += [item.progress_line(), ""]
        out += ["| Prompt | Records | Last done |", "|---|---:|---|"]
        out += [f"| {md(p.title)} | {p.done} | {p.last_done or 'not yet'} |" for p in item.prompts]
        if len(item.weeks) > 1:
            out += ["", "| Week of | Times |", "|---|---|"]
            out += [f"| {w.week_of} | {w.done} of {w.expected} |" for w in item.weeks]
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
    ratings = ratings_line(record)
    if ratings:
        out.append(f"- **Ratings:** {ratings}")
    for answer in record.answers:
        out.append(f"- **{md(answer.question)}** {md(answer.answer)}")
    return out + [""]
