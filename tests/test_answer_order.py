"""A prompt's own questions keep the prompt's order from the journal to the export and report."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from hypothesis import given, strategies as st

from thoughtwork.export.research_export import Builtin, build_export
from thoughtwork.export.study import Study
from thoughtwork.homework.answers import numbered_answers
from thoughtwork.journal import Journal
from thoughtwork.models import Assignment, Prompt, Settings, ThoughtRecord
from thoughtwork.report.as_markdown import render_markdown
from thoughtwork.report.data import build_report

# Alphabetically "How long..." comes first; the therapist asked "Which size..." first.
FIRST, SECOND = "Which size did you use?", "How long did you stay with it?"
PROMPT = Prompt(id="riverside.after", title="After practice", instructions="Write how the practice went.",
                moments=["any_time"], steps=["situation"], extra_questions=[FIRST, SECOND])
HOMEWORK = Assignment(prompts=[PROMPT], start=date(2026, 10, 1), end=date(2026, 12, 1), therapist="Dr Okafor")


def saved_and_read_back(tmp_path: Path) -> tuple[list[ThoughtRecord], list[Assignment]]:
    record = ThoughtRecord(situation="practice", automatic_thought="it will hurt", assignment_id=HOMEWORK.id,
                           prompt_id=PROMPT.id, created_at=datetime(2026, 10, 9, 9, tzinfo=timezone.utc),
                           prompt_answers={FIRST: "Size 2", SECOND: "About ten minutes"})
    with Journal.create(tmp_path / "j.twj", None, encrypted=False) as journal:
        journal.save_assignment(HOMEWORK)
        journal.save(record)
    with Journal.open(tmp_path / "j.twj", None) as journal:
        return journal.records(), journal.assignments()


def test_the_export_numbers_a_therapists_questions_in_the_prompts_order(tmp_path: Path) -> None:
    records, assignments = saved_and_read_back(tmp_path)
    settings = Settings(study_pseudonym="tw-000000000001")
    [row] = build_export(records, settings, Study(), builtin=Builtin(), assignments=assignments).rows
    assert row["prompt_answers"] == "Q1: Size 2 | Q2: About ten minutes"


def test_the_report_lists_the_answers_in_the_prompts_order(tmp_path: Path) -> None:
    records, assignments = saved_and_read_back(tmp_path)
    [shown] = build_report(records, assignments, today=date(2026, 12, 3)).records
    assert [a.question for a in shown.answers] == [FIRST, SECOND]
    text = render_markdown(build_report(records, assignments, today=date(2026, 12, 3)))
    assert text.index("Size 2") < text.index("About ten minutes")


def test_an_answer_keeps_its_questions_number_when_an_earlier_one_is_blank() -> None:
    record = ThoughtRecord(prompt_answers={SECOND: "ten minutes", FIRST: " "})
    assert numbered_answers(record, [FIRST, SECOND]) == [(2, SECOND, "ten minutes")]


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=6, unique=True), st.randoms())
def test_answers_follow_the_prompt_and_a_question_it_no_longer_asks_comes_after(questions, rnd) -> None:  # noqa: ANN001
    asked, dropped = questions[: len(questions) // 2 + 1], questions[len(questions) // 2 + 1 :]
    stored = list(questions)
    rnd.shuffle(stored)
    record = ThoughtRecord(prompt_answers={q: f"answer {q}" for q in stored})
    numbered = numbered_answers(record, asked)
    assert [q for _, q, _ in numbered][: len(asked)] == asked
    assert sorted(q for _, q, _ in numbered[len(asked):]) == sorted(dropped)
    assert [n for n, _, _ in numbered] == list(range(1, len(questions) + 1))
