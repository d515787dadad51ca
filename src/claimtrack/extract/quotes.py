"""Quotation structure of a parsed text: which quotation marks open and close, and the quotations around a cue.

The attribution finder (``attribution.py``) widens content to these quotations; annotators take a quotation
whole, across sentences and paragraphs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

OPEN_QUOTES = frozenset({'"', "“", "``", "«", "''"})

CLOSE_QUOTES = frozenset({'"', "”", "''", "»"})

QUOTES = OPEN_QUOTES | CLOSE_QUOTES | {"‘", "’"}

QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES  # apostrophe-like single quotes are too ambiguous to pair

OPEN_ONLY = frozenset({"“", "``", "«"})

CLOSE_ONLY = frozenset({"”", "»"})


def _looks_open(doc: Doc, t: Token) -> bool:
    """Whether an ambiguous straight quotation mark opens: space or an opening bracket before, a word after."""
    before = t.i == 0 or bool(doc[t.i - 1].whitespace_) or doc[t.i - 1].is_space or doc[t.i - 1].text in "([{—–-"
    after = not t.whitespace_ and t.i + 1 < len(doc) and not doc[t.i + 1].is_space
    return before and after


class Quotes:
    """Quotation structure of a whole ``Doc``, found in one pass over its quotation marks.

    ``open_of[i]`` is the index of the opening mark of the quotation holding token ``i`` (-1 outside quotes);
    ``close_of[o]`` the closing mark of the quotation opened at ``o`` (-1 if it never closes). Straight quotes
    open when spacing says so (space before, word after) and close otherwise; a paragraph that ends inside a
    quotation that opened its paragraph (or followed a colon) continues it only if the next paragraph opens with
    a quotation mark (the multi-paragraph convention); otherwise the quotation is dropped as unbalanced.
    """

    def __init__(self, doc: Doc) -> None:
        self.open_of = [-1] * len(doc)
        self.close_of: dict[int, int] = {}
        cur = -1
        reopen = False
        for t in doc:
            x = t.text
            if t.is_space or not x.strip():
                if cur != -1 and "\n" in x:
                    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                    # only a quotation that opened a paragraph (or followed a colon) runs on into the next one
                    opened_block = cur == 0 or "\n" in doc[cur - 1].text_with_ws or doc[cur - 1].text == ":"
                    if nxt is not None and nxt.text in OPEN_QUOTES and opened_block:
                        reopen = True
                    else:
                        for k in range(cur, t.i):
                            self.open_of[k] = -1
                        self.close_of[cur] = -1
                        cur = -1
                continue
            if x in QUOTE_MARKS:
                if reopen:
                    reopen = False
                    self.open_of[t.i] = cur
                    continue
                opens = x in OPEN_ONLY or (x not in CLOSE_ONLY and _looks_open(doc, t))
                if cur == -1:
                    if opens:
                        cur = t.i
                        self.open_of[t.i] = cur
                    continue  # a stray closing mark
                if opens and (x in OPEN_ONLY or t.i - cur > 1):
                    # a new opening inside an open quotation: the first one was unbalanced
                    for k in range(cur, t.i):
                        self.open_of[k] = -1
                    self.close_of[cur] = -1
                    cur = t.i
                    self.open_of[t.i] = cur
                    continue
                self.open_of[t.i] = cur
                self.close_of[cur] = t.i
                cur = -1
                continue
            self.open_of[t.i] = cur
        if cur != -1:
            self.close_of[cur] = -1

    def inside(self, i: int) -> bool:
        return self.open_of[i] != -1

    def close(self, i: int) -> int:
        """Closing mark of the quotation holding token ``i``, or -1."""
        o = self.open_of[i]
        return self.close_of.get(o, -1) if o != -1 else -1


def extend_quotes(q: Quotes, start: int, end: int, cue: tuple[int, int]) -> tuple[int, int]:
    """Widen content to the quotation it starts or ends in (marks and inner punctuation included).

    Annotators take the whole quotation: "“A. B. C,” he said" has content “A. B. C,” even when the parse only
    gives C, and a mixed quote that opens inside the clause runs to its closing mark, across sentences.
    """
    o = q.open_of[start]
    if o != -1 and o < start and q.open_of[cue[0]] != o:
        start = o
    o = q.open_of[end - 1]
    if o != -1 and q.open_of[cue[0]] != o:
        c = q.close_of.get(o, -1)
        if c >= end:
            end = c + 1
    return start, end


def _next_quotation(q: Quotes, doc: Doc, after: int) -> tuple[int, int] | None:
    """A whole quotation that starts right after token ``after`` (spaces skipped) and ends its sentence."""
    k = after
    while k < len(doc) and (doc[k].is_space or doc[k].text in (".", ",")):
        k += 1
    if k >= len(doc) or doc[k].text not in OPEN_QUOTES or q.open_of[k] != k:
        return None
    c = q.close_of.get(k, -1)
    if c == -1:
        return None
    j = c + 1
    while j < len(doc) and doc[j].is_punct and not doc[j].is_space:
        j += 1
    if j < len(doc) and not doc[j].is_space and not doc[j].sent.start == j:
        return None  # the quotation goes on into a sentence of its own, likely with its own cue
    return k, c + 1


def _previous_quote(q: Quotes, doc: Doc, before: int, skip: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """The quotation that ends right before token ``before`` (spaces and ``skip`` tokens skipped)."""
    k = before - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in skip):
        k -= 1
    if k < 0 or doc[k].text not in CLOSE_QUOTES or q.open_of[k] == -1 or q.open_of[k] == k:
        return []
    return [(q.open_of[k], k + 1)]


def _adjacent_quotations(
    q: Quotes, doc: Doc, cue: tuple[int, int], source: tuple[int, int] | None, contents: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Add the other half of a split quotation: “A,” he said, “B.” gives content A and B, whichever the parse found."""
    lo = min(cue[0], source[0]) if source else cue[0]
    hi = max(cue[1], source[1]) if source else cue[1]
    k = lo - 1
    while k >= 0 and (doc[k].is_space or doc[k].text == ","):
        k -= 1
    before = None
    sent = doc[cue[0]].sent
    if k >= sent.start and doc[k].text in CLOSE_QUOTES and q.open_of[k] not in (-1, k):
        before = (q.open_of[k], k + 1)
    j = hi
    while j < len(doc) and doc[j].text in (",", ":"):
        j += 1
    after = None
    if j < sent.end and doc[j].text in OPEN_QUOTES and q.open_of[j] == j and q.close_of.get(j, -1) > j:
        after = (j, q.close_of[j] + 1)
    if before is None or after is None:
        return contents  # only a quotation on both sides of the cue is a split one
    out = list(contents)
    for extra in (before, after):
        if not any(s < extra[1] and extra[0] < e for s, e in out):
            out.append(extra)
    return sorted(out)
