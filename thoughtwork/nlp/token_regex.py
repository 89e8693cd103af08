"""spaCy Matcher token patterns, run as regular expressions over a doc's words and lemmas.

The rules stay spaCy Matcher patterns (reviewable data in `patterns/`), and spaCy's own Matcher
is the reference the tests hold this to: the same (rule, start, end) triples for every doc. It
is faster because a thought's words become one short string, `flags FLAGS word SEP lemma END`
per token, and Python's regular-expression engine (written in C) runs each rule over it, where
spaCy's Matcher spends its time in per-token Python-level bookkeeping. A big word list (the
`@others` lexicon has 144 words) is one flag character on each token that is in it, tested
with a lookahead, rather than an alternation repeated in every rule that uses it. Only the
rules whose required words all occur in the doc run at all, and each is compiled the first time
it could match (or all at once with `RegexMatcher.compile_all`), so loading stays quick.

The patterns may use what the rule files use: `LOWER` and `LEMMA` (a word, or `IN` / `NOT_IN`
a list), `IS_SENT_START` (in a blank pipeline, the first token) and the operators `?`, `*`,
`+`, `!` and `{n,m}`. Anything else is refused at load with the rule's name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import accumulate
from typing import Any, NamedTuple

FLAGS = "\x1d"
"""After a token's flags: one character for each big word list its word or lemma is in."""
SEP = "\x1f"
"""Between a token's lower-case form and its lemma."""
END = "\x1e"
"""After every token. No mark can be in a word: they are replaced if a caller's text has them."""

_ANY_FLAGS = f"[^{FLAGS}]*{FLAGS}"
_ANY_WORD = f"[^{SEP}{END}]*"
_ANY_LEMMA = f"[^{END}]*"
_ANY_TOKEN = f"{_ANY_FLAGS}{_ANY_WORD}{SEP}{_ANY_LEMMA}{END}"
_MARKS = str.maketrans({FLAGS: "\ufffd", SEP: "\ufffd", END: "\ufffd"})
BIG_LIST = 12
"""A word list this long is a flag on each token rather than an alternation in every rule that
uses it: the rules' regexes shrink (compiling all of them at load took 0.28 s) and run faster."""
_FIRST_FLAG = 0xE000  # Unicode's private use area: never a mark of its own in the flags
_BOUNDED = re.compile(r"\{(\d*),(\d*)\}|\{(\d+)\}")

SUPPORTED = {"LOWER", "LEMMA", "IS_SENT_START", "OP"}


class PatternNotSupported(ValueError):
    """A token pattern uses an attribute or operator this engine does not run."""


def _alternatives(values: Iterable[str]) -> str:
    words = sorted(set(values), key=lambda word: (-len(word), word))
    if not words:
        return "(?!)"  # an empty IN list matches nothing
    return "(?:" + "|".join(re.escape(word) for word in words) + ")"


def _value(value: Any, stop: str, anything: str) -> str:
    """The regex for one attribute test (`LOWER` or `LEMMA`), ending before `stop`."""
    if isinstance(value, str):
        return re.escape(value)
    if isinstance(value, dict) and len(value) == 1:
        (op, words), = value.items()
        if op == "IN":
            return _alternatives(words)
        if op == "NOT_IN":
            return f"(?!{_alternatives(words)}{stop}){anything}" if words else anything
    raise PatternNotSupported(f"only a word, IN or NOT_IN can be tested, not {value!r}")


def _repeat(op: str) -> tuple[int, int | None]:
    """(fewest, most) repeats of a token for a Matcher operator (None: no limit)."""
    if op in ("", "1"):
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, None
    if op == "+":
        return 1, None
    bounded = _BOUNDED.fullmatch(op)
    if bounded is None:
        raise PatternNotSupported(f"the operator {op!r} is not supported")
    low, high, exact = bounded.groups()
    if exact is not None:
        return int(exact), int(exact)
    return int(low or 0), (int(high) if high else None)


