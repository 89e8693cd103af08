"""The safety step a thought record becomes when it mentions self-harm or suicide.

No disputing and no reframes: such a thought is not a thinking trap to argue with. Instead the
step offers, in this order, people to reach right now (the crisis lines of the person's region),
a short grounding exercise, and room for the person's own reasons for staying safe and people
they could contact, kept in their encrypted settings for next time. The person can still write.
"""

from __future__ import annotations

TITLE = "Looking after yourself right now"

OPENING = (
    "What you wrote sounds very painful. This is not a thought to argue with or to pick apart, "
    "and you do not have to carry it alone."
)

REACH_NOW = "Reach someone now"
REACH_NOW_TEXT = (
    "If you might act on these thoughts, or you do not feel safe, please contact one of these now, "
    "or go to a place where there are other people."
)

GROUNDING_TITLE = "A minute of grounding"
GROUNDING_STEPS = (
    "Put both feet on the floor and breathe out slowly, longer than you breathe in.",
    "Name five things you can see around you.",
    "Notice four things you can touch: the chair, your clothes, your hands.",
    "Listen for three sounds, near or far.",
    "Find two things you can smell, and one you can taste.",
)

REASONS_LABEL = "My reasons for staying safe, if you would like to write them (one per line)"
PEOPLE_LABEL = "People I could contact, and how (one per line)"
KEPT_NOTE = "What you write here is kept in your journal, encrypted, and shown here again next time."

SUMMARY = (
    "Thank you for writing this down. Thoughts like these can come when things are very hard, "
    "and they deserve care, not argument. Please reach out to someone today: a crisis line, "
    "your doctor, or a person you trust. Crisis support is always in the command palette (ctrl+p)."
)


def lines(text: str) -> list[str]:
    """The non-empty lines of what the person typed."""
    return [line.strip() for line in text.splitlines() if line.strip()]
