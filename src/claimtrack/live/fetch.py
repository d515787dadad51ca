"""Fetching feeds and pages over HTTP: opt-in, with a timeout, a size limit and a named error for each failure.

Pages go through the same path as HTML files (``article_from_html``), so a fetched page and a saved one give
the same article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from claimtrack.ingest.errors import IngestError
from claimtrack.ingest.html import article_from_html
from claimtrack.models import Article

TIMEOUT = 10.0
MAX_BYTES = 10 * 1024 * 1024  # the file readers' limit: a page is refused rather than parsed in full
USER_AGENT = "claimtrack/0.1 (+https://claimtrack.invalid)"


@dataclass
class Fetched:
    body: bytes
    content_type: str
    not_modified: bool = False


@dataclass
class Fetcher:
    """One HTTP client for a run; remembers validators so an unchanged feed costs a 304, not a parse."""

    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    _client: httpx.Client | None = None
    _validators: dict[str, dict[str, str]] = field(default_factory=dict)

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str, conditional: bool = False) -> Fetched | IngestError:
        headers = dict(self._validators.get(url, {})) if conditional else {}
        try:
            with self.client().stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Fetched(b"", "", not_modified=True)
                if resp.status_code >= 400:
                    return IngestError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    return _too_large(url, int(declared), self.max_bytes)
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:  # no or a false Content-Length: stop reading at the limit
                        return _too_large(url, size, self.max_bytes)
                    chunks.append(chunk)
                if conditional:
                    kept = {
                        "If-None-Match": resp.headers.get("etag"),
                        "If-Modified-Since": resp.headers.get("last-modified"),
                    }
                    self._validators[url] = {k: v for k, v in kept.items() if v}
                return Fetched(b"".join(chunks), resp.headers.get("content-type", ""))
        except httpx.TimeoutException:
            return IngestError(url, f"timed out after {self.timeout:g} s")
        except httpx.InvalidURL as exc:
            return IngestError(url, f"invalid URL ({exc})")
        except httpx.HTTPError as exc:
            return IngestError(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")

    def page(self, url: str) -> Article | IngestError:
        """The article of a web page: its main text through trafilatura, or an error naming the URL."""
        got = self.get(url)
        if isinstance(got, IngestError):
            return got
        kind = got.content_type.split(";")[0].strip().lower()
        if kind and "html" not in kind and not kind.startswith("text/"):
            return IngestError(url, f"not an article page (content type {kind})")
        try:
            html = got.body.decode("utf-8")
        except UnicodeDecodeError:
            html = got.body.decode("latin-1")  # trafilatura re-reads the declared charset from the markup
        art = article_from_html(html, url, url=url)
        if isinstance(art, IngestError):
            return IngestError(url, f"not an article page ({art.problem})")
        return art.model_copy(update={"id": url, "source_path": url})


def _too_large(url: str, size: int, limit: int) -> IngestError:
    return IngestError(url, f"page too large (over {limit / 1e6:.0f} MB limit, {size / 1e6:.1f} MB read)")
