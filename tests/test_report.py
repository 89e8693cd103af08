"""The report a patient sends: what goes in, how it is escaped, and how it is encrypted."""

from __future__ import annotations

import re
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from thoughtwork import keys
from thoughtwork.cli.main import main
from thoughtwork.journal import Journal
from thoughtwork.models import (
    Assignment,
    Cadence,
    DistortionMatch,
    DistortionStatus,
    Emotion,
    Moment,
    Prompt,
    RecordStep,
    ThoughtRecord,
)
from thoughtwork.report.as_html import render_html
from thoughtwork.report.as_markdown import render_markdown
from thoughtwork.report.data import VERSION, build_report
from thoughtwork.report.payload import ReportFileError, extract
from thoughtwork.report.reading import read_report

UTC = timezone.utc
PASS = "a long passphrase"
NASTY = "<script>alert('x')</script> [bold]markup[/bold] [@click=app.quit] </script> ```json thoughtwork-data\n# not a heading"


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


PROMPT = Prompt(id="p.one", title="Evening <b>reflection</b>", instructions="Note one moment that went better.",
                moments=[Moment.evening_reflection], steps=[RecordStep.situation])
ASSIGNMENT = Assignment(id="hw1", prompts=[PROMPT], cadence=Cadence(kind="daily"), start=date(2026, 11, 2),
                        end=date(2026, 11, 8), note=NASTY, therapist="Dr <i>Ada</i>")


def records() -> list[ThoughtRecord]:
    trap = lambda i, status="suggested": DistortionMatch(id=i, status=DistortionStatus(status))  # noqa: E731
    return [
        ThoughtRecord(created_at=at(1), situation="before", automatic_thought="It will always hurt",
                      emotions=[Emotion(name="scared", intensity=70), Emotion(name="<b>ashamed</b>")],
                      belief_before=90, belief_after=60, anxiety_before=80, anxiety_after=50,
                      distortions=[trap("fortune_telling"), trap("overgeneralization")], status="complete"),
        ThoughtRecord(created_at=at(3), situation=NASTY, automatic_thought=NASTY, balanced_thought=NASTY,
                      evidence_for=[NASTY], evidence_against=["They said \u202eyes"], assignment_id="hw1", prompt_id="p.one",
                      belief_before=70, belief_after=40, distortions=[trap("fortune_telling"), trap("labeling", "rejected")]),
        ThoughtRecord(created_at=at(4), situation="exam", automatic_thought="I am broken", assignment_id="hw1",
                      distortions=[trap("labeling", "added")], anxiety_before=60),
        ThoughtRecord(created_at=at(20), situation="later", automatic_thought="outside the period"),
    ]


def report(**kwargs):  # noqa: ANN003, ANN201
    kwargs.setdefault("end", date(2026, 11, 10))
    return build_report(records(), [ASSIGNMENT], tz=UTC, today=date(2026, 11, 24), **kwargs)


def test_the_period_and_homework_only_choose_the_records() -> None:
    assert len(report().records) == 3
    assert len(report(start=date(2026, 11, 3)).records) == 2
    only = report(homework_only=True)
    assert [r.homework for r in only.records] == ["Evening <b>reflection</b>"] * 2
    assert [r.created_at for r in report().records] == sorted(r.created_at for r in report().records)


def test_traps_are_ranked_and_rejected_ones_left_out() -> None:
    traps = [(t.id.value, t.count) for t in report().traps]
    assert traps == [("fortune_telling", 2), ("labeling", 1), ("overgeneralization", 1)]


def test_averages_use_only_records_rated_before_and_after() -> None:
    data = report()
    assert (data.belief().pairs, data.belief().before, data.belief().after) == (2, 80.0, 50.0)
    assert (data.anxiety().pairs, data.anxiety().before, data.anxiety().after) == (1, 80.0, 50.0)


def test_homework_completion_is_as_of_the_last_day() -> None:
    [hw] = report().homework
    assert (hw.done, hw.credited, hw.expected, hw.expected_total) == (2, 2, 7, 7)
    assert report(end=date(2026, 11, 1)).homework == []


