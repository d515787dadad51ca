"""Canonical names and kinds shared by claims and events."""

from __future__ import annotations

import pytest

from claimtrack.extract.entities import canonical_entity, country_of


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Moscow", ("Russia", "state")),
        ("the Kremlin", ("Russia", "government")),
        ("Kyiv", ("Ukraine", "state")),
        ("the Pentagon", ("Department of Defense of the United States", "military")),
        ("the Russian Ministry of Defense", ("Ministry of Defence of Russia", "military")),
        ("Ukraine's defence ministry", ("Ministry of Defence of Ukraine", "military")),
        ("Fox news", ("Fox News", "outlet")),
        ("Le Figaro", ("Le Figaro", "outlet")),
        ("NATO", ("NATO", "organization")),
        ("Putin", ("Vladimir Putin", "official")),
        ("Zelenskyy", ("Volodymyr Zelensky", "official")),
        ("the IDF", ("Israel Defense Forces", "military")),
        ("Ukraine's General Staff", ("General Staff of Ukraine", "military")),
        ("the Polish foreign ministry", ("Ministry of Foreign Affairs of Poland", "government")),
        ("Germany", ("Germany", "state")),
        ("the moon committee", (None, "unknown")),
    ],
)
def test_canonical_entity(mention: str, expected: tuple[str | None, str]) -> None:
    assert canonical_entity(mention) == expected


def test_country_of_names_demonyms_and_capitals() -> None:
    assert country_of("French") == "France"
    assert country_of("Pyongyang") == "North Korea"
    assert country_of("the United Kingdom") == "United Kingdom"
    assert country_of("Fox News") is None


def test_iso_codes_only_when_written_as_codes() -> None:
    assert country_of("DE") == "Germany"
    assert country_of("it") is None  # the pronoun, not Italy
    assert canonical_entity("in") == (None, "unknown")
