"""The report as one self-contained HTML file: no external assets, inline SVG charts, print CSS.

Every piece of user text goes through `_h` (control characters neutralised, then
HTML-escaped); nothing a person typed is ever inserted as markup.
"""

from __future__ import annotations

from datetime import date
from html import escape

from thoughtwork.models import DISTORTION_NAMES
from thoughtwork.practice.report import practice_html
from thoughtwork.report.charts import svg_chart
from thoughtwork.report.data import HOMEWORK_EXPLAINED, Averages, HomeworkProgress, ReportData, ReportRecord, ratings_line
from thoughtwork.report.payload import HTML_CLOSE, HTML_OPEN, payload_json
from thoughtwork.text import clean

CSS = """
:root { --ink: #1f2a30; --soft: #5b6b73; --line: #d8e0e3; --before: #b5651d; --after: #2a7f62; --bg: #fbfaf7; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, "Iowan Old Style", serif; color: var(--ink); background: var(--bg);
       max-width: 52rem; margin: 2rem auto; padding: 0 1.2rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem;
     border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.meta, .soft { color: var(--soft); } .user { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .25rem .5rem;
      border-bottom: 1px solid var(--line); vertical-align: top; }
.bar { background: var(--line); height: .7rem; border-radius: .35rem; min-width: 4rem; }
.bar span { display: block; height: 100%; background: var(--after); border-radius: .35rem; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; } .summary div { border: 1px solid var(--line);
      border-radius: .5rem; padding: .5rem .8rem; background: #fff; }
.summary strong { display: block; font-size: 1.3rem; }
article { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .9rem; margin: .8rem 0; background: #fff; }
article h3 { font-size: 1rem; margin: 0 0 .3rem; } dt { font-weight: bold; margin-top: .3rem; } dd { margin: 0 0 0 1rem; }
.chart { max-width: 100%; height: auto; } .chart .grid { stroke: var(--line); } .chart .axis { font: 11px sans-serif; fill: var(--soft); }
.chart .chart-title { font: bold 12px sans-serif; fill: var(--ink); } .chart .line { fill: none; stroke-width: 2; }
.line.before { stroke: var(--before); } .line.after { stroke: var(--after); }
.dot.before, .key.before { fill: var(--before); } .dot.after, .key.after { fill: var(--after); }
footer { margin-top: 2.5rem; font-size: .85rem; color: var(--soft); }
@media print {
  body { background: #fff; margin: 0; max-width: none; font-size: 11pt; }
  article, .summary div, .chart, tr { break-inside: avoid; } h2 { break-after: avoid; }
  article, .summary div { border-color: #999; }
}
"""


def render_html(data: ReportData) -> str:
    sections = [
        _header(data),
        _summary(data),
        _charts(data),
        _situations(data),
        _traps(data),
        _homework(data),
        practice_html(data.practice, _h, svg_chart),
        _records(data),
        _footer(),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>Thought record report, {escape(data.describe_period())}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(sections)
        + f"\n{HTML_OPEN}\n{payload_json(data)}\n{HTML_CLOSE}\n</body>\n</html>\n"
    )


def _h(text: str) -> str:
    return escape(clean(text), quote=True)


def _header(data: ReportData) -> str:
    scope = "only the records written for homework" if data.homework_only else "all thought records"
    return (
        "<header>\n<h1>Thought record report</h1>\n"
        f'<p class="meta">{escape(data.describe_period())} &middot; {scope} &middot; '
        f"made {data.generated_at.date().isoformat()}</p>\n</header>"
    )


def _summary(data: ReportData) -> str:
    complete = sum(1 for r in data.records if r.complete)
    cells = [
        ("Records", f"{len(data.records)}", f"{complete} complete"),
        ("Belief in the thought", _change(data.belief()), "average, before \u2192 after"),
        ("Anxiety", _change(data.anxiety()), "average, before \u2192 after"),
        ("Belief in the balanced thought", *_mean(data, "belief_balanced")),
        ("Body tension", *_mean(data, "body_tension")),
        ("Body tension rated again", _change(data.tension()), "average, at the start \u2192 at the end"),
    ]
    body = "".join(f"<div><span class=\"soft\">{a}</span><strong>{b}</strong><span class=\"soft\">{c}</span></div>" for a, b, c in cells)
    return f'<section>\n<h2>Summary</h2>\n<div class="summary">{body}</div>\n</section>'


def _mean(data: ReportData, field: str) -> tuple[str, str]:
    value, count = data.mean_of(field)
    return ("not rated yet", "") if value is None else (f"{value:g}", f"average of {count} rated")


def _change(averages: Averages) -> str:
    if not averages.pairs:
        return "not rated yet"
    return f"{averages.before:g} \u2192 {averages.after:g}"


def _charts(data: ReportData) -> str:
    belief = [("Belief before", data.dated("belief_before"), "before"),
              ("Belief after", data.dated("belief_after"), "after")]
    anxiety = [("Anxiety before", data.dated("anxiety_before"), "before"),
               ("Anxiety after", data.dated("anxiety_after"), "after")]
    return (
        "<section>\n<h2>Ratings over time</h2>\n"
        '<p class="soft">Each point sits on the day it was written, so breaks show as gaps; a long period is drawn '
        "as weekly averages. 0 is none, 100 is completely.</p>\n"
        f"{svg_chart('Belief in the automatic thought (0-100)', belief)}\n"
        f"{svg_chart('Anxiety (0-100)', anxiety)}\n</section>"
    )


