"""``feeds.toml``: the feeds and folders ``claimtrack watch`` follows, each with a name and an interval.

```toml
db = "claimtrack.db"          # optional; --db wins
[defaults]
interval = "15m"              # seconds, or 30s / 15m / 6h / 1d
timeout = 10                  # seconds per HTTP request
max_backoff = "1h"            # longest wait after repeated failures

[[feed]]
name = "harbor-wire"
url = "https://harbor.example/rss.xml"   # or: path = "feeds/harbor.xml"
fetch = true                  # read the linked page instead of the entry's own text

[[folder]]
name = "scraper-drop"
path = "incoming/"
interval = "30s"
```
Relative paths are read from the config file's folder.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(value: Any) -> float:
    """30, "30s", "15m", "6h", "1d" -> seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value))
    if not m:
        raise ValueError(f"not a duration: {value!r} (use seconds or 30s, 15m, 6h, 1d)")
    return float(m.group(1)) * _UNITS[m.group(2) or "s"]


Duration = Annotated[float, BeforeValidator(seconds), Field(gt=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Defaults(_Strict):
    interval: Duration = 900.0
    timeout: Duration = 10.0
    max_backoff: Duration = 3600.0
    max_bytes: int = Field(10 * 1024 * 1024, gt=0)


class FeedSource(_Strict):
    name: str
    url: str | None = None
    path: Path | None = None
    interval: Duration | None = None
    fetch: bool = False
    timeout: Duration | None = None

    @model_validator(mode="after")
    def _one_location(self) -> FeedSource:
        if (self.url is None) == (self.path is None):
            raise ValueError("give exactly one of 'url' or 'path'")
        return self

    @property
    def location(self) -> str:
        return self.url or str(self.path)


class FolderSource(_Strict):
    name: str
    path: Path
    interval: Duration | None = None


class LiveConfig(_Strict):
    db: str | None = None
    defaults: Defaults = Defaults()
    feed: list[FeedSource] = []
    folder: list[FolderSource] = []

    @model_validator(mode="after")
    def _unique_names(self) -> LiveConfig:
        names = [s.name for s in self.sources()]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"source names must be unique: {', '.join(dup)}")
        if not names:
            raise ValueError("no [[feed]] or [[folder]] sources")
        return self

    def sources(self) -> list[FeedSource | FolderSource]:
        return [*self.feed, *self.folder]

    def interval(self, src: FeedSource | FolderSource) -> float:
        return src.interval or self.defaults.interval


class ConfigError(Exception):
    pass


def load_config(path: Path) -> LiveConfig:
    """The config at ``path`` with relative paths resolved, or a ConfigError naming the file and the problem."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    try:
        cfg = LiveConfig.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "config"
        raise ConfigError(f"{path}: {where}: {first['msg']}") from None
    base = path.parent
    for f in cfg.feed:
        if f.path is not None and not f.path.is_absolute():
            f.path = base / f.path
    for d in cfg.folder:
        if not d.path.is_absolute():
            d.path = base / d.path
    if cfg.db and "://" not in cfg.db and not Path(cfg.db).is_absolute():
        cfg.db = str(base / cfg.db)
    return cfg
