"""Crisis lines by region, read from `crisis_resources.toml` shipped in the package."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from thoughtwork.locations import package_data

DEFAULT_REGION = "international"
"""The region shown when none is chosen or the chosen one is unknown."""


class CrisisResource(BaseModel):
    """One place a person can turn to right now."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    contact: str = Field(min_length=1)
    """How to reach it: a number to call or text, or a website."""
    hours: str = ""
    url: str = Field(pattern=r"^https://")
    source: str = Field(min_length=1)
    """Where the organisation publishes this contact, so it can be checked."""


class Region(BaseModel):
    """A region's crisis lines, in the order to show them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    label: str
    resources: list[CrisisResource] = Field(min_length=1)


@lru_cache(maxsize=1)
def _load() -> dict[str, Region]:
    raw = tomllib.loads(package_data("safety", "crisis_resources.toml").read_text(encoding="utf-8"))
    return {code: Region(code=code, **body) for code, body in raw["regions"].items()}


def regions() -> list[Region]:
    """Every region with crisis lines, the international list first."""
    loaded = _load()
    return [loaded[DEFAULT_REGION]] + [r for code, r in loaded.items() if code != DEFAULT_REGION]


def region_label(code: str) -> str:
    """The name a person reads for a region code; unknown codes read as the international list."""
    loaded = _load()
    return loaded.get((code or "").lower(), loaded[DEFAULT_REGION]).label


def crisis_resources(region: str = DEFAULT_REGION) -> list[CrisisResource]:
    """The crisis lines for a region ('uk', 'us', ...); the international list for unknown regions."""
    loaded = _load()
    chosen = loaded.get((region or "").strip().lower(), loaded[DEFAULT_REGION])
    return list(chosen.resources)


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
    import os

    env = os.environ if environ is None else environ
    chosen = env.get("THOUGHTWORK_REGION", "").strip().lower()
    if chosen in _load():
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return region_from_locale(value)
    return DEFAULT_REGION
