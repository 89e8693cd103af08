"""The regions that have crisis lines, by code and name, and the one to suggest from the locale.

Read with tomllib alone (no pydantic, no model): the welcome screen lists the regions on its
first frame, which should not wait for the validated crisis lines or the self-harm reader.
`resources` validates the whole file when the lines themselves are shown.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache

from thoughtwork.locations import package_data

DEFAULT_REGION = "international"
"""The region shown when none is chosen or the chosen one is unknown."""


@lru_cache(maxsize=1)
def raw_regions() -> dict[str, dict]:
    """The crisis-lines file's regions as written, by code (validated in `resources`)."""
    return tomllib.loads(package_data("safety", "crisis_resources.toml").read_text(encoding="utf-8"))["regions"]


def region_choices() -> list[tuple[str, str]]:
    """(name, code) of every region with crisis lines, the international list first."""
    raw = raw_regions()
    first = [(str(raw[DEFAULT_REGION]["label"]), DEFAULT_REGION)]
    return first + [(str(body["label"]), code) for code, body in raw.items() if code != DEFAULT_REGION]


_TERRITORIES = {"gb": "uk", "uk": "uk", "ie": "ie", "us": "us", "ca": "ca", "au": "au", "nz": "nz",
                "de": "de", "nl": "nl", "fr": "fr"}
"""A locale's territory (en_GB, fr_FR) -> the region whose crisis lines fit it."""
_LANGUAGES = {"de": "de", "nl": "nl", "fr": "fr"}
"""A language alone (LANG=de) says where a person most likely is when the territory is missing."""


def region_from_locale(locale_name: str | None) -> str:
    """The region a locale name points to: 'en_GB.UTF-8' -> 'uk'; the international list when unsure."""
    if not locale_name:
        return DEFAULT_REGION
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_").lower()
    language, _, territory = base.partition("_")
    if territory in _TERRITORIES:
        return _TERRITORIES[territory]
    if not territory and language in _LANGUAGES:
        return _LANGUAGES[language]
    return DEFAULT_REGION


def default_region(environ: dict[str, str] | None = None) -> str:
    """The region to suggest: THOUGHTWORK_REGION when it names a known one, else the person's
    locale settings (LC_ALL, LC_MESSAGES, LANG), else the international list."""
    env = os.environ if environ is None else environ
    chosen = env.get("THOUGHTWORK_REGION", "").strip().lower()
    if chosen in raw_regions():
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return region_from_locale(value)
    return DEFAULT_REGION
