"""`thoughtwork review`: the therapist's read-only view, and the whole trip from homework to review."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from thoughtwork.cli.main import main
from thoughtwork.journal import Journal
from thoughtwork.models import ThoughtRecord
from thoughtwork.report.data import ReportData, ReportRecord
from thoughtwork.report.reading import read_report
from thoughtwork.tui.review_app import ReviewApp

PASS = "a long passphrase"
FIXTURES = Path(__file__).parent / "data" / "prompts_fixture"
NASTY = "It [b]never[/b] works [@click=app.quit]x[/] \x1b]0;owned\x07 \u202edone"


def plain(app: ReviewApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if hasattr(content, "plain") else str(content)


def sample() -> ReportData:
    return ReportData(
        period_to=date(2026, 11, 10),
        records=[
            ReportRecord(created_at="2026-11-01T10:00:00Z", complete=True, context="Dilator practice",
                         situation="first", automatic_thought="It will hurt", belief_before=90, belief_after=50),
            ReportRecord(created_at="2026-11-02T10:00:00Z", complete=False, context="Something else",
                         situation=NASTY, automatic_thought=NASTY, traps=["labeling"]),
        ],
        traps=[{"id": "labeling", "name": "Labelling", "count": 1}],
    )


def test_tabs_and_records_show_user_text_literally() -> None:
    """Markup and escape sequences in a thought are shown as typed, never acted on."""

    async def drive() -> None:
        app = ReviewApp(sample(), title="r.html")
        async with app.run_test(size=(100, 40)) as pilot:
            assert "Records: 2 (1 complete)" in plain(app, "#summary-text")
            await pilot.press("r")
            assert app.screen.query_one(TabbedContent).active == "records"
            table = app.screen.query_one("#record-table", DataTable)
            assert table.row_count == 2
            detail = plain(app, "#record-detail")  # newest first: the nasty one
            assert "[b]never[/b] works [@click=app.quit]x[/]" in detail
            assert "\x1b" not in detail and "\x07" not in detail and "\u202e" not in detail
            await pilot.press("down")
            assert "It will hurt" in plain(app, "#record-detail")
            await pilot.press("t")
            assert "Labelling" in plain(app, "#traps-text")
            await pilot.press("h")
            assert "No homework" in plain(app, "#homework-text")
            assert app.is_running  # the [@click=app.quit] in the text did nothing
            await pilot.press("q")
        assert not app.is_running

    asyncio.run(drive())


def test_review_command_refuses_what_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    garbage = tmp_path / "junk.html"
    garbage.write_bytes(b"<html>hello</html>")
    assert main(["review", str(garbage)]) == 1
    assert "no thoughtwork report data" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "missing.html")]) == 1
    assert "There is no file" in capsys.readouterr().err
    sealed = tmp_path / "sealed.age"
    sealed.write_bytes(b"-----BEGIN AGE ENCRYPTED FILE-----\nAAAA\n-----END AGE ENCRYPTED FILE-----\n")
    assert main(["review", str(sealed)]) == 1
    assert "--identity" in capsys.readouterr().err


def test_round_trip_assign_import_record_report_encrypt_review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture) -> None:
    """Therapist assigns, patient imports and writes a linked record, sends an encrypted report, therapist reviews."""
    journal = tmp_path / "patient.twj"
    monkeypatch.setenv("THOUGHTWORK_JOURNAL", str(journal))
    monkeypatch.setenv("THOUGHTWORK_PASSPHRASE", PASS)
    bundle, key, report = tmp_path / "hw.json", tmp_path / "therapist.key", tmp_path / "report.html.age"

    assert main(["keygen", "--out", str(key)]) == 0
    public = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["homework", "assign", "fixture.evening", "--prompts", str(FIXTURES), "--to", str(bundle),
                 "--cadence", "daily", "--from", "Dr Ada", "--note", "One a day [i]if you can[/i]"]) == 0
    assert main(["init"]) == 0
    assert main(["homework", "import", str(bundle)]) == 0
    with Journal.open(journal, PASS) as j:
        [assignment] = j.assignments()
        j.save(ThoughtRecord(situation="evening", automatic_thought=NASTY, assignment_id=assignment.id,
                             prompt_id="fixture.evening", belief_before=80, belief_after=45))
        j.save(ThoughtRecord(situation="not homework", automatic_thought="a plain day"))
    assert main(["report", "--out", str(report), "--homework-only", "--encrypt-to", public]) == 0

    data = read_report(report.read_bytes(), key)
    assert [r.automatic_thought for r in data.records] == [NASTY]

    async def drive() -> None:
        app = ReviewApp(data)
        async with app.run_test(size=(100, 40)) as pilot:
            assert "Records: 1" in plain(app, "#summary-text")
            await pilot.press("h")
            homework = plain(app, "#homework-text")
            assert "from Dr Ada" in homework and "[i]if you can[/i]" in homework
            assert "Done 1 of 1 times planned so far" in homework
            assert "Evening reflection: 1 record, last done" in homework
            await pilot.press("r")
            assert "homework: Evening reflection" in plain(app, "#record-detail")

    asyncio.run(drive())


def test_a_crash_shows_a_plain_message_not_the_report(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """Textual's crash screen prints locals; the review app replaces it so patient text stays off screen."""
    monkeypatch.delenv("THOUGHTWORK_DEBUG", raising=False)
    from thoughtwork.tui.review_app import CRASH_MESSAGE

    async def drive() -> ReviewApp:
        app = ReviewApp(sample())
        with pytest.raises(RuntimeError):
            async with app.run_test() as pilot:
                app._handle_exception(RuntimeError(NASTY))
                await pilot.pause()
        return app

    app = asyncio.run(drive())
    shown = " ".join(capsys.readouterr().err.split())
    assert CRASH_MESSAGE in shown and "(RuntimeError)" in shown
    assert "never" not in shown and "Traceback" not in shown
    assert app.return_code == 1


