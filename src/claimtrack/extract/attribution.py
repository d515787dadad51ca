"""Attribution spans on a spaCy parse: which tokens are the cue, the source and the content.

This is the span layer under ``claims.py``. It works in three steps per sentence:

1. **Cue heads.** Tokens whose lemma is in the learned cue lexicon are scored by a tiny linear model
   (sparse string features of the token and its dependency neighbourhood, weights learned on PolNeAR train by
   ``bench/attribution_train.py`` and shipped as JSON in ``claimtrack/data/attribution/``).
2. **Cue span.** The head grows by the children annotators usually include ("did not immediately confirm",
   "has learned", "according to", "said:"), again from train statistics.
3. **Roles by dependency rules.** The source is the subject (or the object of "according to", or the
   subject of the governing verb for "..., saying"); the content is the complement clause, or the rest of
   the clause when the cue is parenthetical, widened to the quotation marks around it and across sentences
   and paragraphs until an open quotation closes.

Everything here works on token indices; ``claims.py`` turns them into character spans and entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.cue_model import SUBJECTS, CueModel, _cue_span, cue_features, load_model
from claimtrack.extract.doc_cache import sentences
from claimtrack.extract.quotes import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    QUOTES,
    Quotes,
    _adjacent_quotations,
    _next_quotation,
    _previous_quote,
    extend_quotes,
)

EDGE_PUNCT = frozenset({",", ".", ";", ":", "-", "--", "—", "–", "(", ")", "?", "!", "…"})
COMPLEMENTS = ("ccomp", "xcomp")
OBJECT_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "advmod"})
OBJECT_PREPS = frozenset({"as", "of", "to", "for", "about", "against", "from", "with", "by"})
# Speech-act verbs that conflict reporting relies on ("did not immediately confirm", "denied", "threatened"):
# PolNeAR (political news) sees some of them rarely as cues, so they pass at a lower probability.
CORE_CUES = frozenset({"confirm", "deny", "threaten", "claim", "allege", "vow", "announce"})
CORE_THRESHOLD = 0.2
NOMINAL_CUES = frozenset(
    {"claim", "statement", "assertion", "allegation", "warning", "announcement", "denial", "report", "threat", "belief"}
)
RAISING = frozenset({"seem", "appear"})
PHYSICAL = frozenset({"strike", "shell", "bomb", "fire", "launch", "shoot", "kill"})
# "attacked Clinton" is speech in political news, "attacked the port with drones" is not
PHYSICAL_IF_PLACE = frozenset({"attack", "hit", "target", "blast"})


@dataclass
class Attribution:
    """Token spans ``[start, end)`` of one attribution in a ``Doc``."""

    cue: tuple[int, int]
    head: int
    source: tuple[int, int] | None = None
    contents: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0


def _trim(doc: Doc, start: int, end: int, keep_quotes: bool = False) -> tuple[int, int] | None:
    """Shrink ``[start, end)`` past edge whitespace and punctuation (quotation marks too unless kept)."""
    while start < end and (
        doc[start].is_space or doc[start].text in EDGE_PUNCT or (not keep_quotes and doc[start].text in QUOTES)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT or (not keep_quotes and doc[end - 1].text in QUOTES)
    ):
        end -= 1
    return (start, end) if end > start else None


def _subtree(t: Token) -> tuple[int, int]:
    return t.left_edge.i, t.right_edge.i + 1


def _source_span(doc: Doc, t: Token) -> tuple[int, int] | None:
    """The subtree of a source noun as annotators mark it: appositives and their closing comma kept,
    a trailing participle ("Trump, speaking to veterans,") and anything before a line break (datelines) left out.
    """
    start, end = _subtree(t)
    for c in t.children:
        if c.i > t.i and c.dep_ in ("acl", "advcl") and c.tag_ in ("VBG", "VBN") and doc[c.left_edge.i - 1].text == ",":
            end = min(end, c.left_edge.i - 1)
    for k in range(end - 2, start - 1, -1):  # a heading or dateline above the subject is no part of it
        if "\n" in doc[k].text_with_ws:
            start = k + 1
            break
    span = _trim(doc, start, end)
    if span is None:
        return None
    start, end = span
    if end < len(doc) and doc[end].text == ")" and any(doc[k].text == "(" for k in range(start, end)):
        end += 1
    if end < len(doc) and doc[end].text == "," and any(doc[k].text == "," for k in range(start, end)):
        end += 1  # "Jean Dupont, the foreign minister," keeps the comma that closes the appositive
    return start, end


def _find_source(t: Token) -> tuple[int, int] | None:
    """Who: subject, "according to X", agent of a passive, or the subject of the verb a participle hangs on."""
    doc = t.doc
    if t.lemma_.lower() == "accord":
        to = next((c for c in t.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return _source_span(doc, obj) if obj is not None else None
    node: Token | None = t
    for _ in range(5):  # "..., saying", "and added", "to tell", "after claiming": climb to a verb with a subject
        if node is None:
            break
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            if agent is not None:
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return _source_span(doc, obj)
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") or subj.lower_ in ("who", "which", "that"):
                # relative clause: annotators mark the pronoun; claims.py resolves it to the noun it modifies
                return (subj.i, subj.i + 1)
            return _source_span(doc, subj)
        if node.dep_ in ("advcl", "xcomp", "conj", "relcl", "acl", "pcomp", "prep") and node.head is not node:
            node = node.head if node.dep_ != "relcl" else None
            if node is not None and _reported_clause(t, node):
                node = node.head  # "X said that A happened, adding that ...": X adds, not A's subject
            if node is not None and t.dep_ in ("relcl", "acl") and node.pos_ in ("NOUN", "PROPN"):
                return _trim(doc, node.left_edge.i, node.i + 1)
            continue
        poss = next((c for c in node.children if c.dep_ == "poss"), None)
        if poss is not None and node.pos_ == "NOUN":  # "X's statement that ..."
            return _trim(doc, *_subtree(poss))
        break
    return None


def _absolute_with(comp: Token) -> bool:
    """ "with officials warning (that) the toll could rise": the parser may take it for the cue's complement."""
    doc = comp.doc
    first = comp.left_edge.i
    return doc[first].lower_ == "with" and any(doc[k].tag_ == "VBG" for k in range(first + 1, comp.i))


