"""Feed formats, the feeds.toml config, back-off and the change-log contract: no model, no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.ingest import IngestError, read_inputs
from claimtrack.ingest.feed import Feed, day_of, entry_article, html_text, looks_like_feed, parse_feed
from claimtrack.live.config import ConfigError, load_config, seconds
from claimtrack.live.poll import is_temp_name
from claimtrack.live.watch import backoff
from claimtrack.models import Article
from claimtrack.schema import generate_changes, load_changes
from tests.conftest import ROOT
from tests.live_server import atom, items, json_feed, rss

BASE = "https://harbor-ledger.example"


def _feed(raw: bytes) -> Feed:
    got = parse_feed(raw, "test-feed")
    assert isinstance(got, Feed), got
    return got


@pytest.mark.parametrize("make", [rss, atom, json_feed], ids=["rss20", "atom10", "jsonfeed"])
def test_every_format_maps_to_the_same_entries(make) -> None:  # type: ignore[no-untyped-def]
    src = items(BASE, "hl", 0, 3)
    feed = _feed(make("Harbor Ledger", src))
    assert [e.link for e in feed.entries] == [i.link for i in src]
    assert [e.title for e in feed.entries] == [i.title for i in src]
    assert [e.text for e in feed.entries] == [i.text for i in src]  # markup gone, text exact
    assert {e.publisher for e in feed.entries} == {"Harbor Ledger"}
    # 21:30 at UTC-5 is the 10th where it was written (the 11th in UTC): the feed's own day is kept
    assert {e.published for e in feed.entries} == {"2025-06-10"}
    assert len({e.key for e in feed.entries}) == 3


def test_rss_1_0_and_0_91_are_read_too() -> None:
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://river-post.example/"><title>River Post</title><link>https://river-post.example/</link>
      <description>x</description></channel>
      <item rdf:about="https://river-post.example/a1"><title>Bridge closed</title>
      <link>https://river-post.example/a1</link><dc:date>2025-03-02T08:00:00+02:00</dc:date>
      <description>Engineers closed the river bridge on Sunday after a drone hit its eastern span.</description></item>
      </rdf:RDF>"""
    feed = _feed(rdf)
    assert feed.kind == "rss10"
    (e,) = feed.entries
    assert (e.key, e.published, e.publisher) == ("https://river-post.example/a1", "2025-03-02", "River Post")
    old = b"""<rss version="0.91"><channel><title>Valley Bulletin</title><link>https://valley.example/</link>
      <description>x</description><item><title>Curfew extended</title><link>https://valley.example/c</link>
      <description>The city council extended the night curfew by another week on Friday.</description></item>
      </channel></rss>"""
    feed = _feed(old)
    assert feed.kind == "rss091u" and feed.entries[0].key == "https://valley.example/c"


def test_malformed_xml_and_non_feeds_are_named_errors() -> None:
    broken = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T & U</title></channel></rss>'
    got = parse_feed(broken, "bad.xml")
    assert isinstance(got, IngestError) and "malformed feed XML at line 1" in str(got)
    got = parse_feed(b"<html><body><p>Just a page.</p></body></html>", "page.html")
    assert isinstance(got, IngestError) and "not an RSS, Atom or JSON feed" in got.problem
    got = parse_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "cut.json")
    assert isinstance(got, IngestError) and "malformed JSON feed" in got.problem


def test_entry_without_text_asks_for_fetch_and_publisher_falls_back_to_the_domain() -> None:
    raw = rss("", [items(BASE, "x", 0, 1)[0]]).replace(b"<title></title>", b"")
    (e,) = _feed(raw).entries
    art = entry_article(e, "f.xml")
    assert isinstance(art, Article) and art.publisher == "harbor-ledger.example"
    short = entry_article(e, "f.xml", text="Read more here")
    assert isinstance(short, IngestError) and "use --fetch" in short.problem
    # the outlet table maps a known domain to its outlet name
    known = entry_article(e.__class__(**{**e.__dict__, "link": "https://www.reuters.com/x"}), "f.xml")
    assert isinstance(known, Article) and known.publisher == "Reuters"


def test_dates_keep_their_own_offset_and_html_keeps_paragraphs() -> None:
    assert day_of("Sun, 01 Jun 2025 23:59:00 +0300") == "2025-06-01"
    assert day_of("2025-06-01T01:00:00Z") == "2025-06-01"
    assert day_of("not a date") is None
    assert html_text("<p>One line.</p><p>Two <b>bold</b> words.</p>") == "One line.\nTwo bold words."
    assert looks_like_feed('<?xml version="1.0"?>\n<rss version="2.0">') and not looks_like_feed("<html><body>")


def test_a_feed_file_among_plain_inputs_gives_its_entries_not_its_tags() -> None:
    got = list(read_inputs([str(ROOT / "examples" / "feeds" / "desk.rss")]))
    assert len(got) == 5 and all(isinstance(a, Article) for a in got)
    arts = [a for a in got if isinstance(a, Article)]
    assert not any("<" in a.text or "&lt;" in a.text for a in arts)
    assert arts[0].publisher == "Northgate Wire" and arts[0].published == "2025-06-11"
    assert arts[0].url == "https://northgate-wire.example/2025/06/11/poltava-depot"


def test_config_reads_sources_and_names_bad_input(tmp_path: Path) -> None:
    cfg_path = tmp_path / "feeds.toml"
    cfg_path.write_text(
        'db = "l.db"\n[defaults]\ninterval = "15m"\n'
        '[[feed]]\nname = "a"\nurl = "https://a.example/rss"\ninterval = 30\nfetch = true\n'
        '[[feed]]\nname = "b"\npath = "b.xml"\n'
        '[[folder]]\nname = "drop"\npath = "incoming"\ninterval = "2s"\n'
    )
    cfg = load_config(cfg_path)
    assert [cfg.interval(s) for s in cfg.sources()] == [30.0, 900.0, 2.0]
    assert cfg.feed[1].path == tmp_path / "b.xml" and cfg.db == str(tmp_path / "l.db")
    assert seconds("6h") == 21600 and seconds(1.5) == 1.5
    for text, problem in (
        ('[[feed]]\nname = "a"\n', "exactly one of 'url' or 'path'"),
        ('[[feed]]\nname = "a"\npath = "x"\n[[folder]]\nname = "a"\npath = "y"\n', "unique: a"),
        ('[[feed]]\nname = "a"\npath = "x"\ninterval = "soon"\n', "not a duration"),
        ("[[feed]\n", "not valid TOML"),
        ("", "no [[feed]] or [[folder]] sources"),
    ):
        cfg_path.write_text(text)
        with pytest.raises(ConfigError, match="feeds.toml") as info:
            load_config(cfg_path)
        assert problem in str(info.value)


def test_backoff_doubles_per_failure_up_to_the_cap() -> None:
    assert [backoff(60, n, 3600) for n in range(8)] == [60, 60, 120, 240, 480, 960, 1920, 3600]
    assert backoff(7200, 3, 3600) == 7200  # never shorter than the plain interval


def test_temp_and_partial_names_are_not_read() -> None:
    for name in ("a.txt.part", ".a.txt.swp", "~a.txt", "a.txt~", "a.html.crdownload", ".hidden"):
        assert is_temp_name(Path(name)), name
    for name in ("a.txt", "part.txt", "report.html"):
        assert not is_temp_name(Path(name)), name


def test_changes_schema_is_committed() -> None:
    assert load_changes() == generate_changes(), "run `make schema` and commit src/claimtrack/schema/"
