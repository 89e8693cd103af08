"""`lookup_lemmatizer`: spaCy's lookup lemmatizer, the same table (spacy-lookups-data) and the
same lemmas, at a fifth of the cost.

spaCy's own `lemmatizer` in lookup mode spends about 3 us a word in Python-level calls (it
fetches the table, hashes the text and stores the lemma string again for every token); on a
short thought that was a sixth of the whole analysis. This one remembers each word's lemma id
the first time it sees the word. Tests hold it to spaCy's lemmatizer on every labelled thought.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc


FORMS_KEY = "thoughtwork.word_forms"
"""Where the lower-case form and the lemma of every token are kept in `doc.user_data`, as two
lists: the rule components all read them, and reading them from Token objects again cost more
than the lemmatizer itself (see `thoughtwork.nlp.components.word_forms`)."""


class LookupLemmatizer:
    """Sets each token's lemma from the English lookup table, as `lemmatizer` (mode "lookup") does:
    the table's lemma for the token's text, or the text itself; a lemma already set is kept.
    It also leaves the words' lower-case forms and lemmas on the doc (`FORMS_KEY`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table = load_lookups(nlp.lang, ["lemma_lookup"]).get_table("lemma_lookup")
        self.strings = nlp.vocab.strings
        self._known: dict[int, tuple[int, str, str]] = {}
        """Word id -> (lemma id, lower-case form, lemma). Grows with the distinct words seen."""

    def __call__(self, doc: Doc) -> Doc:
        known = self._known
        lower: list[str] = []
        lemmas: list[str] = []
        for token in doc:
            if token.lemma:
                lower.append(token.lower_)
                lemmas.append(token.lemma_)
                continue
            orth = token.orth
            entry = known.get(orth)
            if entry is None:
                text = self.strings[orth]
                lemma = self.table.get(text, text)
                entry = known[orth] = (self.strings.add(lemma), token.lower_, lemma)
            token.lemma = entry[0]
            lower.append(entry[1])
            lemmas.append(entry[2])
        doc.user_data[FORMS_KEY] = (lower, lemmas)
        return doc


@Language.factory("lookup_lemmatizer")
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    """The English lookup lemmatizer (spacy-lookups-data), fast on short texts."""
    return LookupLemmatizer(nlp, name)
