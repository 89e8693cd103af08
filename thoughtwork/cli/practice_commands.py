"""`thoughtwork ladder ...` and `thoughtwork practice ...`: the practice ladder from the command line.

Thin glue: the ladder's rules live in `thoughtwork.practice`; this module parses, asks the
journal, and says what happened in one or two plain lines.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from pydantic import ValidationError

from thoughtwork.cli.errors import UserError
from thoughtwork.cli.unlock import open_journal
from thoughtwork.models import (
    HOW_FAR_LABELS,
    CelebrationKind,
    Helper,
    HowFar,
    Ladder,
    PracticeEntry,
    friendly_error,
)
from thoughtwork.practice import celebrations, gaps, ladders
from thoughtwork.practice.entries import assignment_for, parse_when
from thoughtwork.practice.readiness import practice_streak, readiness
from thoughtwork.text import clean, shorten

RATING_HELP = "0-100"


def say(line: str = "") -> None:
    """Every line this module prints carries the person's words: shown, never obeyed by the terminal."""
    print(clean(line))


def register(sub: argparse._SubParsersAction) -> None:
    ladder = sub.add_parser("ladder", help="your practice ladder: the steps, the one you are on, your rewards")
    lsub = ladder.add_subparsers(dest="ladder_command", metavar="ACTION", required=True)
    lsub.add_parser("show", help="your steps, the step you are on, and how practice is going").set_defaults(func=cmd_show)
    start = lsub.add_parser("start", help="begin from the suggested steps (a clinician-editable list)")
    start.add_argument("--force", action="store_true", help="replace the steps you have (your practices and rewards are kept)")
    start.set_defaults(func=cmd_start)
    add = lsub.add_parser("add", help="add a step of your own")
    add.add_argument("title")
    add.add_argument("--at", type=int, metavar="N", help="its place on the ladder (default: at the end)")
    add.add_argument("--description", default="", help="a few words about the step")
    add.set_defaults(func=cmd_add)
    rename = lsub.add_parser("rename", help="rename a step (practices keep the name they had)")
    rename.add_argument("step", help="the step's number (see `ladder show`)")
    rename.add_argument("title")
    rename.add_argument("--description", help="new words about the step")
    rename.set_defaults(func=cmd_rename)
    move = lsub.add_parser("move", help="move a step to another place")
    move.add_argument("step")
    move.add_argument("--to", type=int, required=True, metavar="N")
    move.set_defaults(func=cmd_move)
    remove = lsub.add_parser("remove", help="take a step off the ladder (its practices stay in your journal)")
    remove.add_argument("step")
    remove.set_defaults(func=cmd_remove)
    current = lsub.add_parser("current", help="say which step you are on now (up, down or the same: you decide)")
    current.add_argument("step")
    current.set_defaults(func=cmd_current)
    reward = lsub.add_parser("reward", help="plan a reward for a milestone, or list them")
    reward.add_argument("reward", nargs="?", help="what you will treat yourself to")
    reward.add_argument("--when", metavar="MILESTONE",
                        help="first, practices:N, streak:N (days in a row) or step:STEP")
    reward.add_argument("--remove", type=int, metavar="N", help="forget reward number N")
    reward.set_defaults(func=cmd_reward)

    practice = sub.add_parser("practice", help="log a practice, compare what you expected with what happened")
    psub = practice.add_subparsers(dest="practice_command", metavar="ACTION", required=True)
    log = psub.add_parser("log", help="log a practice (before, after, or both)")
    log.add_argument("--step", help="the step's number (default: the step you are on)")
    _practice_options(log)
    log.set_defaults(func=cmd_log)
    update = psub.add_parser("update", help="add how a logged practice went, or change it")
    update.add_argument("number", help="the practice's number (see `practice list`)")
    update.add_argument("--step", help="the step's number")
    _practice_options(update)
    update.set_defaults(func=cmd_update)
    psub.add_parser("list", help="your practices, oldest first").set_defaults(func=cmd_list)
    psub.add_parser("compare", help="what you expected against what happened").set_defaults(func=cmd_compare)
    record = psub.add_parser("record", help="start a thought record from a practice's loudest thought")
    record.add_argument("number")
    record.add_argument("--thought", help="the thought (default: the loudest thought noted with the practice)")
    record.set_defaults(func=cmd_record)
    delete = psub.add_parser("delete", help="delete a practice")
    delete.add_argument("number")
    delete.add_argument("--yes", action="store_true", required=True, help="yes, delete it")
    delete.set_defaults(func=cmd_delete)
    lint = psub.add_parser("lint", help="check the suggested-ladder and guided-exercise files")
    lint.add_argument("paths", nargs="*", metavar="PATH")
    lint.set_defaults(func=cmd_lint)