def _reported_clause(t: Token, node: Token) -> bool:
    """The parser hangs a speaker's trailing participle ("..., adding that", "..., saying") on the clause the
    speaker reported; that clause is the complement of a cue verb with a subject of its own, whose subject the
    participle belongs to."""
    head = node.head
    return (
        t.tag_ == "VBG"
        and t.dep_ == "advcl"
        and t.head.i == node.i
        and node.dep_ == "ccomp"
        and head.i != node.i
        and head.lemma_.lower() in load_model().lemmas
        and any(c.dep_ in ("nsubj", "csubj") for c in head.children)
    )


def _content_tokens(t: Token, cue: tuple[int, int], others: set[int], q: Quotes) -> list[tuple[int, int]]:
    """What was said: complement clause, or the clause around a parenthetical cue, as token spans."""
    doc = t.doc
    sent = t.sent
    comp = next((c for c in t.children if c.dep_ in COMPLEMENTS), None)
    if comp is not None and _absolute_with(comp):
        # "..., the army said, with officials warning that ...": an absolute clause of its own speakers, not
        # what the cue reports
        comp = None
    if comp is None and t.pos_ == "NOUN":
        comp = _that_clause(t)
    if t.lemma_.lower() == "accord":  # "according to X, CONTENT": the clause the phrase modifies
        root = t.head
        if root.dep_ == "conj" and root.head.i < t.i:  # "A and B, according to X" covers both conjuncts
            root = root.head
        return _clause_minus(root, {*range(*_subtree(t))}, q, cue)
    if comp is None and (doc[cue[1] - 1].text == ":" or (cue[1] < len(doc) and doc[cue[1]].text == ":")):
        after = cue[1] + (0 if doc[cue[1] - 1].text == ":" else 1)
        span = _trim(doc, after, sent.end, keep_quotes=True)
        if span is None and after < len(doc):  # "He said:" closing a paragraph: the next sentence is the content
            first = doc[after].sent
            span = _trim(doc, after, first.end, keep_quotes=True)
        return [extend_quotes(q, *span, cue)] if span else []
    if comp is None:
        # an object as content: "called X Y", "warned X to do Y", "questions about X" (preposition in the cue)
        obj = next((c for c in t.children if c.dep_ in ("dobj", "oprd") and c.i >= cue[1]), None)
        if obj is None:
            prep = next((c for c in t.children if c.dep_ == "prep" and cue[0] <= c.i < cue[1]), None)
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is not None:
            start, end = _subtree(obj)
            for c in t.children:
                if c.i <= obj.i or c.i < end - 1 and c.dep_ != "oprd":
                    continue
                if c.dep_ in OBJECT_COMPLEMENTS or (
                    c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and not any(g.ent_type_ == "DATE" for g in c.children)
                ):
                    end = max(end, c.right_edge.i + 1)
            span = _trim(doc, start, _cut_trailing_modifier(doc, start, end), keep_quotes=True)
            return [extend_quotes(q, *span, cue)] if span else []
        if (
            t.dep_ in ("parataxis", "ccomp", "advcl")
            and (t.i > t.head.i or t.dep_ == "parataxis")
            and t.head.sent == sent
        ):
            # "X, he said, Y" where the parser made "said" hang off the reported clause
            if t.dep_ == "advcl" and t.tag_ not in ("VBD", "VBZ", "VBP"):
                return []
            return _clause_minus(t.head, {*range(*_subtree(t))}, q, cue)
        dep = next((c for c in t.children if c.dep_ == "dep" and c.i < cue[0] and c.pos_ != "PUNCT"), None)
        if t.dep_ == "ROOT" and dep is not None and dep.right_edge.i - dep.left_edge.i >= 2:
            # "Language unclear on X, experts say": the parser leaves the reported clause unlabelled
            span = _trim(doc, *_subtree(dep), keep_quotes=True)
            return [extend_quotes(q, *span, cue)] if span else []
        left = next(
            (
                c
                for c in t.children
                if c.dep_ == "advcl"
                and c.i < cue[0]
                and any(g.dep_ in SUBJECTS for g in c.children)
                and not any(g.dep_ == "mark" for g in c.children)
            ),
            None,
        )
        if left is not None:  # "Workers were still clearing debris, the forces added": a misparsed report
            span = _trim(doc, *_subtree(left), keep_quotes=True)
            return [extend_quotes(q, *span, cue)] if span else []
        if t.dep_ == "ROOT" and _is_bare_tag(t, cue, sent):
            return _previous_quote(q, doc, sent.start)
        # “A,” said X. -> the quotation that ends right before the cue phrase
        subj = [c for c in t.children if c.dep_ in SUBJECTS]
        lo = min([cue[0], *(c.left_edge.i for c in subj)])
        return _previous_quote(q, doc, lo, skip=(",",))
    start, end = _subtree(comp)
    if comp.dep_ == "xcomp":  # "urged Trump to stop": the person urged is part of what was said
        obj = next((c for c in t.children if c.dep_ == "dobj" and cue[1] <= c.i < comp.i), None)
        if obj is None:  # "called on police to ...": the object of the cue's preposition
            prep = next((c for c in t.children if c.dep_ == "prep" and cue[0] <= c.i < cue[1]), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and obj.i < comp.i:
            start = obj.left_edge.i
    for c in t.children:
        # "said that A, and B": a second clause coordinated with the reported one, when it is no cue itself
        if c.dep_ == "conj" and c.i > end and c.i not in others and any(g.dep_ in SUBJECTS for g in c.children):
            if comp.i > cue[0]:
                end = max(end, c.right_edge.i + 1)
    for h in sorted(others):
        # another cue joined to the reported clause ("X promised Y and said Z") starts a claim of its own
        if (
            start < h < end
            and (doc[h].dep_ == "conj" or (doc[h].dep_ == "advcl" and doc[h].tag_ == "VBG"))
            and doc[h].left_edge.i > start
        ):
            end = min(end, doc[h].left_edge.i)
    end = _cut_trailing_modifier(doc, start, end, relative=False)  # a "which" clause after a that-clause stays
    span = _trim(doc, start, end, keep_quotes=True)
    while span and doc[span[1] - 1].dep_ == "cc":
        span = _trim(doc, span[0], span[1] - 1, keep_quotes=True)
    if span is None:
        return []
    start, end = extend_quotes(q, *span, cue)
    spans = [(start, end)]
    # a split quotation: “A,” he said, “B.” -> the part after the cue is a second content span
    later = [c for c in t.children if c.dep_ == "ccomp" and c is not comp and c.i > cue[1]]
    if later and start < cue[0]:
        s2 = _trim(doc, *_subtree(later[0]), keep_quotes=True)
        if s2:
            spans.append(extend_quotes(q, *s2, cue))
    elif end <= cue[0] and doc[start].text in OPEN_QUOTES and doc[end - 1].text in CLOSE_QUOTES:
        # “A,” he said. “B.” -> the quotation right after the cue's sentence goes on
        subj_tokens = {k for c in t.children if c.dep_ in SUBJECTS for k in range(*_subtree(c))}
        rest = [k for k in range(cue[1], sent.end) if not _punct(doc[k]) and k not in subj_tokens]
        if all(doc[k].dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "amod") for k in rest):
            last = sent.end - 1
            while last > cue[1] and doc[last].is_space:
                last -= 1
            # the parser often hangs the opening mark of the next quotation on the cue's sentence
            nxt = _next_quotation(q, doc, last if q.open_of[last] == last else sent.end)
            if nxt:
                spans.append(nxt)
    return spans