class WordClasses:
    """The big word lists of a set of patterns, each one flag character; a token carries the flags
    of the lists its word (LOWER) or its lemma (LEMMA) is in."""

    def __init__(self, patterns: Iterable[list[dict[str, Any]]] = ()) -> None:
        self.flag: dict[tuple[str, frozenset[str]], str] = {}
        self.word_flags: dict[str, str] = defaultdict(str)
        self.lemma_flags: dict[str, str] = defaultdict(str)
        for tokens in patterns:
            for token in tokens:
                for attr in ("LOWER", "LEMMA"):
                    value = token.get(attr)
                    if isinstance(value, dict) and len(value) == 1:
                        ((_op, words),) = value.items()
                        if isinstance(words, list) and len(set(words)) >= BIG_LIST:
                            self._add(attr, frozenset(words))
        self.word_flags = dict(self.word_flags)
        self.lemma_flags = dict(self.lemma_flags)

    def _add(self, attr: str, words: frozenset[str]) -> None:
        if (attr, words) in self.flag:
            return
        flag = self.flag[attr, words] = chr(_FIRST_FLAG + len(self.flag))
        index = self.word_flags if attr == "LOWER" else self.lemma_flags
        for word in words:
            index[word] += flag

    def of(self, attr: str, value: Any) -> str | None:
        """The flag standing for this attribute test's word list, if it is a big one."""
        if isinstance(value, dict) and len(value) == 1:
            ((_op, words),) = value.items()
            if isinstance(words, list):
                return self.flag.get((attr, frozenset(words)))
        return None

    def flags(self, word: str, lemma: str) -> str:
        return self.word_flags.get(word, "") + self.lemma_flags.get(lemma, "")


_NO_CLASSES = WordClasses()


def token_regex(token: dict[str, Any], classes: WordClasses = _NO_CLASSES) -> tuple[str, int, int | None]:
    """One token pattern as a regex, with the fewest and most tokens it takes."""
    unknown = set(token) - SUPPORTED
    if unknown:
        raise PatternNotSupported(f"the attributes {sorted(unknown)} are not supported (only LOWER, LEMMA, IS_SENT_START)")
    tests = []  # lookaheads on the token's flags, for the big word lists
    parts = {"LOWER": _ANY_WORD, "LEMMA": _ANY_LEMMA}
    for attr, stop in (("LOWER", SEP), ("LEMMA", END)):
        if attr not in token:
            continue
        flag = classes.of(attr, token[attr])
        if flag is None:
            parts[attr] = _value(token[attr], stop, parts[attr])
        elif "IN" in token[attr]:
            tests.append(f"(?=[^{FLAGS}]*{flag})")
        else:
            tests.append(f"(?![^{FLAGS}]*{flag})")
    body = f"{''.join(tests)}{_ANY_FLAGS}{parts['LOWER']}{SEP}{parts['LEMMA']}{END}"
    if "IS_SENT_START" in token:
        # A blank pipeline marks only the first token as a sentence start.
        body = (r"\A" if token["IS_SENT_START"] else r"(?!\A)") + body
        body = f"(?:{body})"
    op = str(token.get("OP", ""))
    if op == "!":
        return f"(?!{body}){_ANY_TOKEN}", 1, 1
    low, high = _repeat(op)
    if (low, high) == (1, 1):
        return body, 1, 1
    return f"(?:{body}){{{low},{'' if high is None else high}}}", low, high


class CompiledPattern(NamedTuple):
    key: str
    regex: re.Pattern[str]
    """Searched for where matches start; then tells whether tokens start..end are a match (fullmatch)."""
    fewest: int
    most: int | None
    first: tuple[bool, frozenset[str]] | None
    """The words (or lemmas, if True) the first token must be, when it must be there."""


def compile_pattern(key: str, tokens: list[dict[str, Any]], classes: WordClasses = _NO_CLASSES) -> CompiledPattern:
    """A Matcher pattern (a list of token patterns) as the regex that finds its matches."""
    return _compiled(key, tokens, _token_regexes(key, tokens, classes))


def _compiled(key: str, tokens: list[dict[str, Any]], parts: list[tuple[str, int, int | None]]) -> CompiledPattern:
    body = "".join(regex for regex, _low, _high in parts)
    fewest = sum(low for _regex, low, _high in parts)
    most = None if any(high is None for _r, _l, high in parts) else sum(high for _r, _l, high in parts)
    first = _required_words(tokens[0]) if tokens else None
    return CompiledPattern(key, re.compile(body, re.DOTALL), fewest, most, first)


