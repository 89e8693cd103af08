"""Loading the reviewable pattern files in `thoughtwork/nlp/patterns/` into spaCy Matcher patterns.

Each distortion has one JSON file: `{"distortion", "explanation", "patterns": [...]}`. A pattern is
`{"id", "score", "why", "tokens", ...}` where `tokens` is a list in a small shorthand, so that a
reviewer can read a rule at a glance:

- `"word"` or `"a|b|c"`     the lower-case word is one of these
- `"~lemma"` or `"~a|~b"`   the lemma is one of these (`~think` matches thinks, thought, thinking)
- `"@name"` / `"~@name"`    any word (or lemma) of the lexicon `name` in `lexicons.json`
- `"@name-@other"`          the words of `name` that are not in `other` (`@labels-@emotions`)
- `"!a|b"`                  any one word that is not one of these
- a trailing `?`            the token is optional (`"single?"`)
- `"*N"`                    up to N words that are neither a negation nor a clause break
- `"**N"`                   up to N words of any kind within the sentence
- a dict                    a raw spaCy token pattern of LOWER, LEMMA, IS_SENT_START and OP
                            (lexicon names allowed inside IN/NOT_IN; see `token_regex`)

Optional keys, all checked after the pattern matches a span:

- `negatable` (default true): a negation just before, in the same clause, switches the match off.
- `questions` ("dampen" or "keep"): whether a yes/no question ('Will it hurt?') weakens it.
- `hedges` ("dampen" or "keep"): whether 'maybe', 'might' and the like weaken it.
- `not_after`: words that may not come right before the match.
- `not_before`: words or phrases (or `@lexicon` names) that may not come right after the match,
  nor after words that only strengthen them (@intensifiers: 'because I'm *so* anxious'); the end
  of the text counts as a full stop ('nobody will ever know' reads like 'nobody will ever know.').
- `requires_nearby`: the sentence must also hold one of these (same shorthand as a token).
- `nearby_scope` ("sentence" or "topic"): where `requires_nearby` looks; "topic" when the word
  must be what the match is about: its clause and what follows, up to a condition word ('it
  always hurts', not 'he always makes me tea when I'm tired').
- `unless_nearby`: the sentence may not hold any of these (same shorthand as a token; lexicon
  entries of several words, like 'said sorry', are matched as phrases); for the balanced answer
  that shares the trap's words ('it was my fault, so I rebooked it').
- `qualified_by`: words that, earlier in the same clause, soften the match away like a 'not'
  ('it's *partly* my fault').
- `reported_speech` ("keep" or "skip"): "skip" ignores a match inside what someone said ('he
  told me he finds me attractive' reports his words; it is not a guess at his mind).
- `others_thoughts` ("keep" or "skip"): "skip" ignores a match inside another person's view
  ('she thinks *I'm a terrible friend*': the label is hers, guessed at; that is mind reading).
- `explained_past` ("keep" or "skip"): "skip" ignores a match that opens a past fact given as the
  cause of how things are now ('my mum *never* talked about sex, that's why I'm like this'): a
  past-tense verb follows the match and 'that's why' or the like comes later in the sentence.

A file may hold `defaults`: keys given to each of its patterns unless a pattern sets its own.
- `examples`: thoughts the pattern is meant to catch; the tests check each one.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from thoughtwork.models import DistortionId

PATTERN_DIRECTORY = "patterns"
"""Folder inside `thoughtwork.nlp` that ships the pattern files."""


class PatternError(ValueError):
    """A pattern file is malformed; the message names the file and the pattern."""


@dataclass(frozen=True)
class PatternSpec:
    """One rule: the Matcher tokens plus how its context changes its weight."""

    key: str
    distortion: str
    id: str
    score: float
    why: str
    variants: list[list[dict[str, Any]]]
    """The Matcher patterns of the rule (more than one when a token allows a word or a lemma)."""
    negatable: bool = True
    dampen_questions: bool = True
    dampen_hedges: bool = True
    not_after: frozenset[str] = frozenset()
    not_before: tuple[tuple[str, ...], ...] = ()
    not_before_by_size: tuple[tuple[int, frozenset[tuple[str, ...]]], ...] = ()
    """`not_before` grouped by length, so a match checks one set per length, not every phrase."""
    requires_nearby: list[dict[str, Any]] | None = None
    nearby_in_topic: bool = False
    unless_nearby: list[dict[str, Any]] | None = None
    unless_phrases: tuple[tuple[str, ...], ...] = ()
    qualified_by: frozenset[str] = frozenset()
    skip_reported_speech: bool = False
    skip_others_thoughts: bool = False
    skip_explained_past: bool = False
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class DistortionRules:
    distortion: str
    explanation: str
    patterns: list[PatternSpec] = field(default_factory=list)


def _read_json(name: str) -> Any:
    text = resources.files("thoughtwork.nlp").joinpath(PATTERN_DIRECTORY, name).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def lexicons() -> dict[str, list[str]]:
    """Every shared word list, by name."""
    data = _read_json("lexicons.json")
    return {name: list(entry["words"]) for name, entry in data.items() if not name.startswith("_")}


CONTRACTIONS = {"n't": "nt", "'m": "m", "'ve": "ve", "'s": "s", "'re": "re", "'d": "d", "'ll": "ll"}
"""Typed without an apostrophe ("dont", "im", "ive"), contractions split into these bare forms."""


def _lexicon_words(name: str, lexicon: dict[str, list[str]]) -> list[str]:
    """'@lex' -> its words; '@lex-@other' -> the words of lex that are not in other."""
    kept, *removed = name.split("-@")
    for part in [kept[1:], *removed]:
        if part not in lexicon:
            raise PatternError(f"unknown lexicon '@{part}'")
    dropped = {word for part in removed for word in lexicon[part]}
    return [word for word in lexicon[kept[1:]] if word not in dropped]


def _words(spec: str, lexicon: dict[str, list[str]]) -> list[str]:
    """'a|b|@lex|@lex-@other' -> the words it stands for, each contraction also in its apostrophe-less form."""
    out: list[str] = []
    for part in spec.split("|"):
        if part.startswith("@"):
            out.extend(_lexicon_words(part, lexicon))
        elif part:
            out.append(part)
    bare = [CONTRACTIONS[word] for word in out if word in CONTRACTIONS]
    return list(dict.fromkeys(out + bare))


def _gap(size: int, loose: bool, lexicon: dict[str, list[str]]) -> dict[str, Any]:
    if loose:
        banned = lexicon["sentence_ends"]
    else:
        banned = lexicon["negators"] + lexicon["breakers"]
    return {"LOWER": {"NOT_IN": banned}, "OP": f"{{0,{size}}}"}


def token_pattern(item: Any, lexicon: dict[str, list[str]]) -> dict[str, Any]:
    """One shorthand token (see the module docstring) as a spaCy token pattern."""
    if isinstance(item, dict):
        return _expand_raw(item, lexicon)
    if not isinstance(item, str) or not item:
        raise PatternError(f"a token must be a non-empty string or an object, not {item!r}")
    if item.startswith("**") and item[2:].isdigit():
        return _gap(int(item[2:]), True, lexicon)
    if item.startswith("*") and item[1:].isdigit():
        return _gap(int(item[1:]), False, lexicon)
    optional = len(item) > 1 and item.endswith("?")
    body = item[:-1] if optional else item
    if body.startswith("!"):
        pattern: dict[str, Any] = {"LOWER": {"NOT_IN": _words(body[1:], lexicon)}}
    else:
        lemmas = [p[1:] for p in body.split("|") if p.startswith("~")]
        lowers = [p for p in body.split("|") if not p.startswith("~")]
        lemma_words = _words("|".join(lemmas), lexicon) if lemmas else []
        lower_words = _words("|".join(lowers), lexicon) if lowers else []
        if lemma_words and lower_words:
            raise PatternError(f"{item!r} mixes lemmas and words; use token_alternatives")
        if lemma_words:
            pattern = {"LEMMA": {"IN": lemma_words}}
        else:
            pattern = {"LOWER": {"IN": lower_words}}
    if optional:
        pattern["OP"] = "?"
    return pattern


def token_alternatives(item: Any, lexicon: dict[str, list[str]]) -> list[dict[str, Any]]:
    """A shorthand token as one or more spaCy token patterns: 'a|~b' (a word or a lemma) needs
    two, since one Matcher token cannot test two attributes with OR."""
    if isinstance(item, str) and "~" in item and not item.startswith(("!", "*")):
        optional = len(item) > 1 and item.endswith("?")
        body = item[:-1] if optional else item
        parts = body.split("|")
        lemmas = [p for p in parts if p.startswith("~")]
        words = [p for p in parts if not p.startswith("~")]
        if lemmas and words:
            suffix = "?" if optional else ""
            return [token_pattern("|".join(lemmas) + suffix, lexicon), token_pattern("|".join(words) + suffix, lexicon)]
    return [token_pattern(item, lexicon)]


def _expand_raw(item: dict[str, Any], lexicon: dict[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr, value in item.items():
        if isinstance(value, dict):
            value = {
                op: (_words(v, lexicon) if isinstance(v, str) and op in ("IN", "NOT_IN") else v)
                for op, v in value.items()
            }
        out[attr] = value
    return out


_SPLIT_NOT = {"can't": ("ca", "n't"), "won't": ("wo", "n't"), "shan't": ("sha", "n't")}


def _split_contraction(word: str) -> tuple[str, ...]:
    """A word of a phrase cut the way the tokenizer cuts it: "it's" -> "it" "'s", "didn't" -> "did" "n't"."""
    if word in _SPLIT_NOT:
        return _SPLIT_NOT[word]
    if word.endswith("n't") and len(word) > 3:
        return (word[:-3], "n't")
    head, mark, tail = word.rpartition("'")
    if mark and head and "'" + tail in CONTRACTIONS:
        return (head, "'" + tail)
    return (word,)


def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as token tuples, contractions split as the tokenizer splits them, each also in its
    apostrophe-less form ("i'm tired" matches "I'm tired" and "im tired")."""
    out: list[tuple[str, ...]] = []
    for text in items:
        words = tuple(part for word in text.lower().split() for part in _split_contraction(word))
        out.append(words)
        out.append(tuple(CONTRACTIONS.get(word, word) for word in words))
    return tuple(dict.fromkeys(out))


