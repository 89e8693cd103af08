"""`thoughtwork reframes lint|for` and `thoughtwork prompts lint|list|show`: the content libraries."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from thoughtwork import locations
from thoughtwork.cli.errors import UserError
from thoughtwork.content import (
    ContentError,
    Problem,
    find_prompt,
    lint_prompts,
    lint_reframes,
    load_prompts,
    load_reframes,
    rank_reframes,
)
from thoughtwork.content.aboutness import about as about_text
from thoughtwork.content.aboutness import subject_name
from thoughtwork.content.balance import is_balanced
from thoughtwork.content.questions import questions_for
from thoughtwork.content.fit_model import shipped_fit_model
from thoughtwork.content.ranking import faint_traps, trap_name
from thoughtwork.content.tomlfiles import content_files
from thoughtwork.models import Analysis, Context, Prompt, normalise_context
from thoughtwork.safety import crisis_resources, default_region
from thoughtwork.text import clean, shorten


def register(sub: argparse._SubParsersAction) -> None:
    reframes = sub.add_parser("reframes", help="check the reframe library, or see reframes for a thought")
    rsub = reframes.add_subparsers(dest="reframes_command", metavar="ACTION", required=True)
    lint = rsub.add_parser("lint", help="check reframe files (default: the built-in library)")
    lint.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="reframe files or folders")
    lint.set_defaults(func=cmd_reframes_lint)
    for_ = rsub.add_parser("for", help="the reframes thoughtwork would offer for a thought, and why")
    for_.add_argument("text", help="the thought, in quotes")
    for_.add_argument("-n", "--count", type=int, default=3, help="how many reframes to show (default 3)")
    for_.add_argument("--context", default="other", type=_context_arg, metavar="CONTEXT",
                      help="where it happened: " + ", ".join(c.value for c in Context) + " (default other)")
    for_.add_argument("--region", default=None, metavar="CODE",
                      help="whose crisis lines to show if the thought mentions self-harm (uk, us, ie, au, ...)")
    for_.set_defaults(func=cmd_reframes_for)

    prompts = sub.add_parser("prompts", help="the homework prompt library")
    psub = prompts.add_subparsers(dest="prompts_command", metavar="ACTION", required=True)
    plint = psub.add_parser("lint", help="check prompt files (default: the built-in library)")
    plint.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="prompt files or folders")
    plint.set_defaults(func=cmd_prompts_lint)
    plist = psub.add_parser("list", help="list the prompts: id, title and moments")
    _add_from(plist)
    plist.set_defaults(func=cmd_prompts_list)
    show = psub.add_parser("show", help="show one prompt in full")
    show.add_argument("id", help="the prompt's id (see `thoughtwork prompts list`)")
    _add_from(show)
    show.set_defaults(func=cmd_prompts_show)


def _add_from(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="extra", action="append", type=Path, default=[], metavar="PATH",
        help="also read your own prompt file or folder (may be repeated)",
    )


# --- lint -----------------------------------------------------------------------------------


def cmd_reframes_lint(args: argparse.Namespace) -> int:
    paths = args.paths or [locations.reframes_directory()]
    return _lint(paths, lint_reframes, load_reframes, "reframe")


def cmd_prompts_lint(args: argparse.Namespace) -> int:
    paths = args.paths or [locations.prompts_directory()]
    return _lint(paths, lint_prompts, load_prompts, "prompt")


def _lint(paths: list[Path], lint: Callable[[list[Path]], list[Problem]], load: Callable, noun: str) -> int:
    problems = lint(paths)
    if problems:
        for problem in problems:
            print(clean(str(problem), single_line=True))
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.")
        return 1
    entries = load(paths)
    files, _ = content_files(paths)
    print(f"{_plural(len(entries), noun)} in {_plural(len(files), 'file')} {'looks' if len(entries) == 1 else 'look'} good.")
    return 0


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# --- reframes for a thought -----------------------------------------------------------------


def cmd_reframes_for(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise UserError("Write the thought in quotes, for example: thoughtwork reframes for \"It will hurt\".")
    if args.count < 1:
        raise UserError("--count must be 1 or more.")
    reframes = _load(load_reframes, None)
    analysis = _analyse(args.text)
    if analysis.mentions_self_harm:
        # Reframes are no answer to thoughts of self-harm: no disputing, only where help is.
        print(SAFETY_NOTE)
        print()
        for resource in crisis_resources(args.region or default_region()):
            hours = f" ({clean(resource.hours, single_line=True)})" if resource.hours else ""
            print(f"  {clean(resource.name, single_line=True)}: {clean(resource.contact, single_line=True)}{hours}")
        print()
        print(NO_REFRAMES_NOTE)
        return 0
    print(_summary(analysis, args.context))
    about = about_text(analysis.text, args.context)
    if is_balanced(analysis):
        print(BALANCED_NOTE)
    # The trap model's leanings are part of what the fit layer was trained to read.
    ranked_list = rank_reframes(analysis, reframes, context=args.context, k=args.count, faint=faint_traps(args.text),
                                fit=shipped_fit_model())
    for number, ranked in enumerate(ranked_list, start=1):
        reframe = ranked.reframe
        print()
        print(f"{number}. {clean(reframe.text, single_line=True)}")
        print(f"   {clean(ranked.because, single_line=True)}")
        for question in questions_for(reframe, about):
            print(f"   ? {clean(question, single_line=True)}")
        print(f"   basis: {clean(ranked.basis, single_line=True)}  [{reframe.id}]")
    return 0


SAFETY_NOTE = (
    "Some of these words sound like you may be thinking about hurting yourself. You deserve support "
    "right now: please contact your local emergency number, a crisis line, or someone you trust."
)
NO_REFRAMES_NOTE = (
    "No reframes are offered for this thought: it is not one to argue with. In the app the record "
    "becomes a safety step (people to reach, a short grounding exercise, your own reasons)."
)
BALANCED_NOTE = "This already sounds balanced; what helped? The reframes below affirm it rather than dispute it."


def _context_arg(value: str) -> Context:
    try:
        return Context(normalise_context(value))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a context; use one of: " + ", ".join(c.value for c in Context)
        ) from None


def _analyse(text: str) -> Analysis:
    """The language pipeline's reading of the thought."""
    try:
        from thoughtwork.nlp import analyse
    except ImportError:
        raise UserError("The thought analyser is not available in this installation.") from None
    return analyse(text)