def test_html_escapes_all_user_text_and_is_self_contained() -> None:
    page = render_html(report())
    visible, data_block = page.split('<script type="application/json" id="thoughtwork-data">')
    assert "<script" not in visible and "alert(" not in visible.replace("&lt;script&gt;alert(", "")
    assert "</" not in data_block.split("</script>")[0]  # user text cannot end the data block
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "[bold]markup[/bold]" in visible  # plain text in HTML: shown exactly as typed
    assert "Dr &lt;i&gt;Ada&lt;/i&gt;" in page and "<i>Ada" not in page
    assert "\u202e" not in page
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", page)
    assert "@media print" in page and "<svg" in page


def test_markdown_escapes_user_text() -> None:
    text = render_markdown(report())
    body = text[: text.rindex("```json thoughtwork-data")]
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert r"\[bold\]markup\[/bold\]" in body
    assert "```json thoughtwork-data" not in body and "\n# not a heading" not in body
    assert "Belief before" in body and "\u2587" in body  # a text sparkline


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_embedded_data_reads_back_exactly(render) -> None:  # noqa: ANN001
    data = report()
    assert extract(render(data)) == data


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_feelings_are_shown_with_their_ratings_and_escaped(render) -> None:  # noqa: ANN001
    page = render(report())
    assert "scared 70, &lt;b&gt;ashamed&lt;/b&gt;" in page and "<b>ashamed</b>" not in page
    assert report().records[0].feelings == "scared 70, <b>ashamed</b>"  # unrated: just the name


def test_a_version_1_report_still_opens_and_a_newer_one_is_refused() -> None:
    page = render_html(report())
    older = page.replace(f'"version":{VERSION}', '"version":1').replace('"feelings":"scared 70, <b>ashamed</b>",', "")
    older = re.sub(r',?"feelings":"[^"]*"', "", older).replace(',"practice":null', "")
    assert extract(older).version == 1
    with pytest.raises(ReportFileError, match="newer"):
        extract(page.replace(f'"version":{VERSION}', f'"version":{VERSION + 1}'))


def test_damaged_data_block_is_a_clear_error() -> None:
    page = render_html(report()).replace(f'"version":{VERSION}', '"version":"one"')
    with pytest.raises(ReportFileError, match="not valid"):
        extract(page)
    with pytest.raises(ReportFileError, match="no thoughtwork report data"):
        extract("<html>just a page</html>")


# --- through the command line ------------------------------------------------------------


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.twj"
    monkeypatch.setenv("THOUGHTWORK_JOURNAL", str(path))
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", PASS)
    assert main(["init"]) == 0
    today = datetime.now(UTC).replace(microsecond=0)
    a = ASSIGNMENT.model_copy(update={"start": today.date() - timedelta(days=3), "end": today.date() + timedelta(days=3)})
    with Journal.open(path, PASS) as j:
        j.save_assignment(a)
        for n, r in enumerate(records()[:3]):
            j.save(r.model_copy(update={"created_at": today - timedelta(days=n)}))
    return path


def test_report_command_writes_a_private_file_in_the_chosen_format(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    html_out, md_out = tmp_path / "r.html", tmp_path / "r.md"
    assert main(["report", "--out", str(html_out)]) == 0
    assert main(["report", "--out", str(md_out), "--homework-only"]) == 0
    assert stat.S_IMODE(html_out.stat().st_mode) == 0o600
    assert html_out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert len(read_report(html_out.read_bytes()).records) == 3
    homework = read_report(md_out.read_bytes())
    assert homework.homework_only and len(homework.records) == 2
    assert md_out.read_text(encoding="utf-8").startswith("# Thought record report")
    assert "2 records" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "words"),
    [(["--from", "last week"], "not a date"), (["--from", "2026-11-10", "--to", "2026-11-01"], "before the --from")],
)
def test_report_refuses_bad_dates(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture, args: list, words: str) -> None:
    out = tmp_path / "r.html"
    assert main(["report", "--out", str(out), *args]) == 1
    assert words in capsys.readouterr().err
    assert not out.exists()


