"""Which figures an event may carry, and figures told in a sentence of their own."""

from __future__ import annotations

from spacy.tokens import Span

from claimtrack.extract.events.codes import ACLED
from claimtrack.extract.events.common import FAMILY, STRIKE_FAMILY, Draft
from claimtrack.extract.quantities import find_quantities

# figures each family may carry: an authorization does not own the missiles its sentence counts
_ROLES = {
    "strike": {"launched", "intercepted", "damaged", "hit", "missed", "killed", "injured", "destroyed"},
    "deployment": {"troops"}, "arms_transfer": {"delivered", "launched"}, "arrest": {"arrested"},
    "abduction": {"abducted", "killed", "injured"}, "protest": {"participants", "killed", "injured", "arrested"},
}  # fmt: skip
_VIOLENT_ROLES = {"killed", "injured", "destroyed", "damaged", "captured"}


def roles_for(fine: str) -> set[str]:
    fam = FAMILY.get(fine, fine)
    if fam in _ROLES:
        return _ROLES[fam]
    return _VIOLENT_ROLES if fine in ACLED and ACLED[fine] and fam not in ("agreement",) else set()


def orphan_figures(drafts: list[Draft], sents: list[Span]) -> None:
    """Figures in a sentence with no event of its own ("no casualties") belong to the strike told just before."""
    owned = {i for d in drafts for i in d.sents}
    for si, sent in enumerate(sents):
        if si in owned:
            continue
        prior = [d for d in drafts if d.type in STRIKE_FAMILY and any(0 < si - k <= 2 for k in d.sents)]
        if not prior:
            continue
        host = max(prior, key=lambda d: max(k for k in d.sents if k < si))
        roles = roles_for(host.type)
        seen = {(q.role, q.value, q.unit) for q in host.quantities}
        for q in find_quantities(sent):
            if q.role in roles and (q.role, q.value, q.unit) not in seen:
                host.quantities.append(q)