def _cut_trailing_modifier(doc: Doc, start: int, end: int, relative: bool = True) -> int:
    """Drop a comma-led participle (or, with ``relative``, a "which"/"who" clause) that ends the content."""
    for k in range(start + 2, end):
        m = doc[k]
        if m.right_edge.i + 1 < end or doc[m.left_edge.i - 1].text != "," or m.left_edge.i <= start + 1:
            continue
        if (m.dep_ in ("advcl", "acl") and m.tag_ in ("VBG", "VBN") and m.left_edge.i == m.i) or (
            relative and m.dep_ == "relcl" and doc[m.left_edge.i].lower_ in ("which", "who")
        ):
            return m.left_edge.i - 1
    return end


def _is_bare_tag(t: Token, cue: tuple[int, int], sent: Span) -> bool:
    """A sentence that is only "he said." / "she added." after a quotation."""
    rest = [k for k in range(sent.start, sent.end) if not (cue[0] <= k < cue[1]) and not _punct(sent.doc[k])]
    subj = {k for c in t.children if c.dep_ in SUBJECTS for k in range(*_subtree(c))}
    return all(k in subj or sent.doc[k].dep_ in ("npadvmod", "advmod", "prep", "pobj") for k in rest)


def _punct(tok: Token) -> bool:
    return tok.is_punct or tok.is_space


