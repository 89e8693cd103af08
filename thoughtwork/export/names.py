"""Finding names, places and organisations without a language model.

Each word is judged with the shipped lists: a capitalised word that is not common English
vocabulary is suspect (it is probably a name); a capitalised word that is also a name
("Will", "Grace", "Brown") is a name mid-sentence but usually not at the start of one; a
lowercase word is a name only when it is a known name and not an everyday word ("sarah"
but not "hope"). Runs of capitalised words ending in "Hospital" or "Street" become one
organisation or address. The person's own list of names is always redacted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from thoughtwork.export.gazetteer import Gazetteer
from thoughtwork.export.patterns import MARKS as _MARKS
from thoughtwork.export.patterns import Span

# A run of letters (with inner apostrophes, hyphens, dots), not glued to digits: "B12" is no word.
WORD = re.compile(r"(?<![\w])[^\W\d_]+(?:['\u2019\-.&][^\W\d_]+)*['\u2019]?(?!\w)", re.UNICODE)


_HAS_MARK = re.compile(f"[{_MARKS}]").search
# The same words with their marks, for text that has any.
MARKED_WORD = re.compile(
    rf"(?<![\w{_MARKS}])(?:[^\W\d_]|[{_MARKS}])+(?:['\u2019\-.&](?:[^\W\d_]|[{_MARKS}])+)*['\u2019]?(?![\w{_MARKS}])"
)


def words_of(text: str) -> Iterator[re.Match[str]]:
    """The words of `text`, a word's combining marks inside it."""
    if text.isascii() or not _HAS_MARK(text):
        return WORD.finditer(text)
    return MARKED_WORD.finditer(text)
