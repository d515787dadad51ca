"""Texts cut so that no spaCy call sees more than it can take in bounded time and memory.

Two limits: the model runs on *sections* of at most ``SECTION_CHARS`` characters (the parser's memory
grows with the length of a call, and spaCy refuses texts over ``nlp.max_length`` outright), and no run of
non-space characters longer than ``MAX_RUN`` reaches the tokenizer: its prefix/suffix search is quadratic
in the length of a run (200 KB of "(" never finishes), while no word, number or URL in news is that long.
Such a run becomes tokens of ``MAX_RUN`` characters each. The pieces are joined with ``Doc.from_docs``,
so ``doc.text`` is always exactly the article text and every span offset stays valid.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

SECTION_CHARS = 20_000
"""Longest text one model call sees; longer articles are analysed section by section."""
MAX_RUN = 200
"""Longest run of non-space characters handed to the tokenizer as one piece."""

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def split_sections(text: str, size: int = SECTION_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters, at a paragraph break, else a
    sentence end, else any space, else anywhere; ``"".join`` of the result is ``text``."""
    out = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = -1
        for sep in ("\n", ". ", " "):
            at = window.rfind(sep, size // 2)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = size
        out.append(window[:cut])
        start += cut
    out.append(text[start:])
    return [s for s in out if s]


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with over-long runs of non-space characters cut into bounded tokens, and a sentence
    start after every line break (``paragraphs``)."""
    return paragraphs(_tokens(nlp, text))


def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or a dateline line is not part of the paragraph under it (the
    parser, which sees only tokens, runs "Drones downed over X\n\nMOSCOW, May 2 - ..." into one sentence). A line
    that goes on in lower case is a hard-wrapped sentence, not a new one."""
    breaks = [t.i + 1 for t in doc if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)]
    for i in breaks:  # one pass to find the line ends: indexing both neighbours of every token cost twice that
        if i < len(doc):
            tok = doc[i]
            if not tok.is_space and not tok.text[:1].islower():
                tok.is_sent_start = True
    return doc


def _tokens(nlp: Language, text: str) -> Doc:
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    pieces: list[Doc] = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        if m.start() > pos:
            pieces.append(nlp.make_doc(text[pos : m.start()]))
        run = m.group()
        words = [run[i : i + MAX_RUN] for i in range(0, len(run), MAX_RUN)]
        pieces.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = m.end()
    if pos < len(text):
        pieces.append(nlp.make_doc(text[pos:]))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    assert doc.text == text, "tokenizer pieces must join back to the text"
    return doc


def join(docs: list[Doc]) -> Doc:
    """Analysed sections back into one ``Doc`` (annotations kept, text the concatenation)."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
