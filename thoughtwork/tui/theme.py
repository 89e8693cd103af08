"""The app's two looks: a calm default and a high-contrast theme.

Settings.theme stores one of THEME_NAMES; NO_COLOR is honoured by Textual itself.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

CALM = Theme(
    name="calm",
    primary="#7fb3a6",
    secondary="#a89cc8",
    accent="#e0b27a",
    foreground="#e6e2da",
    background="#1f2326",
    surface="#272c30",
    panel="#30363b",
    success="#8cc084",
    warning="#e0b27a",
    error="#e08a8a",
    dark=True,
)
"""Soft greens and lavender on a dark, warm grey: easy on tired eyes."""

HIGH_CONTRAST = Theme(
    name="high_contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffffff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    success="#00ff00",
    warning="#ffff00",
    error="#ff6060",
    dark=True,
    luminosity_spread=0.3,
    variables={
        # Textual draws unfocused inputs and dropdowns with a border in the surface colour:
        # black on black here, so fields vanished until focused. Grey borders show every field;
        # focus stays yellow.
        "border-blurred": "#b3b3b3",
        "text-muted": "#d9d9d9",
        "text-disabled": "#b3b3b3",
        "boost": "#ffffff26",
        "block-cursor-blurred-background": "#4d4d00",
    },
)
"""Pure black and white with bright accents, for low vision or bright rooms."""

THEMES = {theme.name: theme for theme in (CALM, HIGH_CONTRAST)}
THEME_NAMES = tuple(THEMES)
THEME_LABELS = {"calm": "Calm", "high_contrast": "High contrast"}


def register_themes(app: App) -> None:
    """Make both themes available to the app (and to its theme picker)."""
    for theme in THEMES.values():
        app.register_theme(theme)


def apply_theme(app: App, name: str) -> None:
    """Switch to a named theme; unknown names fall back to calm rather than failing."""
    app.theme = name if name in THEMES else CALM.name