_CONTRACTIONS = ("n't", "'s", "'m", "'re", "'ve", "'ll", "'d", "s'")
_HONORIFICS = {
    "dr", "dr.", "doctor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "prof", "prof.",
    "professor", "nurse", "sister", "auntie", "aunty", "aunt", "uncle", "nan", "nana", "grandma", "grandad",
    "grandpa", "cousin", "pastor", "rabbi", "imam", "father", "reverend", "rev", "sir", "lady", "lord", "coach",
    "midwife", "dame", "frau", "herr", "mme", "madame", "monsieur", "mlle", "senora", "se\u00f1ora", "senor",
    "se\u00f1or", "sra", "sr", "signora", "signor", "sig", "dona", "bibi", "hajia", "alhaji", "chief",
}
# Verbs that, right after a word-name at the start of a sentence, show it is a person:
# "Will said" is someone; "Will I ever" and "Hope is a strange thing" are not.
_PERSON_VERBS = {
    "said", "says", "told", "tells", "asked", "asks", "thinks", "texted", "called", "rang", "phoned", "messaged",
    "laughed", "smiled", "kissed", "hugged", "replied", "knows", "noticed", "helped", "held", "suggested",
    "reminded", "cuddled", "cried", "shouted", "promised", "explained", "agreed", "and",
    "sat", "stayed", "brought", "sent", "gave", "wrote", "drove", "showed", "invited", "offered", "visited",
    "listened", "apologised", "apologized", "cooked", "picked", "waved", "winked", "nodded", "sighed", "hugs",
    "texts", "messages", "wants", "reckons", "reckoned", "knew", "insisted", "admitted", "joked", "whispered",
    "snapped", "phoned", "emailed", "shared", "posted", "recommended", "commented", "booked", "lent", "organised",
    "organized", "hosted",
}
# Verbs that are someone's when a person is their object: "Joy took me to the clinic", "Patience
# met us there", "Ivy walked me to the bus", "Charity collected her". A feeling keeps, carries,
# gets or makes a person ("Hope kept me going", "Faith carried me through", "Fear made me cry"):
# those are not here.
_AGENT_VERBS = frozenset({
    "took", "takes", "met", "meets", "walked", "walks", "collected", "collects", "fetched", "fetches", "dropped",
    "bought", "buys", "paid", "pays", "accompanied", "accompanies", "joined", "joins", "ferried", "escorted", "fed",
    "rings", "calls", "thanked", "warned", "reassured", "comforted", "introduced", "treated", "examined", "referred",
})
# ("Faith took my breath away", "Hope saw me through": a possessive after, or seeing, is a feeling's too.)
_PERSON_OBJECTS = frozenset({"me", "us", "him", "her", "them"})
# A person verb a few words on, after "from the forum", "next door", "from First Fertility":
# "Rain from the forum messaged me", "Bill next door asked". Not across these, which start another
# clause or make the word a thing ("Faith in myself is low", "Hope is what she said").
_CLAUSE_BREAKS = frozenset({
    "i", "you", "we", "they", "he", "she", "it", "me", "him", "her", "us", "them", "and", "but", "or", "that", "because",
    "so", "if", "when", "is", "was", "are", "were", "be", "been", "in", "of", "to", "for", "with", "who", "which", "what",
})
_LATER_PERSON_VERBS = frozenset(_PERSON_VERBS - {"and"})
# "Hope came back" is the feeling; "J came round" can only be someone.
_INITIAL_VERBS = _PERSON_VERBS | {"came", "comes", "went", "arrived", "left", "got", "wanted", "thought"}
# Seasons and weather are described like people ("Summer was lovely"): never names by description.
_NOT_DESCRIBED_NAMES = {"Summer", "Autumn", "Sunny", "Storm", "Sky", "Skye", "Dawn", "Misty", "Crystal", "Honey", "Sandy"}
# "Grace was lovely", "Will's so patient": a word-name at the start of a sentence described the
# way people are described is a person; "Hope is a strange thing" is not.
_BE = {"was", "is", "'s", "\u2019s", "seemed", "seems", "looked", "looks", "sounded", "sounds"}
_INTENSIFIERS = {"so", "really", "very", "super", "just", "always", "never", "such", "being", "too", "quite", "a", "the", "only"}
_PERSON_STATES = {
    "lovely", "kind", "nice", "sweet", "gentle", "patient", "amazing", "brilliant", "wonderful", "supportive", "rude",
    "dismissive", "brisk", "blunt", "late", "away", "off", "ill", "sick", "pregnant", "tired", "upset", "quiet",
    "busy", "funny", "chatty", "cross", "angry", "annoyed", "furious", "sad", "happy", "thrilled", "gutted",
    "understanding", "grumpy", "moody", "sweetheart", "star", "legend", "angel", "gem", "one", "home", "round",
    "asleep", "awake", "hungover", "pleased", "proud", "worried", "sorry",
}
# "my boyfriend deshawn", "my physio Kelly": the word after one of these is a name when it is
# capitalised or not an everyday word.
_RELATIONS = {
    "boyfriend", "girlfriend", "partner", "husband", "wife", "fiance", "fianc\u00e9", "fianc\u00e9e", "friend",
    "sister", "brother", "cousin", "colleague", "boss", "manager", "therapist", "physio", "physiotherapist", "gp",
    "consultant", "counsellor", "counselor", "flatmate", "housemate", "roommate", "daughter", "son", "niece",
    "nephew", "neighbour", "neighbor", "ex", "date", "mate", "bestie", "bff", "gynaecologist", "gynecologist",
}
# "Faith from work", "Joy at the pharmacy": where the people in a diary are met.
_SOCIAL_PLACES = {
    "work", "church", "mosque", "temple", "gurdwara", "synagogue", "school", "uni", "university", "college", "nursery",
    "pharmacy", "chemist", "chemist's", "clinic", "hospital", "surgery", "reception", "desk", "gym", "office", "group",
    "class", "yoga", "pilates", "choir", "team", "salon", "shop", "cafe", "caf\u00e9", "pub", "library", "bank",
    "practice", "ward", "unit", "centre", "center", "counter", "till", "next", "upstairs", "downstairs", "book",
}
# "Dawn at the GP surgery", "Bliss from the physio clinic": words that say which place.
_PLACE_MODIFIERS = frozenset({"gp", "physio", "dental", "dentist", "doctor's", "doctors", "sexual", "health", "pelvic", "family", "fertility"})
# "Grace came over", "Joy works with me": what people do, not feelings ("Hope came back").
_PERSON_MOVES = {
    (verb, particle)
    for verb in ("came", "comes", "popped", "pops", "dropped", "drops", "went", "goes", "lives", "lived", "works", "worked")
    for particle in ("over", "round", "around", "by", "with", "next", "at", "near")
}
# "Pip's parents", "Bean's mum": the family of someone.
_POSSESSED = frozenset({
    "parents", "mum", "mom", "mam", "dad", "mother", "father", "sister", "brother", "sisters", "brothers", "wife",
    "husband", "boyfriend", "girlfriend", "partner", "fiance", "fianc\u00e9", "fianc\u00e9e", "kids", "children",
    "baby", "son", "daughter", "family", "nan", "gran", "grandma", "grandad", "auntie", "aunt", "uncle", "cousin",
})
# "Sunny is my brother-in-law", "Hunter is my cousin", "Precious was my best friend".
_KIN = _RELATIONS | {
    "mum", "mom", "mam", "mother", "dad", "father", "aunt", "auntie", "aunty", "uncle", "gran", "granny", "grandma",
    "grandmother", "grandad", "grandpa", "grandfather", "nan", "nana", "stepmum", "stepmom", "stepdad", "godmother",
    "godfather", "stepsister", "stepbrother", "twin", "wife", "landlord", "landlady", "doctor", "nurse", "midwife",
    "teacher", "tutor", "coach", "mentor", "sponsor", "pastor", "vicar", "priest", "imam", "rabbi",
}
_PARTICLES = {"van", "von", "der", "den", "de", "la", "le", "du", "da", "di", "del", "bin", "bint", "al", "el", "ibn", "abu"}
# "told deshawn", "texted abi": an unknown lowercase word right after these is taken as a name.
_CUE_VERBS = {"told", "texted", "asked", "called", "rang", "messaged", "met", "hugged", "kissed", "phoned", "emailed", "dm'd", "dmed"}
# Before a capitalised everyday word mid-sentence these make it a name ("with Bean", "told Pip").
_CAPITAL_CUES = frozenset(_CUE_VERBS | {"with", "thanked", "love", "miss", "missed", "visited", "visiting"})
_BEFORE_A_NAME = frozenset(_RELATIONS | _CAPITAL_CUES)
_PLACE_PREPOSITIONS = {"in", "from", "near", "around", "visiting", "outside", "via"}
_POSSESSIVES = {"my", "our", "her", "his", "their", "your"}
_CONNECTORS = {"of", "and", "&", "de", "la", "van", "von", "der", "den", "du", "da", "di", "del", "le", "bin", "bint", "al", "el"}
# ... and Swahili "ya" ("Hospitali ya Aga Khan"), Tagalog "ng" ("Ospital ng Maynila").
_ORG_CONNECTORS = frozenset(
    _CONNECTORS | {"am", "an", "do", "dos", "das", "della", "delle", "dei", "des", "du", "im", "zum", "zur", "ya", "ng"} - {"and", "&"}
)
_STREET_SUFFIXES = {
    "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Drive", "Close", "Crescent", "Court", "Way", "Place",
    "Terrace", "Grove", "Gardens", "Square", "Boulevard", "Row", "Mews", "Hill", "Park", "Walk", "Parade", "Wharf",
    "Highway", "Parkway", "Rise", "Green", "Estate", "Street's", "Road's",
}
# After a single capital, these mean a thing, not a person: "plan B", "vitamin D", "hep C".
_LETTER_THINGS = {
    "plan", "vitamin", "vit", "hep", "hepatitis", "type", "grade", "size", "option", "part", "block", "ward", "level",
    "gate", "class", "form", "year", "team", "room", "bay", "wing", "section", "step", "stage", "category", "group",
    "floor", "platform", "row", "seat", "zone", "letter", "cup", "blood", "strep",
}
_PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "this", "that", "there", "anyone", "someone"}
# "Newcastle upon Tyne", "Frankfurt am Main", "Ashton under Lyne": a place joined to its river or
# second part. "on"/"in" only before a known second part, or "Leeds on Saturday" would be one place.
_PLACE_LINKS = {"upon", "am", "super", "sur", "under", "en", "an", "on", "in"}
_LOOSE_PLACE_LINKS = {"on", "in"}
_PLACE_SECOND_PARTS = {
    "Sea", "Thames", "Trent", "Avon", "Tyne", "Tees", "Wear", "Wye", "Severn", "Solent", "Ouse", "Swale", "Lune",
    "Furness", "Makerfield", "Lyne", "Hill", "Marsh", "Water", "Main", "Rhein", "Oder", "Donau", "Seine", "Mer",
    "Loire", "Rhone", "Rh\u00f4ne", "Humber", "Mersey", "Dee", "Tweed", "Eden", "Test", "Stour", "Medway", "Tamar",
}
# "Lake District", "Peak District", "Silicon Valley": a capitalised word before one of these is a
# place even when both are everyday words; and after one of the prefixes ("Lake Tahoe", "Isle of Wight").
_PLACE_TYPES = {
    "District", "Valley", "Bay", "Heights", "Forest", "Hills", "Dales", "Moors", "Moor", "Coast", "Island", "Islands",
    "Isles", "Lakes", "Downs", "Fens", "Wolds", "Peninsula", "Mountains", "Falls", "Beach", "Springs", "Harbour",
    "Harbor", "Cove", "Canyon", "Glen", "Broads", "Peaks", "Estuary", "Gorge", "Marshes", "Riviera", "Borough", "County",
    # English towns named for a bridge, heath or well ("Hebden Bridge", "Tunbridge Wells", "Hampstead Heath").
    "Bridge", "Heath", "Wells", "Cross", "Common",
}
_PLACE_PREFIXES = {"Lake", "Loch", "Lough", "Mount", "Mt", "Isle", "Isles", "Port", "Fort", "Cape", "Glen", "Ben"}
_NOT_PLACE_STARTS = {"The", "A", "An", "My", "Our", "Your", "Their", "His", "Her", "This", "That", "I", "We", "Every", "Each"}
# Capitalised words that start or end a run of words (organisation, address, place type).
_RUN_WORDS = frozenset(_STREET_SUFFIXES | _PLACE_TYPES | _PLACE_PREFIXES)
_CALENDAR = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter",
}
_NOT_BEFORE_SPACE = frozenset(",;:!?)\"'\u201d")
_OPENERS = frozenset(" \t\u00a0'\u2018\"\u201c(")
_SENTENCE_END = set(".!?\n:;\"\u201c\u201d(-*\u2022>")


# What follows an apostrophe in English: "Sam'll", "Don't", "I'd". Any other lower-case ending
# after a name is a suffix of the language (Turkish "İzmir'e", "Kadıköy'deki", "Mart'ta") and stays.
_ENGLISH_TAILS = frozenset({"s", "t", "re", "ve", "ll", "d", "m", "clock", "am"})
_APOSTROPHE = re.compile("['\u2019]")
_ELIDED = re.compile("[a-z]{1,5}['\u2019](?=[A-Z\u00c0-\u00de])").match


def _cut_titles(tokens: list[_Token], titles: frozenset[str]) -> None:
    """"Sato-san", "Kim-ssi": the name is the part before a title joined by a hyphen."""
    for token in tokens:
        if "-" in token.core:
            head, _, tail = token.core.rpartition("-")
            if head and tail.lower() in titles:
                token.core, token.lower, token.end = head, head.lower(), token.start + len(head)


def _without_suffix(core: str) -> str:
    """"Kadıköy'deki" -> "Kadıköy"; "O'Brien", "Sant'Anna", "Don't" and "J'ai" stay whole."""
    head, tail = _APOSTROPHE.split(core, 1)
    if len(head) < 3 or not tail.isalpha() or not tail.islower() or tail in _ENGLISH_TAILS:
        return core
    return head


def _stem(lower: str) -> str:
    lower = lower.replace("\u2019", "'")
    for suffix in _CONTRACTIONS:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return lower[: -len(suffix)]
    return lower.rstrip("'")


