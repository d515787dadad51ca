"""claimtrack: a source-attributed event ledger from conflict news."""

__version__ = "0.1.0"
