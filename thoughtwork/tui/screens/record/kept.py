"""A thought that already sounded balanced: affirmed rather than disputed, and, kept as it was,
one thought that is shown and rated once (on the rating step, the summary and the record page)."""

from __future__ import annotations

from thoughtwork.models import Analysis, ThoughtRecord


def kept_as_it_was(record: ThoughtRecord) -> bool:
    """Whether the balanced thought is the first thought's own words (case and spacing aside):
    then there is one thought, and its belief before and now is one change, not two lines."""
    balanced = record.balanced_thought.casefold().split()
    return bool(balanced) and balanced == record.automatic_thought.casefold().split()


def sounds_balanced(record: ThoughtRecord, *, mentions_self_harm: bool = False) -> bool:
    """Whether the first thought, with the traps the person kept, already sounds balanced: then
    the evidence step asked what helped, and the record page says so rather than "evidence against"."""
    from thoughtwork.content.balance import is_balanced, loaded_balance

    analysis = Analysis(text=record.automatic_thought, distortions=record.accepted_distortions(),
                        themes=record.themes, mentions_self_harm=mentions_self_harm)
    return is_balanced(analysis, loaded_balance(record.automatic_thought))