def _phrase_items(items: list[str], lexicon: dict[str, list[str]]) -> list[str]:
    """`not_before` items with each `@lexicon` name replaced by its entries."""
    out: list[str] = []
    for item in items:
        out.extend(_words(item, lexicon) if item.startswith("@") else [item])
    return out


def _multiword(spec: str | None, lexicon: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    """The entries of several words in a shorthand word list, as phrases ('said sorry')."""
    if not spec:
        return ()
    return phrases([word for word in _words(spec.replace("~", ""), lexicon) if " " in word])


def _by_size(cut: tuple[tuple[str, ...], ...]) -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    sizes = sorted({len(phrase) for phrase in cut})
    return tuple((size, frozenset(phrase for phrase in cut if len(phrase) == size)) for size in sizes)


def _choice(raw: dict[str, Any], key: str, allowed: tuple[str, str]) -> str:
    value = raw.get(key, allowed[0])
    if value not in allowed:
        raise PatternError(f"{key} must be one of {allowed}, not {value!r}")
    return value


def _spec(distortion: str, raw: dict[str, Any], lexicon: dict[str, list[str]]) -> PatternSpec:
    try:
        pid = raw["id"]
        score = float(raw["score"])
        variants = [list(v) for v in itertools.product(*(token_alternatives(t, lexicon) for t in raw["tokens"]))]
        why = raw["why"]
    except (KeyError, TypeError, PatternError) as error:
        raise PatternError(f"{distortion}.json: pattern {raw.get('id', '?')!r} is malformed ({error})") from error
    if not 0.0 < score <= 1.0:
        raise PatternError(f"{distortion}.json: pattern {pid!r} needs a score between 0 and 1")
    if not why.strip():
        raise PatternError(f"{distortion}.json: pattern {pid!r} needs a 'why'")
    nearby = raw.get("requires_nearby")
    unless = raw.get("unless_nearby")
    not_after: set[str] = set()
    for word in raw.get("not_after", []):
        not_after.update(_words(word, lexicon))
    try:
        nearby_scope = _choice(raw, "nearby_scope", ("sentence", "topic"))
        reported = _choice(raw, "reported_speech", ("keep", "skip"))
        others_thoughts = _choice(raw, "others_thoughts", ("keep", "skip"))
        explained_past = _choice(raw, "explained_past", ("keep", "skip"))
        qualified_by = frozenset(_words(raw["qualified_by"], lexicon)) if raw.get("qualified_by") else frozenset()
    except PatternError as error:
        raise PatternError(f"{distortion}.json: pattern {pid!r} is malformed ({error})") from error
    not_before = phrases(_phrase_items(raw.get("not_before", []), lexicon))
    return PatternSpec(
        key=f"{distortion}:{pid}",
        distortion=distortion,
        id=pid,
        score=score,
        why=why,
        variants=variants,
        negatable=bool(raw.get("negatable", True)),
        dampen_questions=raw.get("questions", "dampen") != "keep",
        dampen_hedges=raw.get("hedges", "dampen") != "keep",
        not_after=frozenset(not_after),
        not_before=not_before,
        not_before_by_size=_by_size(not_before),
        requires_nearby=token_alternatives(nearby, lexicon) if nearby else None,
        nearby_in_topic=nearby_scope == "topic",
        unless_nearby=token_alternatives(unless, lexicon) if unless else None,
        unless_phrases=_multiword(unless, lexicon),
        qualified_by=qualified_by,
        skip_reported_speech=reported == "skip",
        skip_others_thoughts=others_thoughts == "skip",
        skip_explained_past=explained_past == "skip",
        examples=tuple(raw.get("examples", [])),
    )


@lru_cache(maxsize=1)
def distortion_rules() -> dict[str, DistortionRules]:
    """The rules of every distortion, read from its pattern file."""
    lexicon = lexicons()
    rules: dict[str, DistortionRules] = {}
    for distortion in DistortionId:
        name = distortion.value
        data = _read_json(f"{name}.json")
        if data.get("distortion") != name:
            raise PatternError(f"{name}.json names the distortion {data.get('distortion')!r}")
        defaults = data.get("defaults", {})
        specs = [_spec(name, {**defaults, **raw}, lexicon) for raw in data["patterns"]]
        seen = set()
        for spec in specs:
            if spec.id in seen:
                raise PatternError(f"{name}.json: the pattern id {spec.id!r} is used twice")
            seen.add(spec.id)
        rules[name] = DistortionRules(name, data["explanation"], specs)
    return rules


@lru_cache(maxsize=1)
def theme_lexicon() -> dict[str, dict[str, list[str]]]:
    """Words and phrases per theme."""
    data = _read_json("themes.json")["themes"]
    return {name: {"words": entry["words"], "phrases": entry.get("phrases", [])} for name, entry in data.items()}
