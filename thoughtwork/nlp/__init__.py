"""Finding thinking traps (cognitive distortions) and themes in a thought, with spaCy rules.

    from thoughtwork.nlp import analyse, analyse_many, load_pipeline
    analyse("It hurt last time, so it will hurt every time.")  # -> thoughtwork.models.Analysis

The names are loaded on first use, so importing this package does not import spaCy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyse", "analyse_many", "balanced_probability", "is_loaded", "load_pipeline", "model_probabilities"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from thoughtwork.nlp import pipeline as module

        return getattr(module, name)
    raise AttributeError(f"module 'thoughtwork.nlp' has no attribute {name!r}")