def _tokens(text: str, matches: Iterable[re.Match[str]], words: Iterable[str]) -> list[_Token]:
    """A `_Token` for each word. "l'H\u00f4pital Maisonneuve", "dell'Ospedale", "d'Artagnan": an elided
    article or preposition is kept, the capitalised word after it judged as itself."""
    if "'" not in text and "\u2019" not in text:
        return [_Token(text, m.start(), w) for m, w in zip(matches, words)]
    tokens = []
    for match, word in zip(matches, words):
        start = match.start()
        if word[0].islower() and ("'" in word or "\u2019" in word):
            cut = _ELIDED(word)
            if cut is not None and len(word) > cut.end():
                start += cut.end()
                word = word[cut.end() :]
        tokens.append(_Token(text, start, word))
    return tokens


class _Token:
    __slots__ = ("start", "end", "text", "core", "lower", "cap", "caps", "sentence_start", "spaced")

    def __init__(self, text: str, start: int, word: str) -> None:
        # Built for every word of every text: the lower-case majority skips the capital-only fields.
        # A possessive stays outside the placeholder: "[NAME]'s".
        core = word
        if word[-1] in "s'\u2019" and len(word) > 2:
            if word.endswith(("'s", "\u2019s")):
                core = word[:-2]
            elif word[-1] != "s":
                core = word[:-1]
        self.start = start
        self.core = core
        self.end = start + len(core)
        self.text = word
        self.lower = core.lower()
        # Follows the previous word after a plain space ("Dr. Ng" counts; "sister, I" does not).
        self.spaced = start >= 2 and text[start - 1] == " " and text[start - 2] not in _NOT_BEFORE_SPACE
        if not core[0].isupper():
            self.cap = self.caps = self.sentence_start = False
            return
        self.cap = True
        if "'" in core or "\u2019" in core:
            core = self.core = _without_suffix(core)
            self.end = start + len(core)
            self.lower = core.lower()
        self.caps = core.isupper() and sum(c.isalpha() for c in core) > 1
        # Only capitalised words need to know (look back past spaces and opening quotes).
        i = start - 1
        while i >= 0 and text[i] in _OPENERS:
            i -= 1
        self.sentence_start = i < 0 or text[i] in _SENTENCE_END


