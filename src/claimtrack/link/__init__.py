"""Cross-article linking: ledger events from document events, provenance and corroboration."""

from claimtrack.link.linking import Linker, cluster, ledger_id
from claimtrack.link.pairs import Mention, mention_of, report_key, score
from claimtrack.link.provenance import Report, dossier, side_of, statements

__all__ = [
    "Linker",
    "Mention",
    "Report",
    "cluster",
    "dossier",
    "ledger_id",
    "mention_of",
    "report_key",
    "score",
    "side_of",
    "statements",
]