def _paragraph(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the paragraph (text between line breaks) holding token ``i``."""
    lo = i
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
        lo -= 1
    hi = i + 1
    while hi < len(doc) and "\n" not in doc[hi - 1].text_with_ws:
        hi += 1
    return lo, hi


def _clause_minus(root: Token, drop: set[int], q: Quotes, cue: tuple[int, int]) -> list[tuple[int, int]]:
    """The subtree of ``root`` without ``drop`` (the cue phrase), as trimmed contiguous spans."""
    doc = root.doc
    lo, hi = _subtree(root)
    p_lo, p_hi = _paragraph(doc, cue[0])  # a parse that runs across a paragraph break does not take content along
    lo, hi = max(lo, p_lo), min(hi, p_hi)
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for i in range(lo, hi + 1):
        if i < hi and i not in drop:
            if run_start is None:
                run_start = i
        elif run_start is not None:
            runs.append((run_start, i))
            run_start = None
    spans = []
    for n, r in enumerate(runs):
        s = _trim(doc, *r, keep_quotes=True)
        if s is not None and n == 0:
            # a sentence connective is the writer's, not the source's: "However, ...", "And ..."
            first = doc[s[0]]
            if first.dep_ == "cc" or (first.dep_ == "advmod" and s[0] + 1 < s[1] and doc[s[0] + 1].text == ","):
                s = _trim(doc, s[0] + 1, s[1], keep_quotes=True)
        if s is None or all(doc[k].text in QUOTES or doc[k].is_punct for k in range(*s)):
            continue
        spans.append(extend_quotes(q, *s, cue))
    return spans


def find_attributions(doc: Doc, model: CueModel | None = None, quotes: Quotes | None = None) -> list[Attribution]:
    """Every attribution in ``doc`` as token spans, in text order of the cue."""
    model = model or load_model()
    found: list[Attribution] = []
    q = quotes or Quotes(doc)
    for sent in sentences(doc):
        heads: list[tuple[Token, float]] = []
        for t in sent:
            if t.lemma_.lower() not in model.lemmas:
                continue
            if _physical(t):
                continue  # in war reports "attacked the port" is an event, not a verbal attack
            p = model.probability(cue_features(t, q.inside(t.i)))
            if p >= model.threshold or (
                p >= CORE_THRESHOLD and (t.lemma_.lower() in CORE_CUES or _nominal_cue(t) or _gerund_cue(t))
            ):
                heads.append((t, p))
        others = {t.i for t, _ in heads}
        for t, p in heads:
            cue = _cue_span(t, model)
            source = _find_source(t)
            raised = _raised_subject(t)
            if raised is not None:  # "X is expected to win": X and "to win" are the content, nobody speaks
                xcomp = next(c for c in t.children if c.dep_ == "xcomp")
                spans = [_trim(doc, *_subtree(raised)), _trim(doc, *_subtree(xcomp), keep_quotes=True)]
                contents = [x for x in spans if x is not None]
                source = None
            else:
                contents = _content_tokens(t, cue, others - {t.i}, q)
            if not contents:
                continue
            contents = _adjacent_quotations(q, doc, cue, source, contents)
            found.append(Attribution(cue=cue, head=t.i, source=source, contents=contents, score=p))
    return found


def _physical(t: Token) -> bool:
    """A verb of violence used physically: no reported clause, and (for "attack", "hit") a place or a weapon."""
    lem = t.lemma_.lower()
    if any(c.dep_ == "ccomp" for c in t.children):
        return False
    if lem in PHYSICAL:
        return True
    if lem not in PHYSICAL_IF_PLACE:
        return False
    for c in t.children:
        if c.dep_ == "dobj" and (
            c.ent_type_ in ("GPE", "LOC", "FAC") or any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.subtree)
        ):
            return True
        if c.dep_ == "prep" and c.lower_ == "with":
            return True
    return False


def _gerund_cue(t: Token) -> bool:
    """ "by saying ...", "began by telling ...": a speech verb as the object of a preposition."""
    return t.dep_ == "pcomp" and t.lemma_.lower() in ("say", "tell", "write", "add", "argue", "insist")


def _nominal_cue(t: Token) -> bool:
    """A reporting noun with a that-clause: "Trump's claim that ...", "the ministry's statement that ..."."""
    return t.pos_ == "NOUN" and t.lemma_.lower() in NOMINAL_CUES and _that_clause(t) is not None


def _that_clause(t: Token) -> Token | None:
    return next(
        (c for c in t.children if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children)), None
    )


def _raised_subject(t: Token) -> Token | None:
    """Subject of a passive or raising cue with an infinitive ("is expected to", "seems to"), without agent."""
    if not any(c.dep_ == "xcomp" and c.i > t.i for c in t.children) or any(c.dep_ == "agent" for c in t.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in t.children)
    subj = next((c for c in t.children if c.dep_ == ("nsubjpass" if passive else "nsubj")), None)
    if subj is None or (not passive and t.lemma_.lower() not in RAISING):
        return None
    return subj
