"""The live ledger: fetching pages, polling feeds and folders, remembering what was seen (``watch``)."""


def is_url(arg: str) -> bool:
    """Whether an input argument names a web address rather than a path (light: no HTTP client imported)."""
    return arg.startswith(("http://", "https://"))
