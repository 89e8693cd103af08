"""Safety: noticing when a thought mentions self-harm or suicide, and the crisis lines to offer.

Both are deliberately simple and local: a phrase list with a small learned reader beside it
(numpy only), erring towards offering help (a gentle, dismissable screen costs little), and a
data file of helplines, each with its source.

Names are imported when first asked for: the welcome screen lists regions on its first frame,
and importing the reader (numpy) and the validated lines (pydantic) first held that frame back
by about half a second.
"""

from importlib import import_module

_HOMES = {
    "concerning": "detection",
    "mentions_self_harm": "detection",
    "DEFAULT_REGION": "region_names",
    "default_region": "region_names",
    "region_from_locale": "region_names",
    "CrisisResource": "resources",
    "Region": "resources",
    "crisis_resources": "resources",
    "region_label": "resources",
    "regions": "resources",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'thoughtwork.safety' has no attribute {name!r}")
    value = getattr(import_module(f"thoughtwork.safety.{home}"), name)
    globals()[name] = value
    return value