def _situations(data: ReportData) -> str:
    if not data.records:
        return ""
    rows = "".join(
        f"<tr><td>{_h(s.context)}</td><td>{s.records}</td><td>{_change(s.belief)}</td><td>{_change(s.anxiety)}</td></tr>"
        for s in data.by_situation()
    )
    return (
        "<section>\n<h2>By situation</h2>\n"
        '<p class="soft">Belief and anxiety: averages before \u2192 after, over the records rated both times.</p>\n'
        f"<table><tr><th>Situation</th><th>Records</th><th>Belief</th><th>Anxiety</th></tr>{rows}</table>\n</section>"
    )


def _traps(data: ReportData) -> str:
    if not data.traps:
        return "<section>\n<h2>Thinking traps</h2>\n<p>No thinking traps were noted in this period.</p>\n</section>"
    top = data.traps[0].count
    rows = "".join(
        f"<tr><td>{escape(DISTORTION_NAMES.get(t.id.value, t.id.value))}</td><td>{t.count}</td>"
        f'<td><div class="bar"><span style="width:{100 * t.count / top:.0f}%"></span></div></td></tr>'
        for t in data.traps
    )
    return (
        "<section>\n<h2>Thinking traps noticed most often</h2>\n"
        f"<table><tr><th>Trap</th><th>Records</th><th></th></tr>{rows}</table>\n</section>"
    )


def _homework(data: ReportData) -> str:
    if not data.homework:
        return "<section>\n<h2>Homework</h2>\n<p>No homework was assigned for this period.</p>\n</section>"
    return ("<section>\n<h2>Homework</h2>\n" + f'<p class="soft">{escape(HOMEWORK_EXPLAINED)}</p>\n'
            + "\n".join(_assignment(a) for a in data.homework) + "\n</section>")


def _assignment(item: HomeworkProgress) -> str:
    who = f" from {_h(item.therapist)}" if item.therapist else ""
    note = f'<p class="user">{_h(item.note)}</p>' if item.note else ""
    rows = "".join(
        f"<tr><td>{_h(p.title)}</td><td>{p.done}</td><td>{_last(p.last_done)}</td></tr>" for p in item.prompts
    )
    whole = item.expected_total if item.finished else item.expected
    weeks = "".join(
        f"<tr><td>{w.week_of.isoformat()}</td><td>{w.done} of {w.expected}</td>"
        f'<td><div class="bar"><span style="width:{_percent(w.done, w.expected)}%"></span></div></td></tr>'
        for w in item.weeks
    )
    by_week = f"<table><tr><th>Week of</th><th>Times</th><th></th></tr>{weeks}</table>" if len(item.weeks) > 1 else ""
    return (
        f"<article><h3>{escape(item.cadence.capitalize())}, {item.start.isoformat()} to {item.end.isoformat()}{who}</h3>"
        f"{note}<p>{escape(item.progress_line())}</p>"
        f'<div class="bar"><span style="width:{_percent(item.credited, whole)}%"></span></div>'
        f"<table><tr><th>Prompt</th><th>Records</th><th>Last done</th></tr>{rows}</table>{by_week}</article>"
    )


def _last(day: date | None) -> str:
    return "not yet" if day is None else day.isoformat()


def _percent(part: int, whole: int) -> int:
    return 100 if whole == 0 else round(100 * min(part, whole) / whole)


def _records(data: ReportData) -> str:
    if not data.records:
        return "<section>\n<h2>Records</h2>\n<p>No records in this period.</p>\n</section>"
    return "<section>\n<h2>Records</h2>\n" + "\n".join(_record(r) for r in data.records) + "\n</section>"


def _record(record: ReportRecord) -> str:
    when = record.created_at.strftime("%Y-%m-%d %H:%M")
    title = f"{when} &middot; {_h(record.context)}"
    if record.homework:
        title += f" &middot; homework: {_h(record.homework)}"
    if not record.complete:
        title += " &middot; <span class=\"soft\">draft</span>"
    fields: list[tuple[str, str]] = []
    if record.situation:
        fields.append(("Situation", _h(record.situation)))
    if record.feelings:
        fields.append(("Feelings (0-100)", _h(record.feelings)))
    if record.automatic_thought:
        fields.append(("Automatic thought", _h(record.automatic_thought)))
    if record.traps:
        fields.append(("Thinking traps", escape(", ".join(DISTORTION_NAMES[t.value] for t in record.traps))))
    if record.evidence_for:
        fields.append(("Evidence for", "<br>".join(_h(e) for e in record.evidence_for)))
    if record.evidence_against:
        fields.append(("Evidence against", "<br>".join(_h(e) for e in record.evidence_against)))
    if record.balanced_thought:
        fields.append(("Balanced thought", _h(record.balanced_thought)))
    ratings = ratings_line(record)
    if ratings:
        fields.append(("Ratings", escape(ratings)))
    # The prompt's own questions are the therapist's words, shown escaped like the answers.
    fields += [(_h(a.question), _h(a.answer)) for a in record.answers]
    body = "".join(f'<dt>{name}</dt><dd class="user">{value}</dd>' for name, value in fields)
    return f"<article><h3>{title}</h3><dl>{body}</dl></article>"


def _footer() -> str:
    return (
        "<footer>Made with thoughtwork, a self-help thought record. It is not a diagnosis; the person "
        "who wrote these records chose what to share.</footer>"
    )