class NameFinder:
    """Finds NAME, PLACE and ORG spans in one text."""

    def __init__(self, lists: Gazetteer, known_names: Iterable[str] = ()) -> None:
        self.lists = lists
        self.known = _known_pattern(known_names)
        self.place_phrases, self.org_phrases, self.phrase_starts = _phrase_indexes(lists)
        self.phrase_pairs = frozenset(self.place_phrases) | frozenset(self.org_phrases)
        self.plain_words = _plain_words(lists)
        self.lower_word_names = frozenset(w.lower() for w in lists.word_names) | lists.lowercase_word_names
        self.honorifics = frozenset(_HONORIFICS | lists.titles_before)
        self.text = ""
        """The text being judged (set by `find` and `learn`), for rules that read the marks between words."""
        self.learned: dict[str, str] = {}
        """Capitalised words found as names or places in other texts of the same person (see Anonymiser.learn)."""

    def learn(self, text: str) -> None:
        """Remember the capitalised names and places found in `text`, to find them again elsewhere."""
        matches = list(words_of(text))
        tokens = _tokens(text, matches, [m.group() for m in matches])
        self.text = text
        kinds = [self._judge(tokens, i) for i in range(len(tokens))]
        for token, kind in zip(tokens, kinds):
            if kind in ("NAME", "PLACE") and token.cap and not token.caps:
                self.learned.setdefault(token.core, kind)

    def known_spans(self, text: str) -> list[Span]:
        """The person's own list of names (partner, doctor, coach), matched in any case."""
        return [Span(m.start(), m.end(), "NAME") for m in self.known.finditer(text)] if self.known else []

    def find(self, text: str, taken: list[tuple[int, int]]) -> list[Span]:
        """Names, places and organisations among the words outside `taken`."""
        matches = _outside(words_of(text), taken) if taken else list(words_of(text))
        words = [m.group() for m in matches]
        orgs = lowercase_org_runs(text, matches, self.lists) if not self.lists.lowercase_org_words.isdisjoint(words) else []
        if self._all_plain(words):
            return orgs
        tokens = _tokens(text, matches, words)
        self.text = text
        if "-" in text:
            _cut_titles(tokens, self.lists.titles_after)
        spans = self._place_phrases(tokens)
        vocabulary = self.lists.vocabulary
        names = self.lower_word_names
        # The everyday lower-case words (most of any text) are settled here, without a call.
        kinds = [
            None if not t.cap and t.lower in vocabulary and t.lower not in names else self._judge(tokens, i)
            for i, t in enumerate(tokens)
        ]
        _extend_to_capitalised_neighbours(text, tokens, kinds, self.lists)
        _same_word_same_kind(tokens, kinds, self.learned, self._is_name_like)
        spans += _suffix_runs(text, tokens, self.lists)
        spans += _place_type_runs(text, tokens, self.lists)
        spans += [Span(t.start, t.end, k) for t, k in zip(tokens, kinds) if k]
        return spans + orgs

    def _all_plain(self, words: list[str]) -> bool:
        """True when no word can be or start a name, place or organisation, so judging each in its
        context would find nothing: most diary sentences ("It hurt and I cried"). Exact by
        construction: every rule of `_judge` and of the runs needs a word outside `plain_words` (or
        a known word outside it that `_judge` would also pass over), a phrase's first two words, a
        word learned from other texts, or a capitalised word after a relation ("my friend Lovely")."""
        plain = self.plain_words
        lowers = None
        for word in set(words).difference(plain):
            core = _core(word)
            if core in plain:
                continue
            if core[0].islower():
                if not self._known_word(core.lower()):
                    return False
            elif not self._plain_capitalised(core):
                return False
        if self.learned and not self.learned.keys().isdisjoint(_core(w) for w in words):
            return False
        lowers = [_core(w).lower() if "'" in w or "\u2019" in w else w.lower() for w in words]
        if not self.lower_word_names.isdisjoint(lowers) and not _LATER_PERSON_VERBS.isdisjoint(lowers):
            return False  # "grace said": a word-name doing what people do
        if len(lowers) > 1 and not self.lists.titles_after.isdisjoint(lowers[1:]):
            return False  # "May sensei": a word before a title is someone
        if not self.phrase_pairs.isdisjoint(zip(lowers, lowers[1:])):
            return False
        if not _BEFORE_A_NAME.isdisjoint(lowers):
            for cue, word in zip(lowers, words[1:]):
                if cue in _BEFORE_A_NAME and word[0].isupper():
                    return False  # "my friend Lovely", "went with Bean"
        if "from" in lowers and not _SPEECH_VERBS.isdisjoint(lowers):
            return False  # "Bliss from uni reckons": see _speaks_from_somewhere
        if not _VISIT_VERBS.isdisjoint(lowers):
            for word, verb, particle in zip(words, lowers[1:], lowers[2:]):
                if word[0].isupper() and (verb, particle) in _VISITS:
                    return False  # "Pip came round"
        if not _POSSESSED.isdisjoint(lowers):
            for word, following in zip(words, lowers[1:]):
                if following in _POSSESSED and word[0].isupper() and word.endswith(("'s", "\u2019s")):
                    return False  # "Pip's parents"
        return True

    def _plain_capitalised(self, core: str) -> bool:
        """A capitalised word (not in `plain_words`, e.g. "They're", "Dilators") that `_judge` passes
        over however it is placed, and that no run starts from."""
        lists = self.lists
        if len(core) == 1 or core in _RUN_WORDS or core.lower() in self.honorifics:
            return False
        if lists.is_person_name(core) or lists.is_place(core) or core in lists.known_orgs or core in lists.org_suffixes:
            return False
        if core.isupper():
            return self._known_word(core.lower()) and not lists.is_person_name(core.title()) and not lists.is_place(core.title())
        return self._known_word(core.lower(), inflected=False)

    def _place_phrases(self, tokens: list[_Token]) -> list[Span]:
        """Multi-word places ("New York", "milton keynes") and organisations, longest first. One made
        only of everyday words ("Long Beach", "Moss Side") counts only when capitalised as a name."""
        spans = []
        lowers = [t.lower for t in tokens]
        pairs = list(zip(lowers, lowers[1:]))
        if self.phrase_pairs.isdisjoint(pairs):
            return spans  # most texts: no two words start a known phrase
        for i, pair in enumerate(pairs):
            if pair not in self.phrase_pairs:
                continue
            token = tokens[i]
            for index, kind in ((self.place_phrases, "PLACE"), (self.org_phrases, "ORG")):
                for words, capitals in index.get(pair, ()):
                    end = i + len(words)
                    if end <= len(tokens) and all(tokens[i + k].lower == w for k, w in enumerate(words)) and (
                        capitals is None or all(tokens[i + k].cap for k in capitals)
                    ):
                        spans.append(Span(token.start, tokens[end - 1].end, kind))
                        break
        return spans

    # --- one word at a time ------------------------------------------------------------

    def _known_word(self, lower: str, *, inflected: bool = True) -> bool:
        """An everyday word, or (with `inflected`) a plural or simple inflection of one. A capitalised
        word is asked without inflections: read that way "Aled" is "ale" + "d", "Tilly" "till" + "y"
        and "Praed" "pra" + "ed"; only a plural ("Dilators") is taken."""
        vocab = self.lists.vocabulary
        if lower in vocab or _stem(lower) in vocab:
            return True
        if "-" in lower:
            return all(self._known_word(part, inflected=inflected) for part in lower.split("-") if part)
        if not inflected:
            if lower.endswith("ies"):
                return lower[:-3] + "y" in vocab  # "Difficulties"
            return len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss") and lower[:-1] in vocab
        # Plurals and simple inflections of common words ("dilators", "panicked").
        for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", "")):
            if lower.endswith(suffix) and lower[: -len(suffix)] + repl in vocab:
                return True
        return False

    def _judge(self, tokens: list[_Token], i: int) -> str | None:
        token = tokens[i]
        lists = self.lists
        if not token.cap and token.lower in self.lower_word_names and self._lower_word_name_acts(tokens, i):
            return "NAME"  # a word-name doing what people do is someone: "grace said", "mark from work asked"
        if not token.cap and token.lower in lists.vocabulary:
            return None  # most words: an everyday word in lower case is never a name, whatever precedes it
        core = token.core
        if token.lower in self.honorifics:
            return None  # "Frau", "Dr", "Doamna", "Ammi": a title says nothing about who; the name after it is hidden
        if token.lower in lists.titles_after:
            return None  # "sensei", "oppa": the title stays, the name before it goes
        following = _adjacent(tokens, i)
        if following is not None and following.lower in lists.titles_after and core.isalpha() and (
            token.cap or not self._known_word(token.lower)
        ):
            return "NAME"  # "Haruka sensei", "jiwoo oppa", "Sara jan"
        if len(core) == 1:
            return "NAME" if _is_initial(tokens, i) else None
        # Only a word right after the previous one ("Dr Brown", not "my sister, I") takes a cue from it.
        previous = tokens[i - 1] if i and token.spaced else None
        if previous is not None and not token.caps and (
            previous.lower in _HONORIFICS or (previous.lower in self.lists.titles_before and (previous.cap or token.cap))
        ):  # (a title of another language in lower case only before a capital: "I ate sushi")
            # "Dr Brown", "Nurse Kelly", "dr patel", "Auntie June", "Doamna Popescu": the word after a
            # title is a name, even a month's or an everyday word's when both are capitalised.
            if (previous.cap and token.cap) or not self._known_word(token.lower):
                return "NAME"
        if core in lists.safe_capitalised or core in lists.safe_acronyms or (core in lists.org_suffixes and not lists.is_person_name(core)):
            return None  # (an organisation word alone, "l'H\u00f4pital.", names nothing: see _suffix_runs)
        if previous is not None and previous.lower in _RELATIONS and i >= 2 and tokens[i - 2].lower in _POSSESSIVES:
            if token.cap or not self._known_word(token.lower):
                return "NAME"
        if not token.cap and not core[:1].islower():
            # A script without capitals (Arabic, Chinese, Hindi...): in an English diary, a name,
            # unless it reads as words of that language ("今日は少し楽だった", "오늘", "힘들었다").
            return _uncased_kind(core, lists)
        if token.caps:
            return self._judge_shouted(token)
        if token.cap:
            return self._judge_capitalised(tokens, i)
        if not self._known_word(token.lower):
            if token.lower in lists.lowercase_word_names and previous is not None and previous.lower in lists.determiners:
                return None  # "la luz", "una vera amica", "mi pilar": the word, not the name
            if token.lower in lists.name_word_languages and not (previous is not None and previous.lower in _CUE_VERBS) \
                    and self._beside_its_language(tokens, i):
                return None  # "hacía sol", "deniz kenarında", "te dejo en paz": the word of the language around it
            title = core[:1].upper() + core[1:]
            if title in lists.word_names:
                # "a frank talk", "sandy toes": in lower case a word-name is the word, unless cued ("told frank").
                return "NAME" if previous is not None and previous.lower in _CUE_VERBS else None
            person, place = lists.is_person_name(title), lists.is_place(title)
            if place and (not person or (previous is not None and previous.lower in _PLACE_PREPOSITIONS | {"to"})):
                return "PLACE"  # "went to jordan" is a place; "told jordan" a person
            if person:
                return "NAME"
            if previous is not None and previous.lower in _CUE_VERBS:
                return "NAME"
            if previous is not None and previous.lower in _PLACE_PREPOSITIONS and len(core) >= 5 and token.lower not in lists.world_words:
                return "PLACE"  # "physio in rathmines", "dr schmidt in kreuzberg": an unknown word where a place goes
            if self._speaks_first(tokens, i):
                return "NAME"  # "tolu said his mum": an unknown word opening a sentence, then a person verb
        return None

    def _speaks_first(self, tokens: list[_Token], i: int) -> bool:
        """tokens[i], a lower-case word of four letters or more that is no everyday word of any
        language we know, opens a sentence and is followed, after one space, by what a person does:
        "tolu said", "abi texted me". Not "she hasnt replied" (an English word without its
        apostrophe), "ngl cried", nor across a full stop ("riverside. said")."""
        token = tokens[i]
        lists = self.lists
        title = token.core[:1].upper() + token.core[1:]
        if len(token.core) < 4 or i + 1 >= len(tokens) or token.lower in lists.world_words or title in lists.safe_capitalised:
            return False  # ("kakao said": an app)
        following = tokens[i + 1]
        if following.lower not in _LATER_PERSON_VERBS or self.text[token.end : following.start] != " ":
            return False
        if token.lower.endswith("nt") and self._known_word(token.lower[:-2]):
            return False  # "hasnt", "didnt", "wasnt"
        before = self.text[: token.start].rstrip(" \t\u00a0'\"\u2018\u201c(")
        return not before or before[-1] in _SENTENCE_END

    def _beside_its_language(self, tokens: list[_Token], i: int) -> bool:
        """A word right before or after tokens[i] is an everyday word (no English one) of a language
        that tokens[i] is a word of: "hacía sol" (es), but "mit anna" (de) is someone."""
        lists = self.lists
        languages = lists.name_word_languages[tokens[i].lower]
        previous = tokens[i - 1] if i and tokens[i].spaced else None
        if previous is not None and previous.lower in _WITH_SOMEONE:
            return False  # "fui con rosa": with someone
        following = _adjacent(tokens, i)
        for neighbour in (previous, following):
            if neighbour is None or neighbour.lower in _WITH_SOMEONE:
                continue
            if any(neighbour.lower in lists.language_words.get(language, ()) for language in languages):
                return True
        return False

    def _lower_word_name_acts(self, tokens: list[_Token], i: int) -> bool:
        """tokens[i], a word-name in lower case ("grace", "dolores"), is followed by what a person
        does and not preceded by an article or possessive ("the rose said" is no one)."""
        previous = tokens[i - 1] if i and tokens[i].spaced else None
        if previous is not None and (previous.lower in self.lists.determiners or previous.lower in _POSSESSIVES):
            return False
        following = _adjacent(tokens, i)
        if following is not None and following.lower in _LATER_PERSON_VERBS:
            return True
        return _person_verb_follows(tokens, i, self.text)

    def _foreign_word(self, tokens: list[_Token], i: int) -> bool:
        """tokens[i], capitalised and no listed name or place, is an everyday word of another
        language written where that language is being written: at the start of a sentence before
        a word of it ("Termin bei Dr. Vogel", "Cita el 18", "Randevu saat 11"), or mid-sentence as a
        German noun after a German word that is no preposition ("zweiter Stock", "wir haben Zeit";
        not "in Köln", "am Park"). An English sentence ("Matt is nervous", "in Bursa") never makes
        a word foreign."""
        lists = self.lists
        token = tokens[i]
        lower = token.lower
        if "\u0451" in lower:
            lower = lower.replace("\u0451", "\u0435")  # wordfreq writes Russian "приём" as "прием"
        if token.sentence_start:
            # "Rendez-vous", "Arc-en-ciel": a word of other languages' words joined by hyphens.
            joined = "-" in lower and all(part in lists.world_words or part in lists.foreign_function_words for part in lower.split("-") if part)
            if lower not in lists.world_words and not joined and (len(lower) < 10 or not self._german_compound(lower)):
                return False
            # Any of the next three words, up to the end of the sentence, may show the language.
            for j in range(i + 1, min(i + 4, len(tokens))):
                if tokens[j].sentence_start:
                    break
                if not tokens[j].cap and self._foreign_context(tokens[j].lower):
                    return True
            return False
        if i == 0 or not token.spaced:
            return False
        previous = tokens[i - 1]
        if previous.cap or previous.lower in _GERMAN_PREPOSITIONS or not self._foreign_context(previous.lower):
            return False
        return lower in lists.german_words or self._german_compound(lower)

    def _foreign_context(self, lower: str) -> bool:
        """A lower-case word that belongs to another language and not to English."""
        lists = self.lists
        return lower in lists.foreign_function_words

    def _german_compound(self, lower: str) -> bool:
        """'versichertennummer', 'beratungsstelle': German joins nouns into one word; both parts
        (the first perhaps with its linking s or n) are German words."""
        if len(lower) < 10:
            return False
        german = self.lists.german_words
        for cut in range(4, len(lower) - 3):
            head, tail = lower[:cut], lower[cut:]
            if tail in german and (head in german or (head[-1] in "sn" and head[:-1] in german)):
                return True
        return False

    def _is_name_like(self, core: str) -> bool:
        """A capitalised word that names someone or somewhere even alone: not an everyday word, or
        a listed name or place ("Grace", "Reading")."""
        lists = self.lists
        return not self._known_word(core.lower(), inflected=False) or lists.is_person_name(core) or lists.is_place(core)

    def _judge_shouted(self, token: _Token) -> str | None:
        lists = self.lists
        title = token.core.title()
        if self._known_word(token.lower) and not lists.is_person_name(title):
            return None
        if lists.is_place(title):
            return "PLACE"
        if lists.is_person_name(title):
            return "NAME"
        return "ORG"

    def _judge_capitalised(self, tokens: list[_Token], i: int) -> str | None:
        lists = self.lists
        token = tokens[i]
        core = token.core
        kind = "PLACE" if lists.is_place(core) else "ORG" if core in lists.known_orgs else "NAME"
        if kind == "NAME" and i and (tokens[i - 1].lower in _PLACE_PREPOSITIONS or tokens[i - 1].lower in lists.place_prepositions) \
                and not lists.is_person_name(core):
            kind = "PLACE"  # "in Zwolle", "from Oaxaca": an unknown word after these is more likely a place
        # A word-name ("Frank", "Ivy") is also a word: a cue below has to show it names someone.
        if not self._known_word(token.lower, inflected=False) and core not in lists.word_names:
            if _alone_as_a_sentence(self.text, token) and kind == "NAME" and not lists.is_person_name(core):
                return None  # "Yalla.", "Mashallah!", "Diolch.": in every labelled set, a word alone is no name
            if not self._foreign_word(tokens, i):
                return kind
        is_name = lists.is_person_name(core)
        if _owns_people(tokens, i):
            return "NAME"  # "Pip's parents", "with Bean's mum": whoever has a mum is someone
        if not token.sentence_start:
            if is_name or lists.is_place(core) or core in lists.known_orgs:
                return kind
            previous = tokens[i - 1] if i and token.spaced else None
            if previous is not None and previous.lower in _CAPITAL_CUES and not previous.cap:
                return "NAME"  # "went with Bean", "told Pip": a capitalised word there is someone's name
            return None
        # At the start of a sentence "Will" and "Hope" are usually words; "Will said" is a person.
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if _visits(tokens, i) and core not in _CALENDAR and core not in _NOT_DESCRIBED_NAMES:
            return "NAME"  # "Pip came round": a visit is someone's, even when the name is also a word
        if is_name and following is not None and following.start - token.end <= 3:
            if following.lower in _PERSON_VERBS or token.text != core:
                return "NAME"
            if following.lower in _AGENT_VERBS and core not in _NOT_DESCRIBED_NAMES:
                done_to = _adjacent(tokens, i + 1)
                if done_to is not None and done_to.lower in _PERSON_OBJECTS:
                    return "NAME"  # "Joy took me to the clinic": a feeling takes no one anywhere
            if core not in _NOT_DESCRIBED_NAMES and _described_as_person(tokens, i + 1):
                return "NAME"
            if _introduced_as_person(tokens, i + 1):
                return "NAME"
        if is_name and core not in _NOT_DESCRIBED_NAMES and _person_verb_follows(tokens, i, self.text):
            return "NAME"
        if not is_name and core not in _CALENDAR and _speaks_from_somewhere(tokens, i, self.text):
            return "NAME"  # "Bliss from uni reckons": whoever speaks from work or uni is someone
        return None


