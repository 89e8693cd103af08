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


class LookupLemmatizer:
    """Sets each token's lemma from the English lookup table, as `lemmatizer` (mode "lookup") does:
    the table's lemma for the token's text, or the text itself; a lemma already set is kept."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table = load_lookups(nlp.lang, ["lemma_lookup"]).get_table("lemma_lookup")
        self.strings = nlp.vocab.strings
        self._lemma_of: dict[int, int] = {}
        """Word id -> lemma id. Grows with the distinct words seen (tens of thousands at most)."""

    def __call__(self, doc: Doc) -> Doc:
        lemma_of = self._lemma_of
        for token in doc:
            if token.lemma:
                continue
            orth = token.orth
            lemma = lemma_of.get(orth)
            if lemma is None:
                text = self.strings[orth]
                lemma = lemma_of[orth] = self.strings.add(self.table.get(text, text))
            token.lemma = lemma
        return doc


@Language.factory("lookup_lemmatizer")
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    """The English lookup lemmatizer (spacy-lookups-data), fast on short texts."""
    return LookupLemmatizer(nlp, name)