def test_an_empty_report_says_so_on_every_tab() -> None:
    async def drive() -> None:
        app = ReviewApp(ReportData(period_to=date(2026, 11, 10)))
        async with app.run_test() as pilot:
            assert "Records: 0" in plain(app, "#summary-text")
            await pilot.press("r")
            assert "No records" in plain(app, "#record-detail")
            assert app.screen.query_one("#record-table", DataTable).row_count == 0
            assert "No thinking traps" in plain(app, "#traps-text")

    asyncio.run(drive())


def test_tab_keys_keep_working_after_the_records_tab() -> None:
    """With the records table focused, s/t/h used to snap straight back to the records tab."""

    async def drive() -> None:
        app = ReviewApp(sample())
        async with app.run_test(size=(100, 40)) as pilot:
            tabs = app.screen.query_one(TabbedContent)
            for key, tab in [("r", "records"), ("s", "summary"), ("r", "records"), ("t", "traps"), ("r", "records"),
                             ("h", "homework"), ("s", "summary")]:
                await pilot.press(key)
                await pilot.pause()
                assert tabs.active == tab, key

    asyncio.run(drive())


def test_the_report_opens_once_in_the_browser_from_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`o` serves the HTML report (charts and all) once on the loopback interface; nothing is written."""
    import os
    import tempfile
    import urllib.error
    import urllib.request

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    opened: list[str] = []

    async def drive() -> None:
        app = ReviewApp(sample())
        app.open_page = lambda url: opened.append(url) or True  # type: ignore[method-assign]
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("o")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert len(opened) == 1 and opened[0].startswith("http://127.0.0.1:")
        with urllib.request.urlopen(opened[0], timeout=5) as response:  # noqa: S310 - loopback only
            page = response.read().decode()
            assert response.headers["Cache-Control"] == "no-store"
        assert "<svg" in page and "It will hurt" in page and "&lt;" not in page.split("<body>")[0]
        with pytest.raises((urllib.error.URLError, ConnectionError)):
            urllib.request.urlopen(opened[0], timeout=2)  # noqa: S310 - served once, then gone

    asyncio.run(drive())
    assert os.listdir(tmp_path) == []
