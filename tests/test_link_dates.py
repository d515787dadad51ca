"""Issue 11: linking that tolerates what extraction gets wrong about dates and actors.

Hand-written contract objects; each rule has two cases it must cover and a near-miss it must not.
"""

from __future__ import annotations

from claimtrack.link.pairs import THRESHOLD, score
from tests.test_link import TOWN_A, ev, m

CIV_UA, CIV_RU = "Civilians (Ukraine)", "Civilians (Russia)"


def test_a_day_off_by_one_links_when_the_later_report_is_dated_by_its_publication() -> None:
    # "Saturday's strike" told on Sunday by one outlet, dated Sunday by another that fell back on its own date
    told_later = m(ev(date="2025-05-10", where=None, tgt="Civilians", weapons=()), "a", published="2025-05-11")
    by_publication = m(ev(date="2025-05-11", tgt=CIV_UA, weapons=()), "b", published="2025-05-11")
    assert (score(told_later, by_publication) or 0) >= THRESHOLD
    shelled = m(
        ev(type="shelling", date="2025-06-02", where=None, weapons=(), q=(("killed", 4, None),)), "c", "2025-06-03"
    )
    dated_by_paper = m(ev(type="shelling", date="2025-06-03", weapons=()), "d", published="2025-06-03")
    assert (score(shelled, dated_by_paper) or 0) >= THRESHOLD
    # near-miss: two explicit dates a day apart, neither the publication day, add nothing
    explicit = m(ev(date="2025-05-11", tgt=CIV_RU, weapons=()), "e", published="2025-05-14")
    assert (
        score(m(ev(date="2025-05-10", where=None, tgt=CIV_UA, weapons=()), "f", "2025-05-12"), explicit) or 0
    ) < THRESHOLD


def test_a_group_named_with_and_without_its_country_is_one_target() -> None:
    bare = m(ev(where=None, tgt="Civilians", weapons=()), "a", published="2025-04-03")
    full = m(ev(where=None, tgt=CIV_UA, weapons=()), "b", published="2025-04-03")
    assert (score(bare, full) or 0) >= THRESHOLD
    protesters = m(ev(type="protest", where=None, ini="Protesters", weapons=()), "c", published="2025-04-03")
    protesters_ke = m(ev(type="protest", where=None, ini="Protesters (Kenya)", weapons=()), "d", published="2025-04-03")
    assert (score(protesters, protesters_ke) or 0) >= THRESHOLD
    # near-miss: the same group in two countries is two targets
    other = m(ev(where=None, tgt=CIV_RU, weapons=()), "e", published="2025-04-03")
    assert (score(full, other) or 0) < (score(bare, full) or 0)


def test_two_reports_dated_only_by_their_publication_day_need_more_than_the_group() -> None:
    a = m(ev(type="suicide_bombing", date="2025-08-03", where=None, ini="al-Shabab", weapons=()), "a", "2025-08-03")
    b = m(ev(type="explosive_attack", date="2025-08-03", where=None, ini="al-Shabab", weapons=()), "b", "2025-08-03")
    assert (score(a, b) or 0) < THRESHOLD
    c = m(ev(type="shelling", date="2025-08-03", where=None, weapons=()), "c", "2025-08-03")
    d = m(ev(type="missile_strike", date="2025-08-03", where=None, weapons=()), "d", "2025-08-03")
    assert (score(c, d) or 0) < THRESHOLD
    # near-miss: a date the text gives (the reports came out the next day) still counts in full
    e = m(ev(type="suicide_bombing", date="2025-08-03", where=None, ini="al-Shabab", weapons=()), "e", "2025-08-04")
    f = m(ev(type="explosive_attack", date="2025-08-03", where=None, ini="al-Shabab", weapons=()), "f", "2025-08-04")
    assert (score(e, f) or 0) >= THRESHOLD
    assert TOWN_A.admin1  # the helpers' place is a precise one