def _token_regexes(key: str, tokens: list[dict[str, Any]], classes: WordClasses = _NO_CLASSES) -> list[tuple[str, int, int | None]]:
    try:
        return [token_regex(token, classes) for token in tokens]
    except PatternNotSupported as error:
        raise PatternNotSupported(f"{key}: {error}") from None


def encode(lower: list[str], lemma: list[str], classes: WordClasses = _NO_CLASSES) -> tuple[str, list[int], dict[int, int]]:
    """A doc's tokens as one string, the offset where each token starts (plus the end), and the
    token index at each of those offsets."""
    flags = classes.flags
    parts = [f"{flags(word, base)}{FLAGS}{word}{SEP}{base}{END}" for word, base in zip(lower, lemma)]
    text = "".join(parts)
    if text.count(END) != len(parts) or text.count(SEP) != len(parts) or text.count(FLAGS) != len(parts):
        parts = [
            f"{flags(word, base)}{FLAGS}{word.translate(_MARKS)}{SEP}{base.translate(_MARKS)}{END}"
            for word, base in zip(lower, lemma)
        ]
        text = "".join(parts)
    offsets = [0, *accumulate(map(len, parts))]
    return text, offsets, dict(zip(offsets, range(len(offsets))))


def find(
    pattern: CompiledPattern, text: str, offsets: list[int], index: dict[int, int], forms: tuple[list[str], list[str]]
) -> list[tuple[int, int]]:
    """Every (start, end) token span the pattern matches, as spaCy's Matcher returns them: all ends
    for each start, not only the longest."""
    found = []
    size = len(offsets) - 1
    match, whole = pattern.regex.match, pattern.regex.fullmatch
    for start in _starts(pattern, text, forms, index):
        if match(text, offsets[start]) is None:
            continue
        most = size if pattern.most is None else min(size, start + pattern.most)
        for end in range(start + pattern.fewest, most + 1):
            if whole(text, offsets[start], offsets[end]):
                found.append((start, end))
    return found


def _starts(pattern: CompiledPattern, text: str, forms: tuple[list[str], list[str]], index: dict[int, int]) -> list[int]:
    """The tokens where a match of the pattern might start."""
    if pattern.first is not None:
        # Most rules open with a word they need: only the tokens that are one of its words.
        by_lemma, words = pattern.first
        return [i for i, word in enumerate(forms[by_lemma]) if word in words]
    # Otherwise search() finds each place a match starts; trying again one character on finds
    # the next. A "start" inside a word ('i' in 'hi') is not a token start and is dropped.
    starts = []
    at = 0
    while (found := pattern.regex.search(text, at)) is not None:
        at = found.start() + 1
        if (start := index.get(at - 1)) is not None:
            starts.append(start)
    return starts