# "with", "and", "of", "to" in our languages: a name follows or precedes these as often as a word.
_WITH_SOMEONE = frozenset("con mit avec com ile met z ze with a para de di da del und y e et o ou oder ve and or of to".split())

# Before these a capitalised German word is as likely a place or a name as a noun ("in Köln", "am Park").
_GERMAN_PREPOSITIONS = frozenset(
    "in nach aus von bei zu an auf am im vom beim zum zur ins ab bis über unter vor hinter neben zwischen mit für".split()
)

# Only someone comes round: "Pip came round", "Bean popped over". Not "Panic came over me",
# "Sleep came in the end", "Rain came by evening" (so only "came round"), nor "Christmas came round" or
# "Bedtime came round" (calendar words and times of day are kept).
_VISITS = {("came", "round"), ("comes", "round")} | {
    (verb, particle)
    for verb in ("popped", "pops", "dropped", "drops", "stopped", "stops")
    for particle in ("round", "over", "by", "in")
}
_VISIT_VERBS = frozenset(verb for verb, _particle in _VISITS)
_NOT_VISITORS = {"everyone", "everybody", "someone", "somebody", "nobody", "noone", "anyone", "anybody", "nothing", "it"}


def _alone_as_a_sentence(text: str, token: _Token) -> bool:
    """The word is a whole sentence: it opens one and a full stop, "!" or "?" ends it ("Yalla.")."""
    end = token.start + len(token.text)
    if not token.sentence_start or token.text != token.core or len(token.core) < 3 or end >= len(text) or text[end] not in ".!?":
        return False
    while end < len(text) and text[end] in ".!?":
        end += 1
    return end == len(text) or text[end].isspace()


def _visits(tokens: list[_Token], i: int) -> bool:
    """tokens[i] is followed by a visit ("came round") and is not a pronoun, kin or a quantifier."""
    word = tokens[i].lower
    if i + 2 >= len(tokens) or word in _NOT_VISITORS | _PRONOUNS | _KIN or word.endswith(("time", "day")):
        return False
    return (tokens[i + 1].lower, tokens[i + 2].lower) in _VISITS


