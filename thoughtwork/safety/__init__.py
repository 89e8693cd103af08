"""Safety: noticing when a thought mentions self-harm or suicide, and the crisis lines to offer.

Both are deliberately simple and local: a phrase list with a small learned reader beside it
(numpy only), erring towards offering help (a gentle, dismissable screen costs little), and a
data file of helplines, each with its source.
"""

from thoughtwork.safety.detection import concerning, mentions_self_harm
from thoughtwork.safety.resources import (
    DEFAULT_REGION,
    CrisisResource,
    Region,
    crisis_resources,
    default_region,
    region_from_locale,
    region_label,
    regions,
)

__all__ = [
    "DEFAULT_REGION",
    "CrisisResource",
    "Region",
    "concerning",
    "crisis_resources",
    "default_region",
    "region_from_locale",
    "mentions_self_harm",
    "region_label",
    "regions",
]
