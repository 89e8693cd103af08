"""The homework prompt library: TOML files of `[[prompt]]` tables, validated into `models.Prompt`.

Therapists write their own prompt files in the same format and pass them to the loader
(or to `thoughtwork prompts lint|list --from PATH`).
"""

from __future__ import annotations

from thoughtwork import locations
from thoughtwork.content import library
from thoughtwork.content.problems import Problem
from thoughtwork.content.tomlfiles import Block
from thoughtwork.models import Prompt

KIND = "prompt"


def load_prompts(paths: library.Paths = None) -> list[Prompt]:
    """The prompts in the given files or folders (default: the shipped library).

    Raises ContentError, one line 'file:line: problem', at the first problem.
    """
    return library.load(library.as_path_list(paths, locations.prompts_directory()), KIND, Prompt, _check)


def lint_prompts(paths: library.Paths = None) -> list[Problem]:
    """Every problem in the given prompt files or folders, each with its file and line."""
    return library.lint(library.as_path_list(paths, locations.prompts_directory()), KIND, Prompt, _check,
                        builtin=locations.prompts_directory())


def find_prompt(prompt_id: str, prompts: list[Prompt]) -> Prompt | None:
    """The prompt with this id, or None."""
    return next((p for p in prompts if p.id == prompt_id), None)


def _check(prompt: Prompt, block: Block) -> list[Problem]:
    """House rules beyond the schema: a step list without repeats, questions that are questions."""
    where = f"prompt '{prompt.id}'"
    problems = []
    if len(set(prompt.steps)) != len(prompt.steps):
        problems.append(Problem(block.file, block.line_of("steps"), f"{where}: a step is listed twice"))
    for question in prompt.extra_questions:
        if not question.rstrip().endswith("?"):
            problems.append(Problem(block.file, block.line_of("extra_questions"),
                                    f"{where}: each extra question should end with a question mark: '{question[:40]}'"))
    return problems