def _owns_people(tokens: list[_Token], i: int) -> bool:
    """tokens[i] is a capitalised possessive before family ("Pip's parents", "Bean's mum")."""
    token = tokens[i]
    if token.text == token.core or not token.text.endswith(("'s", "\u2019s")) or i + 1 >= len(tokens):
        return False
    if token.lower in _KIN or token.lower in _POSSESSED:
        return False  # "Partner's cousin", "Sister's kids": family of family
    following = tokens[i + 1]
    return following.spaced and following.lower in _POSSESSED


def _core(word: str) -> str:
    """The word without a possessive ("Sam's" -> "Sam", "James'" -> "James"), as `_Token` cuts it."""
    if word[-1] in "s'\u2019" and len(word) > 2:
        if word.endswith(("'s", "\u2019s")):
            return word[:-2]
        if word[-1] != "s":
            return word[:-1]
    return word


def _plain_words(lists: Gazetteer) -> frozenset[str]:
    """Words that on their own and beside other such words are never part of a name, place or
    organisation: everyday words in lower case, and capitalised ("The", "Today", "Mum", "OK") when
    they are no listed name, place, organisation, title, or word that makes a run ("Street",
    "District", "Lake"). Lone letters other than "I" and "A" can be initials."""
    vocabulary = lists.vocabulary
    special = (
        lists.given | lists.surnames | lists.word_names | lists.places | lists.known_orgs | lists.org_suffixes | _RUN_WORDS
        | {h[:1].upper() + h[1:] for h in _HONORIFICS | lists.titles_before} | {h.upper() for h in _HONORIFICS | lists.titles_before}
    )
    capitalised = {w[:1].upper() + w[1:] for w in vocabulary} | lists.safe_capitalised | lists.safe_acronyms
    # Judged by their core, as tokens are: "Physio's" is "Physio", an organisation word.
    capitalised = {w for w in capitalised - special if len(_core(w)) > 1 and _core(w) not in special} | {"I", "A"}
    return frozenset(vocabulary | capitalised)


def _adjacent(tokens: list[_Token], i: int) -> _Token | None:
    """The next token when only a space (or an apostrophe-s) separates it from token i."""
    if i + 1 < len(tokens) and tokens[i + 1].start - tokens[i].end <= 3 and tokens[i + 1].spaced:
        return tokens[i + 1]
    return None


# Japanese honorifics after a name ("山田さん"), Korean ones that make a word a title ("선생님").
_JA_HONORIFICS = ("\u3055\u3093", "\u3061\u3083\u3093", "\u304f\u3093", "\u69d8", "\u5148\u751f")
# Korean verb and sentence endings ("힘들었다", "기다릴게", "좋아요"): a name ends in none of them.
_HANGUL_ENDINGS = ("\ub2e4", "\uc694", "\uac8c", "\ub2c8", "\uc9c0", "\ub124", "\ub2d8", "\uc8e0")
# Han characters no Chinese or Japanese name starts with: "I", "you", "today", "this", "very".
_HAN_NOT_NAME_STARTS = frozenset("\u6211\u4f60\u4eca\u6628\u8fd9\u90a3\u5f88\u662f\u6709")
# Words that end a hospital or clinic's name: 病院, 医院, 诊所, 診療所, 병원, 의원, 클리닉, クリニック.
_UNCASED_ORG_ENDINGS = ("\u75c5\u9662", "\u533b\u9662", "\u8bca\u6240", "\u8a3a\u7642\u6240", "\ubcd1\uc6d0", "\uc758\uc6d0", "\ud074\ub9ac\ub2c9", "\u30af\u30ea\u30cb\u30c3\u30af")


def _uncased_kind(core: str, lists: Gazetteer) -> str | None:
    """A word in a script without capitals: a name unless it reads as that language's words."""
    if core.endswith(_UNCASED_ORG_ENDINGS):
        return "ORG"
    first = core[0]
    if "\u3040" <= first <= "\u30ff" or any("\u3040" <= c <= "\u309f" for c in core):
        # Hiragana carries Japanese grammar ("今日は少し楽だった"); a name then only before an honorific.
        for honorific in _JA_HONORIFICS:
            if core.endswith(honorific) and len(core) > len(honorific):
                return _uncased_kind(core[: -len(honorific)], lists)
        if all("\u30a0" <= c <= "\u30ff" for c in core) and core not in lists.uncased_words:
            return "NAME"  # a name written in Katakana
        return None
    if "\uac00" <= first <= "\ud7a3":
        if core in lists.uncased_words or core.endswith(_HANGUL_ENDINGS):
            return None
        return "NAME"
    if "\u4e00" <= first <= "\u9fff" and first in _HAN_NOT_NAME_STARTS:
        return None
    return "NAME"


# What only someone does: speak.
_SPEECH_VERBS = frozenset({
    "said", "says", "told", "tells", "asked", "asks", "reckons", "reckoned", "thinks", "texted", "messaged", "replied",
    "suggested", "explained", "insisted", "admitted", "joked", "whispered", "emailed", "promised",
})


# What else "says" from a place: a letter or a message does ("Letter from the hospital said").
_WRITTEN_THINGS = frozenset({
    "letter", "letters", "email", "emails", "text", "texts", "message", "messages", "note", "notes", "report", "results",
    "news", "support", "feedback", "advice", "leaflet", "website", "form", "scan", "post", "call", "voicemail", "reply",
    "someone", "somebody", "everyone", "everybody", "nobody", "people", "mum", "dad", "mom",
})


def _speaks_from_somewhere(tokens: list[_Token], i: int, text: str) -> bool:
    """tokens[i] "from" a place people are met ("uni", "my group"), then a verb of speech within the
    clause: "Bliss from uni reckons". Not "Support from work helped" (no speech), "Help from the
    clinic arrived", nor "at" ("Also at the front desk said hi")."""
    if i + 2 >= len(tokens) or tokens[i + 1].lower != "from" or tokens[i].lower in _WRITTEN_THINGS \
            or not _introduced_as_person(tokens, i + 1):
        return False
    return _person_verb_follows(tokens, i, text) and any(
        t.lower in _SPEECH_VERBS for t in tokens[i + 2 : i + 7]
    )


def _person_verb_follows(tokens: list[_Token], i: int, text: str) -> bool:
    """Where tokens[i] is from, then a person verb within five words in the same clause: "Hope from
    my Tuesday group texted", "Grace from First Fertility emailed", "Bill next door asked". Not "Rose
    oil beforehand helped" or "Forum user u/x said": those are things."""
    if i + 1 >= len(tokens) or tokens[i + 1].lower not in ("from", "at", "next"):
        return False
    for j in range(i + 1, min(i + 6, len(tokens))):
        token = tokens[j]
        if token.sentence_start or any(c in ",;:()\u2014" for c in text[tokens[j - 1].end : token.start]):
            return False
        if token.lower in _LATER_PERSON_VERBS:
            return True
        if token.lower in _CLAUSE_BREAKS:
            return False
    return False


def _described_as_person(tokens: list[_Token], i: int) -> bool:
    """tokens[i:] reads "was (so) lovely", "'s pregnant", "seemed upset"."""
    if tokens[i].lower not in _BE and tokens[i].text.lower() not in _BE:
        return False
    for j in range(i + 1, min(i + 4, len(tokens))):
        lower = tokens[j].lower
        if lower in _PERSON_STATES:
            return True
        if lower not in _INTENSIFIERS:
            return False
    return False


def _introduced_as_person(tokens: list[_Token], i: int) -> bool:
    """tokens[i:] introduce the word before them as someone: "from work", "at the front desk",
    "at church", "is my brother-in-law", "was my best friend", ", my neighbour,", ", who runs",
    "came round", "works with". Not "from the start", "is my anchor", "came back"."""
    first = tokens[i]
    second = tokens[i + 1] if i + 1 < len(tokens) else None
    if first.lower == "who":
        return True
    if second is not None and first.lower in _POSSESSIVES and not first.spaced:
        # "Ivy, my neighbour, brought soup", "Rose, my oldest friend,": an apposition after the comma.
        return any(tokens[j].lower.split("-", 1)[0] in _KIN for j in range(i + 1, min(i + 3, len(tokens))))
    if second is not None and (first.lower, second.lower) in _PERSON_MOVES:
        return True
    if first.lower in ("from", "at"):
        for j in range(i + 1, min(i + 4, len(tokens))):
            lower = tokens[j].lower
            if lower in _SOCIAL_PLACES:
                return True
            if j > i + 1 and lower in _POSSESSIVES | {"the"}:
                return False
            if lower not in _POSSESSIVES and lower not in {"the", "front", "local", "new", "old", "support", "my"} \
                    and lower not in _PLACE_MODIFIERS:
                return False
        return False
    if (first.lower in _BE or first.text.lower() in _BE) and i + 2 < len(tokens) and tokens[i + 1].lower in _POSSESSIVES:
        for j in (i + 2, i + 3):
            if j < len(tokens) and tokens[j].lower.split("-", 1)[0] in _KIN:
                return True
    return False