def _rating(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number from 0 to 100") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("must be a whole number from 0 to 100")
    return value


def _practice_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--at", metavar="WHEN", help="when you practised, e.g. 2026-12-01T20:30 (default: now)")
    parser.add_argument("--where", help="where you practised")
    parser.add_argument("--position", help="the position you used")
    parser.add_argument("--relaxed", type=_rating, metavar=RATING_HELP, help="how relaxed you felt before")
    parser.add_argument("--motivation", type=_rating, metavar=RATING_HELP, help="how much you wanted to practise")
    parser.add_argument("--expect-pain", type=_rating, metavar=RATING_HELP, help="the pain you expected")
    parser.add_argument("--expect-anxiety", type=_rating, metavar=RATING_HELP, help="the anxiety you expected")
    parser.add_argument("--pain", type=_rating, metavar=RATING_HELP, help="the pain you actually felt")
    parser.add_argument("--anxiety", type=_rating, metavar=RATING_HELP, help="the anxiety you actually felt")
    parser.add_argument("--helped", metavar="LIST", help="what helped, comma-separated: " + ", ".join(h.value for h in Helper))
    parser.add_argument("--helped-other", help="anything else that helped, in your words")
    parser.add_argument("--how-far", choices=[h.value for h in HowFar], help="how far it went (every answer counts)")
    parser.add_argument("--feelings", help="how you felt afterwards")
    parser.add_argument("--note", help="anything else you want to remember")
    parser.add_argument("--thought", help="the loudest thought before or after")


# --- the ladder ------------------------------------------------------------------------------


def cmd_show(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        ladder = journal.ladder()
        practices = journal.practices()
    if not ladder.steps:
        say("Your ladder has no steps yet. Begin from the suggested steps with: thoughtwork ladder start")
        say("or add your own with: thoughtwork ladder add \"Touch at the entrance\"")
        return 0
    counts = {s.id: sum(1 for p in practices if p.step_id == s.id) for s in ladder.steps}
    current = ladder.current
    for number, step in enumerate(ladder.steps, start=1):
        mark = "▶" if current is not None and step.id == current.id else " "
        done = f"  ({counts[step.id]} practice{'s' if counts[step.id] != 1 else ''})" if counts[step.id] else ""
        say(f"{mark} {number:>2}. {shorten(step.title, 64)}{done}")
    say()
    say(readiness(ladder, practices).message)
    streak = practice_streak(practices, date.today())
    if streak.current:
        say(f"Days in a row with a practice: {streak.current} (your longest: {streak.longest}).")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    from thoughtwork.content.problems import ContentError
    from thoughtwork.practice.content import load_default_steps

    try:
        defaults = load_default_steps()
    except ContentError as error:
        raise UserError(f"The suggested ladder has a problem: {error}") from None
    with open_journal(args) as journal:
        ladder = journal.ladder()
        if ladder.steps and not args.force:
            raise UserError("You already have a ladder and it was left as it is; add --force to start again from the suggested steps.")
        journal.save_ladder(_changed(lambda: ladders.from_defaults(defaults, ladder)))
    say(f"Your ladder has {len(defaults)} suggested steps. Rename, add, remove or reorder them as you like; "
          "see them with: thoughtwork ladder show")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        ladder, step = _changed(lambda: ladders.add_step(journal.ladder(), args.title, args.description, args.at))
        journal.save_ladder(ladder)
    say(f"Added step {ladder.position(step.id)}: {shorten(step.title, 70)}.")
    return 0


def _change_step(args: argparse.Namespace, change):  # noqa: ANN001, ANN202
    """Find `args.step` on the ladder, apply `change(ladder, step)` and save: the step and the new ladder."""
    with open_journal(args) as journal:
        ladder = journal.ladder()
        step = _found(ladder, args.step)
        changed = _changed(lambda: change(ladder, step))
        journal.save_ladder(changed)
    return step, changed


def cmd_rename(args: argparse.Namespace) -> int:
    step, ladder = _change_step(args, lambda ladder, step: ladders.rename_step(ladder, step.id, args.title, args.description))
    say(f"Step {ladder.position(step.id)} is now: {shorten(args.title.strip(), 70)}.")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    step, ladder = _change_step(args, lambda ladder, step: ladders.move_step(ladder, step.id, args.to))
    say(f"{shorten(step.title, 60)} is now step {ladder.position(step.id)}.")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    step, _ = _change_step(args, lambda ladder, step: ladders.remove_step(ladder, step.id))
    say(f"Took {shorten(step.title, 60)} off your ladder; practices logged at it stay in your journal.")
    return 0


def cmd_current(args: argparse.Namespace) -> int:
    step, ladder = _change_step(args, lambda ladder, step: ladders.set_current(ladder, step.id))
    say(f"You are on step {ladder.position(step.id)}: {shorten(step.title, 60)}. Go at your own pace.")
    return 0


def cmd_reward(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        ladder = journal.ladder()
        if args.remove is not None:
            if not 1 <= args.remove <= len(ladder.celebrations):
                raise UserError(f"There is no reward {args.remove}; see them with: thoughtwork ladder reward")
            gone = ladder.celebrations[args.remove - 1]
            journal.save_ladder(ladders.remove_celebration(ladder, gone.id))
            say(f"Forgot the reward for: {celebrations.describe(gone, ladder)}.")
            return 0
        if args.reward is None:
            _list_rewards(ladder, journal.practices())
            return 0
        fields = _milestone(ladder, args.when or "first")
        ladder, chosen = _changed(lambda: ladders.add_celebration(ladder, reward=args.reward, **fields))
        journal.save_ladder(ladder)
        reached = celebrations.reached_on(chosen, journal.practices())
    say(f"Planned: {celebrations.describe(chosen, ladder)} → {shorten(chosen.reward, 80)}.")
    if reached is not None:
        say(f"You reached this already, on {reached}: enjoy it whenever you like.")
    return 0


def _milestone(ladder: Ladder, when: str) -> dict:
    kind, _, value = when.strip().partition(":")
    kind = kind.lower()
    if kind in ("first", "first_practice"):
        return {"kind": CelebrationKind.first_practice}
    if kind in ("practices", "streak"):
        if not value.strip().isdigit() or int(value) < 1:
            raise UserError(f"--when {kind}:N needs a whole number N of 1 or more, such as {kind}:5.")
        return {"kind": CelebrationKind(kind), "count": int(value)}
    if kind == "step":
        return {"kind": CelebrationKind.step, "step_id": _found(ladder, value).id}
    raise UserError("--when must be first, practices:N, streak:N or step:STEP (such as step:3).")


def _list_rewards(ladder: Ladder, practices: list[PracticeEntry]) -> None:
    if not ladder.celebrations:
        say("No rewards planned yet. Choose one for a milestone, e.g.: "
              "thoughtwork ladder reward \"A long bath with my book\" --when first")
        return
    for number, item in enumerate(celebrations.progress(ladder, practices), start=1):
        state = f"reached {item.on}" if item.on else "ahead"
        say(f"{number}. {celebrations.describe(item.celebration, ladder)} → {shorten(item.celebration.reward, 60)} ({state})")


# --- practices -------------------------------------------------------------------------------


def cmd_log(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        ladder = journal.ladder()
        step = _found(ladder, args.step) if args.step else ladder.current
        before = journal.practices()
        fields = _fields(args)
        if step is not None:
            fields.update(step_id=step.id, step_title=step.title)
        fields.setdefault("assignment_id", assignment_for(journal.assignments(), step.id if step else None))
        practice = journal.save_practice(_practice(fields))
        after = journal.practices()
        number = next(i for i, p in enumerate(after, start=1) if p.id == practice.id)
        earned = celebrations.newly_reached(ladder, before, after)
    at = f" at {shorten(practice.step_title, 60)}" if practice.step_title else ""
    say(f"Logged practice {number}{at}. Well done for showing up.")
    for line in _lessons(practice):
        say(line)
    if not practice.has_outcome:
        say(f"Add how it went afterwards with: thoughtwork practice update {number} --pain N --anxiety N")
    if practice.loudest_thought:
        say(f"Start a thought record from the loudest thought with: thoughtwork practice record {number}")
    for celebration in earned:
        say(celebrations.celebration_message(celebration, ladder))
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        before = journal.practices()
        practice, number = _numbered(before, args.number)
        ladder = journal.ladder()
        fields = _fields(args)
        if args.step:
            step = _found(ladder, args.step)
            fields.update(step_id=step.id, step_title=step.title)
        updated = journal.save_practice(_practice({**practice.model_dump(), **fields}))
        earned = celebrations.newly_reached(ladder, before, journal.practices())
    say(f"Updated practice {number}.")
    for line in _lessons(updated):
        say(line)
    for celebration in earned:
        say(celebrations.celebration_message(celebration, ladder))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        practices = journal.practices()
    if not practices:
        say("No practices logged yet. When you feel ready: thoughtwork practice log")
        return 0
    for number, practice in enumerate(practices, start=1):
        when = practice.practised_at.astimezone().strftime("%Y-%m-%d %H:%M")
        parts = [f"{number:>3}. {when}", shorten(practice.step_title or "(no step)", 40)]
        if practice.how_far is not None:
            parts.append(HOW_FAR_LABELS[practice.how_far.value].lower())
        for measure in gaps.MEASURES:
            predicted, actual = getattr(practice, f"predicted_{measure}"), getattr(practice, f"actual_{measure}")
            if predicted is not None or actual is not None:
                parts.append(f"{measure} {_dash(predicted)}→{_dash(actual)}")
        if practice.record_ids:
            parts.append(f"{len(practice.record_ids)} record{'s' if len(practice.record_ids) != 1 else ''}")
        say(" · ".join(parts))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        practices = journal.practices()
    found = gaps.gaps(practices)
    if not found:
        say("No practice has both a prediction and how it felt yet. Log what you expect before, "
              "and how it was after: the gap between them is often the most useful part.")
        return 0
    for measure in gaps.MEASURES:
        say(gaps.summary(practices, measure).sentence())
    say()
    numbers = {p.id: i for i, p in enumerate(practices, start=1)}
    for gap in found:
        when = gap.practice.practised_at.astimezone().strftime("%Y-%m-%d")
        say(f"{numbers[gap.practice.id]:>3}. {when} {shorten(gap.practice.step_title or '(no step)', 30)}: {gap.lesson}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from thoughtwork.practice.linking import start_record

    with open_journal(args) as journal:
        practice, number = _numbered(journal.practices(), args.number)
        thought = args.thought if args.thought is not None else practice.loudest_thought
        if not thought.strip():
            raise UserError("This practice has no loudest thought noted; give one with --thought \"...\".")
        try:
            practice, record = start_record(journal, practice, thought)
        except ValidationError as error:
            raise UserError(f"That record cannot be started: {friendly_error(error)}.") from None
    say(f"Started a thought record from practice {number}; it is a draft in your journal, linked to the practice.")
    say("Open thoughtwork and press c to continue it.")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        practice, number = _numbered(journal.practices(), args.number)
        journal.delete_practice(practice.id)
    say(f"Deleted practice {number}. Thought records started from it stay in your journal.")
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    from pathlib import Path

    from thoughtwork.practice.content import lint_practice

    problems = lint_practice([Path(p) for p in args.paths] or None)
    for problem in problems:
        say(str(problem))
    if problems:
        raise UserError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; see above.")
    say("The practice files are fine.")
    return 0


# --- helpers ---------------------------------------------------------------------------------


def _fields(args: argparse.Namespace) -> dict:
    """The practice fields given on the command line (only those given)."""
    names = {
        "where": "where", "position": "position", "relaxed": "relaxed_before", "motivation": "motivation",
        "expect_pain": "predicted_pain", "expect_anxiety": "predicted_anxiety", "pain": "actual_pain",
        "anxiety": "actual_anxiety", "helped_other": "helped_other", "how_far": "how_far",
        "feelings": "feelings_after", "note": "note", "thought": "loudest_thought",
    }
    fields = {field: getattr(args, option) for option, field in names.items() if getattr(args, option) is not None}
    if args.helped is not None:
        fields["helpers"] = _helpers(args.helped)
    if args.at is not None:
        fields["practised_at"] = _when(args.at)
    return fields


def _helpers(text: str) -> list[str]:
    wanted = [w.strip().lower().replace("-", "_").replace(" ", "_") for w in text.split(",") if w.strip()]
    known = {h.value for h in Helper}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise UserError(f"{unknown[0][:40]!r} is not one of: {', '.join(sorted(known))} (put anything else in --helped-other).")
    return wanted


def _when(text: str) -> datetime:
    try:
        return parse_when(text)
    except ValueError as error:
        raise UserError(f"--at: {error}") from None


def _practice(fields: dict) -> PracticeEntry:
    try:
        return PracticeEntry.model_validate(fields)
    except ValidationError as error:
        raise UserError(f"That practice cannot be logged: {friendly_error(error)}.") from None


def _changed(change):  # noqa: ANN001, ANN202
    try:
        return change()
    except ladders.LadderError as error:
        raise UserError(str(error)) from None


def _found(ladder: Ladder, ref: str | None):  # noqa: ANN202
    return _changed(lambda: ladders.find_step(ladder, ref or ""))


def _numbered(practices: list[PracticeEntry], ref: str) -> tuple[PracticeEntry, int]:
    if ref.strip().isdigit() and 1 <= int(ref) <= len(practices):
        return practices[int(ref) - 1], int(ref)
    if not practices:
        raise UserError("No practices are logged yet.")
    raise UserError(f"There is no practice {ref[:20]!r}; they are numbered 1 to {len(practices)} (see: thoughtwork practice list).")


def _lessons(practice: PracticeEntry) -> list[str]:
    return [gap.lesson for gap in gaps.gaps([practice])]


def _dash(value: int | None) -> str:
    return "–" if value is None else str(value)