class RegexMatcher:
    """Runs many Matcher patterns over a doc's words and lemmas; only those whose required words
    all occur in the doc are tried.

    Every distinct word set a pattern requires (a non-optional token's words, by word or by
    lemma) is one bit; a doc's words light the bits of the sets they meet, and a pattern runs
    only if all its bits are lit. Each pattern is filed under its rarest set, so for a doc only
    the patterns filed under one of its words are looked at at all: a few hundred rules, about
    two run per thought.
    """

    def __init__(self, patterns: dict[str, list[list[dict[str, Any]]]], common_words: frozenset[str] = frozenset()) -> None:
        self._sources: list[tuple[str, list[dict[str, Any]], list[tuple[str, int, int | None]]]] = []
        """Each pattern's key, tokens and token regexes (made at load, which also refuses what
        cannot run; compiled into one regex the first time a doc needs it)."""
        self._compiled: dict[int, CompiledPattern] = {}
        self.classes = WordClasses(tokens for variants in patterns.values() for tokens in variants)
        self.always: list[int] = []
        bits: dict[tuple[bool, frozenset[str]], int] = {}
        self.word_bits: dict[str, int] = defaultdict(int)
        self.lemma_bits: dict[str, int] = defaultdict(int)
        filed: dict[tuple[bool, str], dict[int, list[int]]] = defaultdict(dict)
        for key, variants in patterns.items():
            for tokens in variants:
                number = len(self._sources)
                self._sources.append((key, tokens, _token_regexes(key, tokens, self.classes)))
                needed = required(tokens)
                if not needed:
                    self.always.append(number)
                    continue
                mask = 0
                for need in needed:
                    mask |= self._bit(need, bits)
                by_lemma, words = min(needed, key=lambda need: _rarity(need, common_words))
                for word in words:
                    filed[by_lemma, word].setdefault(mask, []).append(number)
        # Per anchor word: (the bits a pattern needs, the patterns needing just those).
        self.by_word: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
        self.by_lemma: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
        for (by_lemma, word), groups in filed.items():
            index = self.by_lemma if by_lemma else self.by_word
            index[word] = [(mask, tuple(numbers)) for mask, numbers in groups.items()]
        self.word_bits = dict(self.word_bits)
        self.lemma_bits = dict(self.lemma_bits)
        self.needed_words = frozenset(self.word_bits)
        self.needed_lemmas = frozenset(self.lemma_bits)

    def _bit(self, need: tuple[bool, frozenset[str]], bits: dict[tuple[bool, frozenset[str]], int]) -> int:
        if need not in bits:
            bits[need] = 1 << len(bits)
            by_lemma, words = need
            for word in words:
                (self.lemma_bits if by_lemma else self.word_bits)[word] |= bits[need]
        return bits[need]

    def compile_all(self) -> None:
        """Compile every pattern now rather than when a doc first needs it (about 0.1 s)."""
        for number in range(len(self._sources)):
            self._pattern(number)

    def _pattern(self, number: int) -> CompiledPattern:
        compiled = self._compiled.get(number)
        if compiled is None:
            compiled = self._compiled[number] = _compiled(*self._sources[number])
        return compiled

    def candidates(self, lower: list[str], lemma: list[str]) -> list[int]:
        """The patterns whose needed words all occur in the doc, in load order."""
        present = 0
        words = self.needed_words.intersection(lower)
        lemmas = self.needed_lemmas.intersection(lemma)
        for word in words:
            present |= self.word_bits[word]
        for word in lemmas:
            present |= self.lemma_bits[word]
        chosen = set(self.always)
        for index, anchors in ((self.by_word, words), (self.by_lemma, lemmas)):
            for anchor in anchors:
                for mask, numbers in index.get(anchor, ()):
                    if present & mask == mask:
                        chosen.update(numbers)
        return sorted(chosen)

    def __call__(self, lower: list[str], lemma: list[str]) -> list[tuple[str, int, int]]:
        """Every (rule key, start, end) match in the doc, ordered by start, end and key."""
        chosen = self.candidates(lower, lemma)
        if not chosen:
            return []
        text, offsets, index = encode(lower, lemma, self.classes)
        matches: set[tuple[str, int, int]] = set()
        for number in chosen:
            pattern = self._pattern(number)
            for start, end in find(pattern, text, offsets, index, (lower, lemma)):
                matches.add((pattern.key, start, end))
        return sorted(matches, key=lambda match: (match[1], match[2], match[0]))


def _required_words(token: dict[str, Any]) -> tuple[bool, frozenset[str]] | None:
    """(by lemma?, the words) a token must be one of, or None if it may be absent or is not a plain word test."""
    op = str(token.get("OP", ""))
    if op == "!" or _repeat(op)[0] == 0:
        return None
    for attr in ("LEMMA", "LOWER"):
        value = token.get(attr)
        if isinstance(value, str):
            return attr == "LEMMA", frozenset([value])
        if isinstance(value, dict) and set(value) == {"IN"}:
            return attr == "LEMMA", frozenset(value["IN"])
    return None


def required(tokens: list[dict[str, Any]]) -> list[tuple[bool, frozenset[str]]]:
    """Every word set a pattern cannot match without."""
    return [need for need in map(_required_words, tokens) if need is not None]


def _rarity(need: tuple[bool, frozenset[str]], common_words: frozenset[str]) -> int:
    """How often a needed word set is likely met: its size, and far more if it holds a common word."""
    _by_lemma, words = need
    return len(words) + 1000 * len(words & common_words)