def _is_initial(tokens: list[_Token], i: int) -> bool:
    """A lone capital letter standing for a person: "J came round", "told K", "Dr S", "M and I",
    "J's flat". Not "I" or "A", and not "plan B" or "vitamin D"."""
    token = tokens[i]
    if not token.core.isupper() or token.core in ("I", "A") or not token.core.isascii():
        return False
    previous = tokens[i - 1] if i and token.spaced else None
    if previous is not None and previous.lower in _LETTER_THINGS:
        return False
    if previous is not None and (previous.lower in _HONORIFICS or previous.lower in _CUE_VERBS):
        return True
    if token.text != token.core:
        return True  # "J's"
    following = _adjacent(tokens, i)
    if following is None:
        return False
    if following.lower == "and":
        after = _adjacent(tokens, i + 1)
        return after is not None and after.lower in ("i", "me")
    return following.lower in _INITIAL_VERBS or _described_as_person(tokens, i + 1)


def _extend_to_capitalised_neighbours(text: str, tokens: list[_Token], kinds: list[str | None], lists: Gazetteer) -> None:
    """'Much Wenlock', 'Bishop's Stortford', 'Marie Stopes': capitalised words joined to a found
    name mid-sentence are part of it, even when each is an everyday word on its own."""
    def joinable(j: int) -> bool:
        t = tokens[j]
        return (
            kinds[j] is None
            and t.cap
            and not t.caps
            and not t.sentence_start
            and t.lower not in _HONORIFICS
            and t.lower not in lists.titles_before
            and t.core not in lists.safe_capitalised
            and t.core not in lists.safe_acronyms
        )

    for i in range(len(tokens)):
        if kinds[i] not in ("NAME", "PLACE"):
            continue
        j = i - 1
        while j >= 0 and joinable(j) and _near(text, tokens[j], tokens[j + 1]):
            kinds[j] = kinds[i]
            j -= 1
        j = i + 1
        while j < len(tokens) and _near(text, tokens[j - 1], tokens[j]):
            if joinable(j):
                kinds[j] = kinds[i]
                j += 1
            elif _particle_then_capital(tokens, j, text):
                # "Van der Berg", "Abu al Hassan": a lowercase particle inside a name.
                kinds[j] = kinds[j + 1] = kinds[i]
                j += 2
            elif kinds[i] == "PLACE" and _place_link(tokens, j, text, lists):
                kinds[j] = kinds[j + 1] = "PLACE"
                j += 2
            else:
                break


def _same_word_same_kind(
    tokens: list[_Token], kinds: list[str | None], learned: dict[str, str], name_like: Callable[[str], bool]
) -> None:
    """A word found as a name once is a name throughout the text ("Grace was there. I thanked
    Grace.") and, through `learned`, throughout a participant's other records. Only words that can
    be names on their own travel: "Mary's Hospital" makes no other "Hospital" a name. A question
    ("Will I ever...?") keeps its word."""
    found = dict(learned)
    found.update((t.core, k) for t, k in zip(tokens, kinds) if k in ("NAME", "PLACE") and t.cap)
    if not found:
        return
    for i, token in enumerate(tokens):
        if kinds[i] is None and token.core in found and name_like(token.core):
            following = _adjacent(tokens, i)
            if token.sentence_start and following is not None and following.lower in _PRONOUNS:
                continue
            kinds[i] = found[token.core]


def _place_link(tokens: list[_Token], j: int, text: str, lists: Gazetteer) -> bool:
    """tokens[j] is "upon" in "Newcastle upon Tyne" (the word before it is a place)."""
    if tokens[j].lower not in _PLACE_LINKS or j + 1 >= len(tokens) or not _near(text, tokens[j], tokens[j + 1]):
        return False
    second = tokens[j + 1]
    if not second.cap or second.sentence_start or second.core in _CALENDAR:
        return False
    if second.core in _PLACE_SECOND_PARTS or lists.is_place(second.core):
        return True
    return tokens[j].lower not in _LOOSE_PLACE_LINKS and second.lower not in lists.vocabulary


def _particle_then_capital(tokens: list[_Token], j: int, text: str) -> bool:
    return (
        tokens[j].lower in _PARTICLES
        and j + 1 < len(tokens)
        and tokens[j + 1].cap
        and _near(text, tokens[j], tokens[j + 1])
    )


def _near(text: str, left: _Token, right: _Token) -> bool:
    return text[left.end : right.start] in (" ", "'s ", "\u2019s ", "-")


