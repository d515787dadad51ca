"""Views of results and of the ledger for people: terminal tables, dossiers, situation reports."""
