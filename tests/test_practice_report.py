"""Therapist side of the practice ladder: homework that suggests steps, and the report's practice
section (Markdown, HTML, the embedded data `thoughtwork review` reads, and the review app)."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from thoughtwork.cli.main import main
from thoughtwork.journal import Journal
from thoughtwork.models import Assignment, Helper, HowFar, Ladder, LadderStep, PracticeEntry
from thoughtwork.report.as_html import render_html
from thoughtwork.report.as_markdown import render_markdown
from thoughtwork.report.data import build_report
from thoughtwork.report.payload import extract

PASS = "a long passphrase"
UTC = timezone.utc
STEPS = [LadderStep(id="look", title="Looking"), LadderStep(id="d1", title="Dilator <b>1</b> [i]small[/i]")]
LADDER = Ladder(steps=STEPS, current_step_id="d1")


def practice(day: int, **fields) -> PracticeEntry:
    base = {"step_id": "d1", "step_title": STEPS[1].title, "practised_at": datetime(2026, 11, day, 20, tzinfo=UTC)}
    return PracticeEntry(**{**base, **fields})


PRACTICES = [
    practice(2, step_id="look", step_title="Looking", predicted_pain=80, actual_pain=30, how_far=HowFar.whole),
    practice(5, predicted_pain=60, actual_pain=20, predicted_anxiety=70, actual_anxiety=40, assignment_id="a1",
             helpers=[Helper.breathing], feelings_after="Proud <script>x</script>", note="| not a | table",
             where="at Sam's flat", position="lying down"),
    practice(20, predicted_pain=50),
]
HOMEWORK = Assignment(id="a1", ladder_steps=[STEPS[1]], start=date(2026, 11, 1), end=date(2026, 11, 14), therapist="Dr Ada")


def report(**kwargs):
    options = {"start": None, "end": date(2026, 11, 30), "today": date(2026, 11, 30), "tz": UTC}
    return build_report([], [HOMEWORK], ladder=LADDER, practices=PRACTICES, **{**options, **kwargs})


def test_the_report_shows_the_ladder_practices_and_expected_vs_actual() -> None:
    data = report()
    section = data.practice
    assert [(s.title, s.practices, s.current, s.from_homework) for s in section.steps] == [
        ("Looking", 1, False, False), (STEPS[1].title, 2, True, True)]
    assert [g.sentence() for g in section.gaps] == [
        "Pain: expected 70 on average, felt 25; easier than expected in 2 of 2 practices.",
        "Anxiety: expected 70 on average, felt 40; easier than expected in 1 of 1 practice.",
    ]
    assert [(h.step, h.practices) for h in section.homework_steps] == [(STEPS[1].title, 1)]
    assert data.homework == []  # steps-only homework has no prompts to count; it is shown here instead
    assert "Sam" not in json.dumps(section.model_dump(mode="json"))  # where it happened stays private
    assert section.practices[1].helped == "Slow breathing" and section.practices[1].position == "lying down"


def test_the_period_and_homework_only_choose_the_practices() -> None:
    assert [p.practised_at.day for p in report(start=date(2026, 11, 4), end=date(2026, 11, 10)).practice.practices] == [5]
    assert [p.practised_at.day for p in report(homework_only=True).practice.practices] == [5]
    assert build_report([], [], today=date(2026, 11, 30)).practice is None  # no ladder, no practice: no section


def test_markdown_and_html_show_user_text_literally_and_review_reads_it_back() -> None:
    data = report()
    markdown = render_markdown(data)
    part = markdown[markdown.index("## Practice ladder"):markdown.index("## Records")]
    assert "| 2. Dilator &lt;b&gt;1&lt;/b&gt; \\[i\\]small\\[/i\\] | current step, from homework | 2 |" in part
    assert "\\| not a \\| table" in part and "<script>" not in part
    assert "| 80 → 30 |" in part and "Steps suggested in homework" in part
    page = render_html(data)
    assert "<script>x</script>" not in page and "Proud &lt;script&gt;x&lt;/script&gt;" in page
    assert page.count('<svg class="chart"') >= 4  # belief, anxiety, and pain and anxiety expected vs felt
    for text in (markdown, page):
        assert extract(text).practice == data.practice


def test_the_review_app_has_a_practice_tab() -> None:
    from thoughtwork.tui.screens.review import practice_text

    text = practice_text(report()).plain
    assert "Dilator <b>1</b> [i]small[/i]  2 practices  (current step, from homework)" in text
    assert "Pain: expected 60, felt 20." in text and "Feelings after: Proud <script>x</script>" in text


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "journal.twj"
    monkeypatch.setenv("THOUGHTWORK_JOURNAL", str(path))
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", PASS)
    assert main(["init"]) == 0
    return path


def test_homework_suggests_steps_which_join_the_ladder_and_count_practices(journal: Path, tmp_path: Path, capsys) -> None:
    bundle = tmp_path / "hw.json"
    start = date.today().isoformat()
    assert main(["homework", "assign", "--step", "dilator.1", "--step", "Dilator in the bath", "--from", "Dr Ada",
                 "--start", start, "--to", str(bundle)]) == 0
    said = capsys.readouterr().out
    assert "0 prompts" not in said and "2 practice steps, whenever you feel ready" in said and "every day" not in said
    assert main(["ladder", "add", "Looking"]) == 0
    assert main(["homework", "import", str(bundle)]) == 0
    said = capsys.readouterr().out
    assert "practice step: Dilator size 1 (the smallest)" in said and "Added 2 suggested steps to your practice ladder" in said
    assert main(["practice", "log", "--step", "2", "--expect-pain", "40", "--pain", "10"]) == 0
    assert main(["homework", "list"]) == 0
    said = capsys.readouterr().out
    assert "practice step Dilator size 1 (the smallest): 1 practice, whenever you feel ready" in said
    assert "practice step Dilator in the bath: 0 practices" in said
    with Journal.open(journal, PASS) as j:
        [homework] = j.assignments()
        assert [s.title for s in j.ladder().steps] == ["Looking", "Dilator size 1 (the smallest)", "Dilator in the bath"]
        assert j.practices()[0].assignment_id == homework.id
    assert main(["homework", "import", str(bundle)]) == 0  # again: nothing added twice
    said = capsys.readouterr().out
    assert "already in your journal" in said and "suggested step" not in said
    out = tmp_path / "report.md"
    assert main(["report", "--out", str(out)]) == 0
    assert "1 practice" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "## Practice ladder" in text and "Pain: expected 40 on average, felt 10" in text


def test_homework_needs_a_prompt_or_a_step(journal: Path, tmp_path: Path, capsys) -> None:
    assert main(["homework", "assign", "--to", str(tmp_path / "x.json")]) == 1
    assert "at least one prompt, or a ladder step" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_a_bundle_without_ladder_steps_is_what_an_older_thoughtwork_reads() -> None:
    from thoughtwork.homework.bundle import dump_bundle, load_bundle
    from thoughtwork.models import Prompt

    prompt = Prompt(id="daily.x", title="Evening", instructions="Write down one thought.", moments=["any_time"],
                    steps=["situation"])
    plain = Assignment(prompts=[prompt], start=date(2026, 12, 1), end=date(2026, 12, 2))
    assert "ladder_steps" not in json.loads(dump_bundle(plain))["assignment"]
    with_steps = plain.model_copy(update={"ladder_steps": STEPS[:1]})
    carried = json.loads(dump_bundle(with_steps))["assignment"]
    assert carried["ladder_steps"][0]["title"] == "Looking"
    assert load_bundle(dump_bundle(with_steps)) == with_steps and load_bundle(dump_bundle(plain)) == plain


def test_the_therapist_reads_the_practice_tab_in_the_review_app(tmp_path: Path) -> None:
    """From the patient's report file to the therapist's screen: p opens the Practice tab."""
    import asyncio

    from textual.widgets import Static

    from thoughtwork.report.reading import read_report
    from thoughtwork.tui.review_app import ReviewApp

    data = read_report(render_html(report()).encode("utf-8"), None)

    async def drive() -> None:
        app = ReviewApp(data, title="report.html")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("p")
            await pilot.pause()
            shown = app.screen.query_one("#practice-text", Static).content
            text = shown.plain if hasattr(shown, "plain") else str(shown)
            assert "Pain: expected 70 on average, felt 25" in text
            assert "Dilator <b>1</b> [i]small[/i]" in text  # literal, never markup

    asyncio.run(drive())
