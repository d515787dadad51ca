"""Dispatch paths to the right parser and turn every failure into a named, one-line error.

Files are opened without blocking and read through a hard byte cap: the size the file system reports is
not trusted (``/proc`` files say 0, devices say 0 and never end), and anything but a regular file (a FIFO,
a device, a socket) is refused before it is read, so no input can hang or exhaust a run.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.jsonl import articles_from_jsonl
from claimtrack.ingest.normalise import DecodeError, clean_text, decode
from claimtrack.ingest.text import article_from_text
from claimtrack.models import Article

MAX_BYTES = 10 * 1024 * 1024
"""Largest single input read; bigger files are refused rather than exhausting memory in the parser."""

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
_KINDS = {
    stat.S_ISFIFO: "a named pipe (FIFO)",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
    stat.S_ISSOCK: "a socket",
}


def content_hash(text: str) -> str:
    """Hash of the normalised content: the same article re-scraped with other spacing hashes the same."""
    norm = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()


_FEED = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.I)


def _is_feed(text: str) -> bool:
    """An RSS or Atom document: its root element, after an optional XML declaration and comments."""
    head = text.lstrip()[:2000]
    if not head.startswith("<"):
        return False
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :]
    head = re.sub(r"<!--.*?-->|<\?.*?\?>", "", head, flags=re.S).lstrip()
    return bool(_FEED.match(head))


def _kind(path: Path, text: str) -> str:
    if _is_feed(text):
        return "feed"
    suffix = path.suffix.lower()
    if suffix in {".rss", ".atom", ".rdf"}:  # ingest.feed.FEED_SUFFIXES, not imported: it loads lxml
        return "feed"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("{") and suffix != ".txt":
        return "jsonl"
    return "text"


def _too_large(where: str, size: int, limit: int) -> IngestError:
    return IngestError(where, f"file too large ({size / 1e6:.1f} MB > {limit / 1e6:.0f} MB limit)")


def read_bytes(raw: bytes, where: str, name: str = "", max_bytes: int = MAX_BYTES) -> Iterator[Article | IngestError]:
    """The documents in ``raw`` (the content of the input ``where``; ``name`` gives the suffix that picks
    the parser), each an ``Article`` or an ``IngestError``."""
    if len(raw) > max_bytes:
        yield _too_large(where, len(raw), max_bytes)
        return
    if not raw.strip():
        yield IngestError(where, "empty input")
        return
    try:
        text, _encoding = decode(raw)
    except DecodeError as exc:
        yield IngestError(where, str(exc))
        return
    text = clean_text(text)
    if not text.strip():
        yield IngestError(where, "empty input")
        return
    kind = _kind(Path(name or where), text)
    if kind == "feed":  # its entries, never its tags; `claimtrack feed` also remembers what it has seen
        from claimtrack.ingest.feed import articles_from_feed  # lxml and feedparser: loaded for feeds only

        yield from articles_from_feed(raw, where)
    elif kind == "jsonl":
        yield from articles_from_jsonl(text, where)
    elif kind == "html":
        from claimtrack.ingest.html import article_from_html  # trafilatura: loaded for HTML only

        yield article_from_html(text, where)
    else:
        yield article_from_text(text, where)


def read_capped(path: Path, max_bytes: int = MAX_BYTES) -> bytes | IngestError:
    """At most ``max_bytes + 1`` bytes of a regular file; other kinds of file are refused unopened."""
    where = str(path)
    try:
        st = os.stat(path)
        for test, what in _KINDS.items():
            if test(st.st_mode):
                return IngestError(where, f"not a regular file: {what}")
        if st.st_size > max_bytes:  # a size that says too large is believed; one that says small is not
            return _too_large(where, st.st_size, max_bytes)
        # O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return IngestError(where, "not a regular file")
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        return IngestError(where, f"cannot read: {exc.strerror or exc}")
    if len(raw) > max_bytes:
        size = max(st.st_size, len(raw))
        return _too_large(where, size, max_bytes)
    return raw


def _expand(path_arg: str) -> Iterator[Path | IngestError]:
    path = Path(path_arg)
    if not path.exists():
        yield IngestError(path_arg, "no such file or directory")
    elif path.is_dir():
        problems: list[OSError] = []
        found = False
        # os.walk with onerror: Path.rglob skips a folder it cannot read without a word
        for top, dirs, files in os.walk(path, onerror=problems.append):
            while problems:
                exc = problems.pop(0)
                yield IngestError(str(exc.filename or top), f"cannot read folder: {exc.strerror or exc}")
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    found = True
                    yield Path(top) / name
        for exc in problems:
            yield IngestError(str(exc.filename or path), f"cannot read folder: {exc.strerror or exc}")
        if not found and not problems:
            yield IngestError(path_arg, "folder holds no files")
    else:
        yield path


def read_inputs(paths: list[str], max_bytes: int = MAX_BYTES) -> Iterator[Article | IngestError]:
    """Every document under ``paths`` ("-" is stdin), in order, as an Article or an IngestError.

    A generator all the way down: one file is in memory at a time, so callers can stream a corpus.
    """
    for arg in paths:
        if arg == "-":
            yield from read_bytes(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", "stdin", max_bytes)
            continue
        for item in _expand(arg):
            if isinstance(item, IngestError):
                yield item
                continue
            raw = read_capped(item, max_bytes)
            if isinstance(raw, IngestError):
                yield raw
                continue
            yield from _guarded(raw, str(item), max_bytes)


def _guarded(raw: bytes, where: str, max_bytes: int) -> Iterator[Article | IngestError]:
    """``read_bytes``, with any parser failure we did not foresee turned into this input's error."""
    try:
        yield from read_bytes(raw, where, where, max_bytes)
    except Exception as exc:  # a library bug on one input must not end the batch
        yield IngestError(where, f"could not be read ({type(exc).__name__}: {exc})")
