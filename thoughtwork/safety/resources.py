"""Crisis lines by region, read from `crisis_resources.toml` shipped in the package."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from thoughtwork.safety.region_names import DEFAULT_REGION, default_region, raw_regions, region_from_locale

__all__ = ["DEFAULT_REGION", "CrisisResource", "Region", "crisis_resources", "default_region",
           "region_from_locale", "region_label", "regions"]


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
    return {code: Region(code=code, **body) for code, body in raw_regions().items()}


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
