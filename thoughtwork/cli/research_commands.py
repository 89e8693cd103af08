"""`export --anonymise`, `research merge` and `anonymise`: the research face.

Thin glue: the work happens in `thoughtwork.export` and `thoughtwork.research`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from thoughtwork.cli.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="write a de-identified research export for a study (participant)",
        description="Write a de-identified copy of your records for a research study. "
        "Names, places, dates, contact details and ID numbers in your writing are replaced "
        "by placeholders such as [NAME]; use --preview first to see exactly what is sent.",
    )
    export.add_argument("--anonymise", "--anonymize", action="store_true", help="de-identify (required: this is the research export)")
    export.add_argument("--out", type=Path, metavar="DIR", help="a new folder to write the export into")
    export.add_argument("--study", type=Path, metavar="STUDY.toml", help="the study file your researchers gave you")
    export.add_argument("--no-free-text", action="store_true", help="leave all your own writing out; send numbers and categories only")
    export.add_argument("--preview", action="store_true", help="show what would be sent and write nothing")
    export.add_argument("--compact", action="store_true", help="with --preview: one line per record instead of one panel")
    export.set_defaults(func=cmd_export)

    research = sub.add_parser("research", help="combine participants' exports (researcher)")
    research_sub = research.add_subparsers(dest="research_command", metavar="COMMAND")
    merge = research_sub.add_parser("merge", help="check and combine many participants' exports into one data set")
    merge.add_argument("folders", nargs="+", type=Path, metavar="DIR", help="participants' export folders")
    merge.add_argument("--out", required=True, type=Path, metavar="DIR", help="a new folder for the combined data set")
    merge.add_argument("--identity", type=Path, metavar="KEYFILE",
                       help="your secret key file, for encrypted exports (default: the one `thoughtwork keygen` made)")
    merge.set_defaults(func=cmd_merge)
    research.set_defaults(func=lambda args: _usage(research))

    anonymise = sub.add_parser(
        "anonymise",
        aliases=["anonymize"],
        help='scrub {"id","text"} JSON lines from stdin to stdout',
        description='Read {"id", "text"} JSON lines on stdin and write {"id", "text"} lines with names, places, '
        'dates, contact details and ID numbers replaced by placeholders such as [NAME]. A line that cannot be '
        'read gives {"id", "error"} and the stream goes on.',
    )
    anonymise.add_argument("--jsonl", action="store_true", required=True, help="read and write JSON lines")
    anonymise.add_argument("--name", action="append", default=[], metavar="NAME", help="a name to always hide (repeatable)")
    anonymise.set_defaults(func=cmd_anonymise)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# --- participant --------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from rich.console import Console

    from thoughtwork import keys
    from thoughtwork.cli.unlock import open_journal
    from thoughtwork.export.output import OutputProblem, check_target
    from thoughtwork.export.preview import render_preview
    from thoughtwork.export.research_export import build_export, new_pseudonym, write_export
    from thoughtwork.export.study import Study, StudyProblem, load_study

    if not args.anonymise:
        raise UserError("Add --anonymise for a research export; for your own full backup use `thoughtwork journal export`.")
    if not args.preview and args.out is None:
        raise UserError("Say where to write the export with --out DIR (or look first with --preview).")
    try:
        study = load_study(args.study) if args.study else Study()
        recipient = keys.recipient(study.recipient) if study.recipient else None
        if not args.preview:
            check_target(args.out)
    except (StudyProblem, OutputProblem, keys.KeyProblem) as problem:
        raise UserError(str(problem)) from None

    with open_journal(args) as journal:
        settings = journal.settings()
        if study.name not in settings.study_pseudonyms:
            # Made once per study, on its first real export; a preview changes nothing, so it shows a stand-in.
            pseudonym = _adopted_legacy(settings) or ("(made on your first export)" if args.preview else new_pseudonym())
            settings = settings.model_copy(update={"study_pseudonyms": {**settings.study_pseudonyms, study.name: pseudonym}})
            if not args.preview:
                settings = journal.save_settings(settings) or settings
        records = journal.records()
        assignments = journal.assignments()
        practices, ladder = journal.practices(), journal.ladder()
    therapists = [a.therapist for a in assignments if a.therapist.strip()]
    bundle = build_export(records, settings, study, free_text=not args.no_free_text, extra_names=therapists,
                          assignments=assignments, practices=practices, ladder=ladder,
                          shipped_steps=_shipped_step_ids())

    note = "Files will be encrypted so only the researchers can read them." if recipient else "Files will not be encrypted."
    if args.preview:
        Console().print(render_preview(bundle, note, compact=args.compact))
        return 0
    try:
        info = write_export(bundle, args.out, recipient)
    except OutputProblem as problem:
        raise UserError(str(problem)) from None
    hidden = sum(info["counts"]["redactions"].values())
    count = info["counts"].get("practices")
    practiced = f" and {count} practice{'s' if count != 1 else ''}" if count is not None else ""
    print(f"Wrote {info['counts']['records']} records{practiced} to {args.out} ({'encrypted' if recipient else 'not encrypted'}).")
    if bundle.free_text:
        print(f"{hidden} names, places and other identifiers were replaced by placeholders.")
    return 0


def _shipped_step_ids() -> set[str]:
    """Ids of the shipped suggested ladder steps: the only step names that may go out (others are
    'custom'). A clinic's own ladder file (THOUGHTWORK_PRACTICE) is not shipped, so its ids are not."""
    from thoughtwork import locations
    from thoughtwork.content.problems import ContentError
    from thoughtwork.practice.content import LADDER_FILE, load_default_steps

    try:
        return {s.id for s in load_default_steps(locations.builtin_practice_directory() / LADDER_FILE)}
    except ContentError:
        return set()  # every step then goes out as "custom": never more than intended


