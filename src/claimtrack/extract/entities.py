"""Canonical names and kinds for actors and sources ("Moscow" -> Russia, "the Kremlin" -> Russia).

Shared by claims (source.entity) and events (initiator/target). A curated alias table, because
no offline entity linker for these names exists; pycountry covers the country names.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from claimtrack.models import SourceKind

# alias (lower case) -> (canonical entity, kind)
_ALIASES: dict[str, tuple[str, SourceKind]] = {
    "moscow": ("Russia", "state"),
    "the kremlin": ("Russia", "government"),
    "kremlin": ("Russia", "government"),
    "russia": ("Russia", "state"),
    "russian federation": ("Russia", "state"),
    "russian": ("Russia", "state"),
    "russians": ("Russia", "state"),
    "kyiv": ("Ukraine", "state"),
    "kiev": ("Ukraine", "state"),
    "ukraine": ("Ukraine", "state"),
    "ukrainian": ("Ukraine", "state"),
    "ukrainians": ("Ukraine", "state"),
    "washington": ("United States", "state"),
    "us": ("United States", "state"),
    "u.s.": ("United States", "state"),
    "usa": ("United States", "state"),
    "united states": ("United States", "state"),
    "america": ("United States", "state"),
    "american": ("United States", "state"),
    "the white house": ("United States", "government"),
    "white house": ("United States", "government"),
    "the pentagon": ("Department of Defense of the United States", "military"),
    "pentagon": ("Department of Defense of the United States", "military"),
    "pyongyang": ("North Korea", "state"),
    "north korea": ("North Korea", "state"),
    "north korean": ("North Korea", "state"),
    "paris": ("France", "state"),
    "france": ("France", "state"),
    "french": ("France", "state"),
    "london": ("United Kingdom", "state"),
    "britain": ("United Kingdom", "state"),
    "great britain": ("United Kingdom", "state"),
    "uk": ("United Kingdom", "state"),
    "u.k.": ("United Kingdom", "state"),
    "united kingdom": ("United Kingdom", "state"),
    "british": ("United Kingdom", "state"),
    "beijing": ("China", "state"),
    "chinese": ("China", "state"),
    "tehran": ("Iran", "state"),
    "iranian": ("Iran", "state"),
    "minsk": ("Belarus", "state"),
    "belarusian": ("Belarus", "state"),
    "nato": ("NATO", "organization"),
    "the united nations": ("United Nations", "organization"),
    "united nations": ("United Nations", "organization"),
    "un": ("United Nations", "organization"),
    "u.n.": ("United Nations", "organization"),
    "fox": ("Fox News", "outlet"),
    "fox news": ("Fox News", "outlet"),
    "news.az": ("News.az", "outlet"),
    "reuters": ("Reuters", "outlet"),
    "tass": ("TASS", "outlet"),
    "ria novosti": ("RIA Novosti", "outlet"),
    "interfax": ("Interfax", "outlet"),
    "le figaro": ("Le Figaro", "outlet"),
    "the associated press": ("Associated Press", "outlet"),
    "associated press": ("Associated Press", "outlet"),
    "ap": ("Associated Press", "outlet"),
    "afp": ("Agence France-Presse", "outlet"),
    "bbc": ("BBC", "outlet"),
    "cnn": ("CNN", "outlet"),
    "ukrinform": ("Ukrinform", "outlet"),
    "politico": ("Politico", "outlet"),
    "the new york times": ("The New York Times", "outlet"),
    "new york times": ("The New York Times", "outlet"),
    "the washington post": ("The Washington Post", "outlet"),
    "washington post": ("The Washington Post", "outlet"),
    "the wall street journal": ("The Wall Street Journal", "outlet"),
    "wall street journal": ("The Wall Street Journal", "outlet"),
    "al jazeera": ("Al Jazeera", "outlet"),
    "kyiv independent": ("The Kyiv Independent", "outlet"),
    "the kyiv independent": ("The Kyiv Independent", "outlet"),
    "rt": ("RT", "outlet"),
    "sky news": ("Sky News", "outlet"),
    "cbs": ("CBS News", "outlet"),
    "nbc": ("NBC News", "outlet"),
    "abc": ("ABC News", "outlet"),
    "bloomberg": ("Bloomberg", "outlet"),
    "the guardian": ("The Guardian", "outlet"),
    "der spiegel": ("Der Spiegel", "outlet"),
    "the kremlin press service": ("Russia", "government"),
    "the foreign ministry": ("Ministry of Foreign Affairs", "government"),
    "the general staff": ("General Staff", "military"),
    "the state department": ("Department of State of the United States", "government"),
    "state department": ("Department of State of the United States", "government"),
    "hamas": ("Hamas", "organization"),
    "hezbollah": ("Hezbollah", "organization"),
    "the houthis": ("Houthis", "organization"),
    "houthis": ("Houthis", "organization"),
    "the idf": ("Israel Defense Forces", "military"),
    "idf": ("Israel Defense Forces", "military"),
    "israel defense forces": ("Israel Defense Forces", "military"),
    "the eu": ("European Union", "organization"),
    "eu": ("European Union", "organization"),
    "european union": ("European Union", "organization"),
    "the european union": ("European Union", "organization"),
    "iaea": ("International Atomic Energy Agency", "organization"),
    # people conflict reports name by surname alone
    "putin": ("Vladimir Putin", "official"),
    "vladimir putin": ("Vladimir Putin", "official"),
    "zelensky": ("Volodymyr Zelensky", "official"),
    "zelenskyy": ("Volodymyr Zelensky", "official"),
    "volodymyr zelensky": ("Volodymyr Zelensky", "official"),
    "volodymyr zelenskyy": ("Volodymyr Zelensky", "official"),
    "biden": ("Joe Biden", "official"),
    "joe biden": ("Joe Biden", "official"),
    "trump": ("Donald Trump", "official"),
    "obama": ("Barack Obama", "official"),
    "barack obama": ("Barack Obama", "official"),
    "donald trump": ("Donald Trump", "official"),
    "peskov": ("Dmitry Peskov", "official"),
    "dmitry peskov": ("Dmitry Peskov", "official"),
    "lavrov": ("Sergei Lavrov", "official"),
    "sergei lavrov": ("Sergei Lavrov", "official"),
    "zakharova": ("Maria Zakharova", "official"),
    "maria zakharova": ("Maria Zakharova", "official"),
    "macron": ("Emmanuel Macron", "official"),
    "emmanuel macron": ("Emmanuel Macron", "official"),
    "netanyahu": ("Benjamin Netanyahu", "official"),
    "benjamin netanyahu": ("Benjamin Netanyahu", "official"),
    "erdogan": ("Recep Tayyip Erdogan", "official"),
    "kim jong un": ("Kim Jong Un", "official"),
    "lukashenko": ("Alexander Lukashenko", "official"),
    "alexander lukashenko": ("Alexander Lukashenko", "official"),
}

# demonyms pycountry does not know: "the Polish foreign ministry" -> Poland
_DEMONYMS = {
    "polish": "Poland",
    "german": "Germany",
    "israeli": "Israel",
    "turkish": "Türkiye",
    "georgian": "Georgia",
    "azerbaijani": "Azerbaijan",
    "armenian": "Armenia",
    "moldovan": "Moldova",
    "lithuanian": "Lithuania",
    "latvian": "Latvia",
    "estonian": "Estonia",
    "finnish": "Finland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "italian": "Italy",
    "spanish": "Spain",
    "japanese": "Japan",
    "south korean": "South Korea",
    "indian": "India",
    "pakistani": "Pakistan",
    "syrian": "Syria",
    "lebanese": "Lebanon",
    "iraqi": "Iraq",
    "saudi": "Saudi Arabia",
    "qatari": "Qatar",
    "egyptian": "Egypt",
    "sudanese": "Sudan",
    "yemeni": "Yemen",
    "palestinian": "Palestine",
    "hungarian": "Hungary",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "slovak": "Slovakia",
    "czech": "Czechia",
    "austrian": "Austria",
    "swiss": "Switzerland",
    "canadian": "Canada",
    "australian": "Australia",
    "afghan": "Afghanistan",
    "kazakh": "Kazakhstan",
    "libyan": "Libya",
    "ethiopian": "Ethiopia",
    "somali": "Somalia",
    "nigerian": "Nigeria",
    "malian": "Mali",
    "congolese": "Congo",
}
_DEMONYMS.update({"turkey": "Türkiye", "ankara": "Türkiye", "palestine": "Palestine", "gaza": "Palestine"})
for _demonym, _country in _DEMONYMS.items():
    _ALIASES.setdefault(_demonym, (_country, "state"))

_MINISTRY = re.compile(
    r"^(?:the\s+)?(?P<country>\w[\w .]*?)?\s*(?:'s\s+)?(?:ministry of defen[cs]e|defen[cs]e ministry)"
    r"(?:\s+of\s+(?P<country2>[\w .]+))?$",
    re.I,
)


_AREAS = {
    "foreign": "Foreign Affairs",
    "foreign affairs": "Foreign Affairs",
    "interior": "Internal Affairs",
    "internal affairs": "Internal Affairs",
    "health": "Health",
    "emergency": "Emergency Situations",
    "emergencies": "Emergency Situations",
    "emergency situations": "Emergency Situations",
    "justice": "Justice",
    "finance": "Finance",
    "energy": "Energy",
}
_OTHER_MINISTRY = re.compile(
    r"^(?:the\s+)?(?P<country>\w[\w .]*?)?\s*(?:'s\s+)?"
    r"(?:(?P<area>foreign|interior|health|emergency|emergencies|justice|finance|energy)\s+ministry"
    r"|ministry\s+(?:of|for)\s+(?P<area2>foreign affairs|internal affairs|health|emergency situations|emergencies"
    r"|justice|finance|energy|the interior))(?:\s+of\s+(?P<country2>[\w .]+))?$",
    re.I,
)


_BODIES: dict[str, tuple[str, SourceKind]] = {
    "general staff": ("General Staff", "military"),
    "air force": ("Air Force", "military"),
    "army": ("Army", "military"),
    "navy": ("Navy", "military"),
    "armed forces": ("Armed Forces", "military"),
    "defence forces": ("Defence Forces", "military"),
    "defense forces": ("Defence Forces", "military"),
    "border guard service": ("Border Guard Service", "military"),
    "border guard": ("Border Guard Service", "military"),
    "national guard": ("National Guard", "military"),
    "security service": ("Security Service", "government"),
    "presidential office": ("Office of the President", "government"),
    "government": ("Government", "government"),
    "parliament": ("Parliament", "government"),
    "prosecutor general's office": ("Office of the Prosecutor General", "government"),
}
_BODY = re.compile(
    r"^(?:the\s+)?(?P<country>\w[\w .]*?)(?:\s*'s|’s)?\s+(?P<body>" + "|".join(map(re.escape, _BODIES)) + r")"
    r"(?:\s+of\s+(?P<country2>[\w .]+))?$",
    re.I,
)


@lru_cache(maxsize=4096)
def country_of(name: str) -> str | None:
    """Canonical country for a country name, capital or demonym; None if it is not one."""
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    hit = _ALIASES.get(key)
    if hit and hit[1] in ("state", "government"):
        return hit[0]
    names, codes = _country_index()
    if key in names:
        return names[key]
    # ISO codes only when written as codes: "DE" is Germany, the word "it" is not Italy
    return codes.get(key) if name.strip().isupper() else None


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """pycountry names and ISO codes (lower case) -> display name: a dict look-up instead of
    ``pycountry.countries.lookup``, which scans every country on each miss."""
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for c in pycountry.countries:
        display = str(getattr(c, "common_name", None) or c.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(str(value).lower(), display)
        codes.setdefault(c.alpha_2.lower(), display)
        codes.setdefault(c.alpha_3.lower(), display)
    return names, codes


@lru_cache(maxsize=4096)
def canonical_entity(text: str) -> tuple[str | None, SourceKind]:
    """Canonical entity and kind for a mention, or (None, "unknown")."""
    key = re.sub(r"\s+", " ", text.strip()).lower().rstrip(".,")
    if key in _ALIASES:
        return _ALIASES[key]
    bare = key[4:] if key.startswith("the ") else key
    if bare in _ALIASES:
        return _ALIASES[bare]
    m = _MINISTRY.match(key)
    if m:
        country = country_of(m.group("country") or m.group("country2") or "")
        if country:
            return f"Ministry of Defence of {country}", "military"
    m = _BODY.match(key)
    if m:  # "Ukraine's General Staff" -> General Staff of Ukraine
        country = country_of(m.group("country") or "") or country_of(m.group("country2") or "")
        body = _BODIES.get(m.group("body").lower())
        if country and body:
            return f"{body[0]} of {country}", body[1]
    m = _OTHER_MINISTRY.match(key)
    if m:
        country = country_of(m.group("country") or m.group("country2") or "")
        area = (m.group("area") or m.group("area2") or "").lower().replace("the interior", "interior")
        if country and area in _AREAS:
            return f"Ministry of {_AREAS[area]} of {country}", "government"
    country = country_of(bare)
    if country:
        return country, "state"
    return None, "unknown"