def _summary(analysis: Analysis, context: Context = Context.other) -> str:
    traps = [f"{trap_name(m.id)} ({m.score:.2f})" for m in analysis.distortions]
    themes = [t.value.replace("_", " ") for t in analysis.themes]
    parts = ["thinking traps: " + (", ".join(traps) if traps else "none found")]
    if themes:
        parts.append("themes: " + ", ".join(themes))
    subjects = about_text(analysis.text, context).subjects
    if subjects:
        parts.append("about: " + ", ".join(subject_name(s) for s in subjects))
    return "; ".join(parts).capitalize()


# --- prompts --------------------------------------------------------------------------------


def cmd_prompts_list(args: argparse.Namespace) -> int:
    prompts = _prompts(args.extra)
    width = max((len(p.id) for p in prompts), default=2)
    for prompt in sorted(prompts, key=lambda p: p.id):
        moments = ", ".join(m.value for m in prompt.moments)
        print(f"{clean(prompt.id, single_line=True):<{width}}  {shorten(prompt.title, 60)}  ({moments})")
    return 0


def cmd_prompts_show(args: argparse.Namespace) -> int:
    prompts = _prompts(args.extra)
    prompt = find_prompt(args.id, prompts)
    if prompt is None:
        raise UserError(f"There is no prompt with the id '{args.id}'; see `thoughtwork prompts list`.")
    print(_describe(prompt))
    return 0


def _describe(prompt: Prompt) -> str:
    lines = [
        clean(prompt.title, single_line=True),
        f"id: {clean(prompt.id, single_line=True)}",
        "when: " + ", ".join(m.value.replace("_", " ") for m in prompt.moments),
        "steps: " + " \u2192 ".join(s.value.replace("_", " ") for s in prompt.steps),
        f"cadence: {clean(prompt.cadence, single_line=True)}",
        "",
        clean(prompt.instructions),
    ]
    if prompt.extra_questions:
        lines += ["", "Questions:"] + [f"  - {clean(q, single_line=True)}" for q in prompt.extra_questions]
    return "\n".join(lines)


def _prompts(extra: list[Path]) -> list[Prompt]:
    return _load(load_prompts, [locations.prompts_directory(), *extra] if extra else None)


def _load(loader: Callable, paths: list[Path] | None) -> list:
    try:
        return loader(paths)
    except ContentError as error:
        raise UserError(f"A content file has a problem: {error}") from None
