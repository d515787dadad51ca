"""The live ledger: fetching pages, polling feeds and folders, remembering what was seen (``watch``)."""