def test_keygen_and_encrypted_report(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """keygen makes a 0600 identity; a report encrypted to its public key opens only with it."""
    identity = tmp_path / "therapist.key"
    assert main(["keygen", "--out", str(identity)]) == 0
    public = capsys.readouterr().out.strip().splitlines()[-1]
    assert public.startswith("age1")
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600
    assert main(["keygen", "--out", str(identity)]) == 1  # never overwrites a key

    sealed, via_file = tmp_path / "r.html.age", tmp_path / "r2.md.age"
    assert main(["report", "--out", str(sealed), "--encrypt-to", public]) == 0
    (tmp_path / "public.txt").write_text(f"# my key\n{public}\n", encoding="utf-8")
    assert main(["report", "--out", str(via_file), "--encrypt-to", str(tmp_path / "public.txt")]) == 0
    data = sealed.read_bytes()
    assert data.startswith(keys.ARMOR_HEADER) and b"automatic" not in data
    assert len(read_report(data, identity).records) == 3
    assert len(read_report(via_file.read_bytes(), identity).records) == 3
    assert keys.decrypt(via_file.read_bytes(), keys.identity(identity)).startswith(b"# Thought record report")

    other = tmp_path / "other.key"
    keys.generate(other)
    with pytest.raises(ReportFileError, match="could not be decrypted"):
        read_report(data, other)
    with pytest.raises(ReportFileError, match="--identity"):
        read_report(data)


def test_report_never_overwrites_the_journal(journal: Path, capsys: pytest.CaptureFixture) -> None:
    before = journal.read_bytes()
    assert main(["report", "--out", str(journal)]) == 1
    assert "journal file" in capsys.readouterr().err
    assert journal.read_bytes() == before


def test_a_bad_recipient_stops_before_anything_is_written(journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "r.age"
    assert main(["report", "--out", str(out), "--encrypt-to", "age1notakey"]) == 1
    assert "not valid" in capsys.readouterr().err
    assert not out.exists()
    secret = tmp_path / "identity.txt"
    assert main(["keygen", "--out", str(secret)]) == 0
    capsys.readouterr()
    assert main(["report", "--out", str(out), "--encrypt-to", str(secret)]) == 1
    assert "holds a secret key" in capsys.readouterr().err
    assert not out.exists()


def test_sparklines_stay_short_and_show_gaps() -> None:
    from thoughtwork.report.charts import condense, sparkline

    assert sparkline([0, 100, None]) == "\u2581\u2588\u00b7"
    assert condense([10, None, 30, None, None, None], 3) == [10, 30, None]
    assert len(sparkline(list(range(100)) * 20, 60)) == 60
    many = build_report([ThoughtRecord(created_at=at(1), situation="s", belief_before=n % 100) for n in range(500)],
                        [], tz=UTC, today=date(2026, 11, 24))
    line = next(x for x in render_markdown(many).splitlines() if x.startswith("Belief before"))
    assert len(line) < 80
    assert render_html(many).count("<circle") == 1  # 500 records in one day: one weekly average, not a blur


def answered() -> list[ThoughtRecord]:
    return [ThoughtRecord(created_at=at(2), situation="practice", automatic_thought="It will hurt", assignment_id="hw1",
                          prompt_id="p.one", body_tension=70, belief_balanced=65, belief_before=80, belief_after=50,
                          prompt_answers={"Which size did you use?": "size 2", "What will you do <if> it hurts?": NASTY,
                                          "Skipped?": "  "})]


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_tension_balanced_belief_and_prompt_answers_reach_the_report(render) -> None:  # noqa: ANN001
    data = build_report(answered(), [ASSIGNMENT], tz=UTC, today=date(2026, 11, 24), end=date(2026, 11, 10))
    [record] = data.records
    assert (record.body_tension, record.belief_balanced) == (70, 65)
    assert [(a.question, a.answer) for a in record.answers] == [("Which size did you use?", "size 2"),
                                                                ("What will you do <if> it hurts?", NASTY)]
    page = render(data)
    assert "body tension 70" in page and "belief in the balanced thought 65" in page
    assert "Which size did you use?" in page and "size 2" in page
    assert "&lt;if&gt;" in page and "<if>" not in page.split("thoughtwork-data")[0]
    assert "Skipped?" not in page  # an empty answer is not shown
    assert extract(page) == data


def rated_again() -> list[ThoughtRecord]:
    return [ThoughtRecord(created_at=at(2), situation="practice", body_tension=70, body_tension_after=40,
                          emotions=[Emotion(name="scared", intensity=80, intensity_after=30), Emotion(name="tired"),
                                    Emotion(name="hopeful", intensity_after=60)]),
            ThoughtRecord(created_at=at(1), situation="earlier", body_tension=50)]


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_body_tension_and_feelings_rated_again_reach_the_report(render) -> None:  # noqa: ANN001
    data = build_report(rated_again(), [], tz=UTC, today=date(2026, 11, 24))
    earlier, again = data.records  # oldest first
    assert again.body_tension_after == 40 and earlier.body_tension_after is None
    assert again.feelings == "scared 80 \u2192 30, tired, hopeful \u2013 \u2192 60"
    assert (data.tension().pairs, data.tension().before, data.tension().after) == (1, 70, 40)
    page = render(data)
    assert "body tension 70 \u2192 40" in page and "body tension 50" in page
    assert "scared 80 \u2192 30" in page
    assert "Body tension rated again" in page and "70 \u2192 40" in page
    assert extract(page) == data


def test_review_shows_tension_and_feelings_rated_again() -> None:
    import asyncio

    from thoughtwork.tui.review_app import ReviewApp

    data = build_report(rated_again(), [], tz=UTC, today=date(2026, 11, 24))

    async def drive() -> None:
        app = ReviewApp(data)
        async with app.run_test(size=(100, 40)) as pilot:
            summary = str(app.screen.query_one("#summary-text").content)
            assert "Body tension rated again, average at the start \u2192 at the end: 70 \u2192 40" in summary
            await pilot.press("r")
            detail = str(app.screen.query_one("#record-detail").content)
            assert "body tension 70 \u2192 40" in detail and "scared 80 \u2192 30" in detail

    asyncio.run(drive())


def test_review_shows_tension_balanced_belief_and_answers() -> None:
    import asyncio

    from thoughtwork.tui.review_app import ReviewApp

    data = build_report(answered(), [ASSIGNMENT], tz=UTC, today=date(2026, 11, 24), end=date(2026, 11, 10))

    async def drive() -> None:
        app = ReviewApp(data)
        async with app.run_test(size=(100, 40)) as pilot:
            summary = str(app.screen.query_one("#summary-text").content)
            assert "Belief in the balanced thought, average: 65 (1 rated)" in summary
            assert "Body tension, average: 70 (1 rated)" in summary
            await pilot.press("r")
            detail = str(app.screen.query_one("#record-detail").content)
            assert "body tension 70" in detail and "Which size did you use?" in detail and "size 2" in detail
            assert "\x1b" not in detail

    asyncio.run(drive())


@pytest.mark.parametrize(("name", "args", "words"), [
    ("r.pdf", [], "not .pdf"),
    ("r.docx.age", ["--encrypt-to", "{public}"], "not .docx"),
    ("r.html", ["--encrypt-to", "{public}"], "name it r.html.age"),
    ("r.md", ["--encrypt-to", "{public}"], "name it r.md.age"),
    ("r.html.age", [], "would not be encrypted"),
    ("r.md", ["--format", "html"], "does not match"),
    ("r.html", ["--from", "{tomorrow}"], "after today"),
])
def test_report_names_and_periods_that_would_mislead_are_refused(journal: Path, tmp_path: Path, capsys, name: str,
                                                                  args: list, words: str) -> None:  # noqa: ANN001
    identity = tmp_path / "t.key"
    public = keys.generate(identity)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    out = tmp_path / name
    filled = [a.replace("{public}", public).replace("{tomorrow}", tomorrow) for a in args]
    assert main(["report", "--out", str(out), *filled]) == 1
    assert words in capsys.readouterr().err
    assert not out.exists()


def test_a_finished_assignment_is_reported_as_finished_and_the_columns_explained() -> None:
    data = build_report(records(), [ASSIGNMENT], tz=UTC, today=date(2026, 11, 24))
    [hw] = data.homework
    assert hw.finished and hw.progress_line() == "Done 2 of 7 times planned (finished on 2026-11-08)."
    for page in (render_html(data), render_markdown(data)):
        assert "so far" not in page.split("thoughtwork-data")[0]
        assert "Times planned counts the days" in page and "Last done" in page and "2026-11-04" in page
    running = build_report(records(), [ASSIGNMENT], tz=UTC, today=date(2026, 11, 5), end=date(2026, 11, 5))
    assert "so far" in running.homework[0].progress_line()


def test_charts_put_records_on_their_real_dates_so_a_break_shows() -> None:
    from thoughtwork.report.charts import svg_chart

    points = [(date(2026, 11, 1), 80), (date(2026, 11, 2), 70), (date(2026, 12, 12), 60), (date(2026, 12, 13), 50)]
    svg = svg_chart("Belief", [("Belief before", points, "before")])
    xs = [float(x) for x in re.findall(r'<circle class="dot before" cx="([\d.]+)"', svg)]
    # 1 day, then 40 days, then 1 day: the spaces between points are in proportion.
    assert round((xs[2] - xs[1]) / (xs[1] - xs[0])) == 40
    assert svg.count("<polyline") == 2  # no line drawn across the 40 days without records
    assert "1 Nov 2026" in svg and "13 Dec 2026" in svg


def test_a_long_journal_is_drawn_as_weekly_averages_with_empty_weeks_left_empty() -> None:
    from thoughtwork.report.charts import spark, svg_chart, weekly_means

    points = [(date(2026, 1, 5) + timedelta(days=n), 50 + n % 10) for n in range(90)]
    points += [(date(2026, 7, 6) + timedelta(days=n), 20) for n in range(30)]  # after a break of about three months
    weeks = weekly_means(points)
    assert weeks[0] == (date(2026, 1, 5), 53.0) and weeks[-1][1] == 20.0
    assert sum(1 for _, v in weeks if v is None) >= 12
    svg = svg_chart("Belief", [("Belief before", points, "before")])
    assert "weekly averages" in svg and svg.count("<circle") == sum(1 for _, v in weeks if v is not None)
    marks, per = spark(points, 60)
    assert per == "one mark per week" and "\u00b7" * 12 in marks


def test_report_breaks_records_down_by_situation_and_homework_by_week() -> None:
    data = report()
    rows = [(s.context, s.records, s.belief.pairs) for s in data.by_situation()]
    assert rows == [("Something else", 3, 2)]
    [hw] = data.homework
    assert [(w.week_of, w.done, w.expected) for w in hw.weeks] == [(date(2026, 11, 2), 2, 7)]
    two_weeks = build_report(records(), [ASSIGNMENT.model_copy(update={"end": date(2026, 11, 15)})], tz=UTC,
                             today=date(2026, 11, 24), end=date(2026, 11, 20))
    assert [(w.done, w.expected) for w in two_weeks.homework[0].weeks] == [(2, 7), (0, 7)]
    for page in (render_html(two_weeks), render_markdown(two_weeks)):
        assert "By situation" in page and "Week of" in page


def test_a_chart_line_breaks_for_gaps_in_time_not_for_records_without_the_rating() -> None:
    from thoughtwork.report.charts import svg_chart

    # Before-practice records (no after-rating) between after-practice ones, a day apart each.
    points = [(date(2026, 10, 9) + timedelta(days=n), None if n % 2 else 40 + n) for n in range(10)]
    points += [(date(2026, 11, 20), 30), (date(2026, 11, 21), None), (date(2026, 11, 22), 25)]
    svg = svg_chart("Belief", [("Belief after", points, "after")])
    lines = re.findall(r'<polyline class="line after" points="([^"]*)"', svg)
    assert [len(line.split()) for line in lines] == [5, 2]  # one line per stretch of time, split by the 29-day gap
    assert svg.count("<circle") == 7


def test_a_sparkline_of_one_mark_per_record_marks_a_break_in_time() -> None:
    from thoughtwork.report.charts import BREAK, spark

    # Under 120 days, so a mark per record: ten days, a 40-day break, then ten more.
    points = [(date(2026, 10, 1) + timedelta(days=n), 60) for n in range(10)]
    points += [(date(2026, 11, 19) + timedelta(days=n), 30) for n in range(10)]
    marks, per = spark(points, 60)
    assert per == f"one mark per record, {BREAK} a break of more than 14 days"
    assert marks == "\u2585" * 10 + BREAK + "\u2583" * 10
    squeezed, per = spark(points * 1, 5)
    assert BREAK in squeezed and len(squeezed) == 5 and per.startswith("each mark is about 4 records")
    steady, per = spark(points[:10], 60)
    assert BREAK not in steady and per == "one mark per record"
    data = build_report([ThoughtRecord(created_at=datetime.combine(day, datetime.min.time(), UTC), situation="s",
                                       automatic_thought="t", belief_before=v) for day, v in points], [], tz=UTC,
                        today=date(2026, 12, 3))
    assert BREAK in render_markdown(data)