def _adopted_legacy(settings) -> str | None:  # noqa: ANN001
    """The one pseudonym older journals had, for the first study that asks (no other study uses it)."""
    legacy = settings.study_pseudonym
    return legacy if legacy and legacy not in settings.study_pseudonyms.values() else None


# --- researcher ---------------------------------------------------------------------------


def cmd_merge(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from thoughtwork import keys
    from thoughtwork.export.output import OutputProblem, check_target
    from thoughtwork.research.merge import MergeProblem, merge
    from thoughtwork.text import clean

    try:
        check_target(args.out)
        from thoughtwork import locations

        key_file = args.identity or (locations.identity_file() if locations.identity_file().exists() else None)
        identity = keys.identity(key_file) if key_file else None
        info = merge(args.folders, args.out, identity)
    except (MergeProblem, OutputProblem, keys.KeyProblem) as problem:
        raise UserError(str(problem)) from None
    summary = info["summary"]
    table = Table(title=Text(f"Merged into {args.out}"), show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("participants", str(summary["participants"]))
    table.add_row("records", str(summary["records"]))
    if "practices" in summary:
        table.add_row("practices", str(summary["practices"]))
    table.add_row("mean belief change", _number(summary["mean_belief_change"]))
    table.add_row("mean anxiety change", _number(summary["mean_anxiety_change"]))
    traps = Table(title="Thinking traps by frequency")
    traps.add_column("trap")
    traps.add_column("records", justify="right")
    for trap, count in summary["traps"]:
        traps.add_row(Text(trap), str(count))  # values came from outside: never read them as markup
    console = Console()
    console.print(table)
    console.print(traps if summary["traps"] else "No thinking traps were recorded.")
    for note in info["notes"]:
        console.print(Text(clean(note, single_line=True)))
    if not info["parquet"]:
        console.print("records.parquet was not written: it needs pyarrow (pip install 'thoughtwork[research]').")
    return 0


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f}"


# --- filter -------------------------------------------------------------------------------


def cmd_anonymise(args: argparse.Namespace) -> int:
    from thoughtwork.export.anonymiser import Anonymiser

    anonymiser = Anonymiser(args.name)
    # Bytes in and out: a stray non-UTF-8 line becomes an error line, and output never depends on the locale.
    out = sys.stdout.buffer
    for raw in sys.stdin.buffer:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            result: dict = {"id": None, "error": "this line is not valid UTF-8"}
        else:
            # A blank line still gets its output line, so output line N always answers input line N.
            result = {"id": None, "error": "the line is blank"} if not line.strip() else scrub_line(anonymiser, line)
        out.write((json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8"))
        out.flush()
    return 0


def scrub_line(anonymiser, line: str) -> dict:  # noqa: ANN001
    """One input line to one output object: scrubbed text, or an "error" that says why not."""
    try:
        item = json.loads(line, parse_constant=_refuse)
    except (ValueError, RecursionError):
        return {"id": None, "error": "this line is not valid JSON"}
    if not isinstance(item, dict):
        return {"id": None, "error": 'each line must be a JSON object with "id" and "text"'}
    line_id = item.get("id")
    if not isinstance(line_id, (str, int)) or isinstance(line_id, bool):
        line_id = None
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": line_id, "error": '"text" must be a string'}
    try:
        return {"id": line_id, "text": anonymiser.scrub(text).text}
    except Exception:  # noqa: BLE001 - one bad line must never stop the stream or print its text
        return {"id": line_id, "error": "this text could not be scrubbed"}


def _refuse(constant: str) -> None:
    raise ValueError(constant)
