"""Loading and ranking the reframe and homework-prompt libraries (the TOML files in reframes/ and prompts/)."""

from thoughtwork.content.problems import ContentError, Problem
from thoughtwork.content.prompts import find_prompt, lint_prompts, load_prompts
from thoughtwork.content.ranking import rank_reframes
from thoughtwork.content.reframes import lint_reframes, load_reframes

__all__ = [
    "ContentError",
    "Problem",
    "find_prompt",
    "lint_prompts",
    "lint_reframes",
    "load_prompts",
    "load_reframes",
    "rank_reframes",
]
