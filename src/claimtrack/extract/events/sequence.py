"""Incidents told apart in time, one rule over one word table (``report_words.json`` ``sequence``).

A sentence that opens with a sequencing time phrase ("Hours later, ...", "Meanwhile, ...") against another that
opens with a different time phrase, or a strike told as coming later the same day ("... struck the depot hours
later"), tells an incident of its own however alike the two are worded: neither merges into, nor is the toll of,
the incident told before it.
"""

from __future__ import annotations

from spacy.tokens import Span

from claimtrack.extract.events.common import REPORT_WORDS, STRIKE_FAMILY, Draft

SEQUENCE = REPORT_WORDS["sequence"]
# a phrase of several words dates the act itself wherever it stands; a lone word only in the opening time phrase
_DATING = tuple(sorted(p for p in SEQUENCE if " " in p))


def time_frame(sent: Span) -> str:
    """The time phrase a sentence opens with, up to its comma ("Hours later,", "On Monday night,"), lowercased."""
    for k in range(sent.start, min(sent.start + 6, sent.end)):
        t = sent.doc[k]
        if t.text == ",":
            head = sent.doc[sent.start : k]
            timed = any(w.ent_type_ in ("DATE", "TIME") or w.lower_ in SEQUENCE for w in head)
            return head.text.lower() if timed else ""
    return ""


def told_later(fine: str, sent: Span) -> bool:
    """A strike its sentence dates to later the same day than another ("hours later, missiles hit ...")."""
    if fine not in STRIKE_FAMILY:
        return False
    low = " ".join(sent.text.lower().split())
    return any(p in low for p in _DATING)


def told_apart(a: Draft, b: Draft) -> bool:
    """The two drafts tell two incidents in time: the one told second is a strike told as later the same day, or
    both sentences open with different time phrases, one of them sequencing ("Hours later, missiles hit X. ...
    During the night, missiles struck Y")."""
    second = b if b.sent_index >= a.sent_index else a
    if second.sequel:
        return True  # a follow-up of the later strike itself ("The blast set fire to ...") still joins it
    if not (a.time_frame and b.time_frame) or a.time_frame == b.time_frame:
        return False
    return any(w in SEQUENCE for f in (a.time_frame, b.time_frame) for w in f.split())
