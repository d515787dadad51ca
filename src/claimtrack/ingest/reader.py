"""Dispatch paths to the right parser and turn every failure into a named, one-line error."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.feed import FEED_SUFFIXES, articles_from_feed, looks_like_feed
from claimtrack.ingest.html import article_from_html
from claimtrack.ingest.jsonl import articles_from_jsonl
from claimtrack.ingest.text import article_from_text
from claimtrack.models import Article

MAX_BYTES = 10 * 1024 * 1024
"""Largest single input read; bigger files are refused rather than exhausting memory in the parser."""

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


def content_hash(text: str) -> str:
    """Hash of the normalised content: the same article re-scraped with other spacing hashes the same."""
    norm = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _decode(raw: bytes, where: str) -> str | IngestError:
    if not raw.strip():
        return IngestError(where, "empty input")
    if b"\x00" in raw[:8192]:
        return IngestError(where, "binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestError(where, f"invalid UTF-8 at byte {exc.start}")


def _kind(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES or looks_like_feed(text):
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


def _read_one(raw: bytes, where: str, path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    if len(raw) > max_bytes:
        yield _too_large(where, len(raw), max_bytes)
        return
    text = _decode(raw, where)
    if isinstance(text, IngestError):
        yield text
        return
    kind = _kind(path, text)
    if kind == "feed":
        yield from articles_from_feed(raw, where)
    elif kind == "jsonl":
        yield from articles_from_jsonl(text, where)
    elif kind == "html":
        yield article_from_html(text, where)
    else:
        yield article_from_text(text, where)


def _expand(path_arg: str) -> Iterator[Path | IngestError]:
    path = Path(path_arg)
    if not path.exists():
        yield IngestError(path_arg, "no such file or directory")
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        if not files:
            yield IngestError(path_arg, "folder holds no files")
        yield from files
    else:
        yield path


def read_inputs(paths: list[str], max_bytes: int = MAX_BYTES) -> Iterator[Article | IngestError]:
    """Every document under ``paths`` ("-" is stdin), in order, as an Article or an IngestError."""
    for arg in paths:
        if arg == "-":
            yield from _read_one(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", Path("stdin"), max_bytes)
            continue
        for item in _expand(arg):
            if isinstance(item, IngestError):
                yield item
                continue
            where = str(item)
            try:
                size = item.stat().st_size
                if size > max_bytes:
                    yield _too_large(where, size, max_bytes)
                    continue
                raw = item.read_bytes()
            except OSError as exc:
                yield IngestError(where, f"cannot read: {exc.strerror or exc}")
                continue
            yield from _read_one(raw, where, item, max_bytes)