def _outside(matches: Iterable[re.Match[str]], taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The word matches that overlap none of `taken` (sorted, not overlapping each other)."""
    k = 0
    out = []
    last = len(taken)
    for match in matches:
        start, end = match.span()
        while k < last and taken[k][1] <= start:
            k += 1
        if k == last:
            out.append(match)
        elif taken[k][0] >= end:
            out.append(match)
    return out


_PhraseIndex = dict[tuple[str, str], list[tuple[tuple[str, ...], "tuple[int, ...] | None"]]]
_INDEXES: dict[int, tuple[Gazetteer, _PhraseIndex, _PhraseIndex, frozenset[str]]] = {}


def _phrase_indexes(lists: Gazetteer) -> tuple[_PhraseIndex, _PhraseIndex, frozenset[str]]:
    """The place and organisation phrase indexes and their first words, built once per word list
    (about 0.1 s for 20,000 places) however many anonymisers are made."""
    cached = _INDEXES.get(id(lists))
    if cached is None or cached[0] is not lists:
        places = _phrase_index(lists.place_phrases, lists.capitalised_phrases)
        orgs = _phrase_index((o for o in lists.known_orgs if " " in o), frozenset())
        starts = frozenset(k[0] for k in places) | frozenset(k[0] for k in orgs)
        cached = _INDEXES[id(lists)] = (lists, places, orgs, starts)
    return cached[1], cached[2], cached[3]


def _phrase_index(phrases: Iterable[str], capitalised: frozenset[str]) -> _PhraseIndex:
    """Phrases by their first two words, lower case, longest first, each with the positions that
    must be capitalised in the text: None for most ("west bromwich" in any case); for those in
    `capitalised`, the positions capitalised in the phrase ("Long Beach", not "a long beach walk")."""
    index: _PhraseIndex = {}
    for phrase in phrases:
        matches = list(WORD.finditer(phrase))
        if len(matches) < 2:
            continue
        words = tuple(m.group(0).lower() for m in matches)
        capitals = None
        if phrase in capitalised:
            capitals = tuple(k for k, m in enumerate(matches) if m.group(0)[0].isupper())
        index.setdefault(words[:2], []).append((words, capitals))
    for options in index.values():
        options.sort(key=lambda option: len(option[0]), reverse=True)
    return index


def _known_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    words: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if len(name) < 2:
            continue
        words.add(name)
        # "Amara Okafor" also hides "Amara" and "Okafor" on their own.
        words.update(part for part in name.split() if len(part) >= 2 and part.lower().strip(".") not in _HONORIFICS)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _suffix_runs(text: str, tokens: list[_Token], lists: Gazetteer) -> list[Span]:
    """'Whittington Hospital', 'University of Leeds', 'Baker Street' as single ORG / ADDRESS spans."""
    spans = []
    for i, token in enumerate(tokens):
        core = token.core
        if not token.cap:
            if token.lower not in lists.org_words_after_names:
                continue
            kind = "ORG"  # "Ullevål sykehus", "Bệnh viện Từ Dũ": the name before (or after) is capitalised
        else:
            kind = "ORG" if core in lists.org_suffixes else "ADDRESS" if core in _STREET_SUFFIXES else None
        if kind is None:
            continue
        first = i
        while first > 0 and _joins(text, tokens[first - 1], tokens[first]) and (
            tokens[first - 1].cap or (tokens[first - 1].lower in _CONNECTORS and first - 1 > 0 and tokens[first - 2].cap)
        ):
            if tokens[first - 1].lower in {"the", "a", "an", "my", "our", "your", "her", "his", "their"} or (
                tokens[first - 1].lower in lists.determiners and tokens[first - 1].lower not in _CONNECTORS
            ):
                if tokens[first - 1].core == "The" and not tokens[first - 1].sentence_start and first < i:
                    first -= 1  # "at The Mind Clinic": a capital The mid-sentence is part of the name
                break
            first -= 1
        last = i
        # "Hospital Clínic", "Clinic Marbella": an organisation word followed by a capitalised name,
        # but "Physio Rhys" is a person introduced by their role.
        while kind == "ORG" and token.lower not in _RELATIONS and last + 1 < len(tokens):
            following = tokens[last + 1]
            if following.cap and not following.sentence_start and _joins(text, tokens[last], following) \
                    and following.core not in lists.safe_capitalised:
                last += 1
            # "Praxis am Park", "Clínica do Saldanha": a connector, then a capitalised name.
            elif following.lower in _ORG_CONNECTORS and last + 2 < len(tokens) and tokens[last + 2].cap \
                    and not tokens[last + 2].sentence_start and _joins(text, tokens[last], following) \
                    and _joins(text, following, tokens[last + 2]) and tokens[last + 2].core not in _CALENDAR:
                last += 2
            else:
                break
        # "University of Leeds", "Bank of Ireland"
        if last == i and i + 2 < len(tokens) and tokens[i + 1].lower == "of" and tokens[i + 2].cap and _joins(text, token, tokens[i + 1]):
            last = i + 2
            while last + 1 < len(tokens) and tokens[last + 1].cap and _joins(text, tokens[last], tokens[last + 1]):
                last += 1
        if last == i and kind == "ORG" and token.cap:
            last = _described_then_named(text, tokens, i, lists.vocabulary)
        while first < i and tokens[first].lower in _CONNECTORS:
            first += 1
        if first < i and tokens[first].lower == "the" and tokens[first].core != "The":
            first += 1
        if first == i and last == i:
            continue  # "the Hospital" on its own names nothing
        if not token.cap and not any(_name_like(tokens[j], lists) for j in range(first, last + 1) if j != i):
            continue  # "Saya sakit", "Bệnh viện" alone: everyday words before it, no name
        spans.append(Span(tokens[first].start, tokens[last].end, kind))
    return spans


# Connectors of the languages that describe an organisation before naming it (not English "and", "of").
_DESCRIBING_CONNECTORS = frozenset({"de", "du", "des", "del", "della", "delle", "dei", "di", "da", "do", "dos", "das", "f\u00fcr", "am", "im", "zum", "zur"})


def _described_then_named(text: str, tokens: list[_Token], i: int, vocabulary: frozenset[str]) -> int:
    """The last token of an organisation that says what it does before its name, as French,
    Spanish, Italian and Portuguese ones do: "Clinique de physioth\u00e9rapie pelvienne du Plateau",
    "H\u00f4pital universitaire de Gen\u00e8ve". Up to five lower-case words after tokens[i], none of them
    English but the connectors, the last a connector, then capitalised words; else `i`."""
    j = i + 1
    if j >= len(tokens) or tokens[j].cap or not _joins(text, tokens[i], tokens[j]):
        return i
    while j + 1 < len(tokens) and j - i <= 5 and _joins(text, tokens[j], tokens[j + 1]):
        if tokens[j].lower not in _DESCRIBING_CONNECTORS and tokens[j].lower in vocabulary:
            return i  # an English word: "the Hospital was good and I"
        following = tokens[j + 1]
        if following.cap:
            if following.sentence_start or following.core in _CALENDAR or tokens[j].lower not in _DESCRIBING_CONNECTORS:
                return i
            last = j + 1
            while last + 1 < len(tokens) and tokens[last + 1].cap and _joins(text, tokens[last], tokens[last + 1]):
                last += 1
            return last
        j += 1
    return i


def _name_like(token: _Token, lists: Gazetteer) -> bool:
    """A capitalised word that is no everyday word of English or of another language we know."""
    return token.cap and token.lower not in lists.vocabulary and token.lower not in lists.world_words


# Before a lower-case organisation, these end the run: "the pain clinic", "to my physio practice".
_RUN_STOPS = frozenset({"a", "an", "my", "our", "your", "his", "her", "their", "to", "at", "from", "in", "into", "of",
                        "for", "with", "and", "or", "is", "was", "went", "back", "go", "going", "called", "rang"})
_RUN_OPENERS = frozenset({"to", "at", "from", "into", "called", "rang", "phoned", "emailed"})


def lowercase_org_runs(text: str, words: list[re.Match[str]], lists: Gazetteer) -> list[Span]:
    """Organisations written in lower case: "riverside clinic", "calder valley practice",
    "st mary's hospital", "saskatoon city hospital". Up to four lower-case words before a word
    such as "clinic" are a name when one of them is no everyday word, when they start with "st", or
    when they follow "to", "at" or "from" with nothing that only describes a service ("went to pain
    clinic", "the physio practice", "dilator practice" stay)."""
    spans = []
    org_words = lists.lowercase_org_words
    for k in [k for k, match in enumerate(words) if match.group() in org_words]:
        match = words[k]
        first = k
        while first > 0 and k - first < 4:
            word = words[first - 1].group()
            if not word[0].islower() or word in _RUN_STOPS or word in lists.determiners \
                    or text[words[first - 1].end() : words[first].start()] not in (" ", "'s ", "\u2019s ", "-"):
                break
            first -= 1
        if first == k:
            continue
        run = [_core(w.group()) for w in words[first:k]]
        opener = words[first - 1].group().lower() if first > 0 else ""
        vocabulary, world = lists.vocabulary, lists.world_words
        unknown = any(w not in vocabulary and w.split("-")[0] not in vocabulary and w not in world for w in run)
        plain_name = opener in _RUN_OPENERS and not any(w in lists.service_words for w in run)
        if unknown or run[0] in ("st", "saint") or plain_name:
            spans.append(Span(words[first].start(), match.end(), "ORG"))
    return spans


def _place_type_runs(text: str, tokens: list[_Token], lists: Gazetteer) -> list[Span]:
    """'Lake District', 'North York Moors', 'Lake Tahoe', 'Isle of Wight' as PLACE spans."""
    spans = []
    for i in [i for i in range(len(tokens) - 1) if tokens[i].cap]:  # every run starts capitalised
        token, following = tokens[i], tokens[i + 1]
        if token.core in _PLACE_PREFIXES and following.lower == "of" and i + 2 < len(tokens) and tokens[i + 2].cap:
            spans.append(Span(token.start, tokens[i + 2].end, "PLACE"))
            continue
        if not token.cap or not following.cap or token.caps or following.sentence_start or not _near(text, token, following):
            continue
        if token.core in _NOT_PLACE_STARTS or token.core in _CALENDAR or token.core in lists.safe_capitalised:
            continue
        if following.core in _PLACE_TYPES:
            first = i
            while first > 0 and tokens[first - 1].cap and not tokens[first].sentence_start and _near(text, tokens[first - 1], tokens[first]) \
                    and tokens[first - 1].core not in _NOT_PLACE_STARTS:
                first -= 1
            spans.append(Span(tokens[first].start, following.end, "PLACE"))
        elif token.core in _PLACE_PREFIXES and following.core not in lists.safe_capitalised:
            spans.append(Span(token.start, following.end, "PLACE"))
    return spans


def _joins(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.start + len(left.text) : right.start]
    return gap in (" ", "-", "") or (gap.strip() == "&" and len(gap) <= 3)
