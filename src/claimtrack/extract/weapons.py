"""Weapons named in a text, normalised through a curated lexicon (ATACMS, Storm Shadow/SCALP, Shahed/Geran...).

Each entry is (canonical name, class, pattern). The class tells events which remote-violence type a
weapon implies (missile -> missile_strike, drone -> drone_strike...). Specific systems are listed before
generic words so that "ATACMS missiles" yields ATACMS and not also a bare "missile".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEXICON: list[tuple[str, str, str]] = [
    ("ATACMS", "missile", r"atacms|army tactical missile systems?|mgm-140"),
    ("Storm Shadow/SCALP", "missile", r"scalp(?:-eg)?(?:\s*/\s*storm shadow)?|storm shadow(?:\s*/\s*scalp(?:-eg)?)?"),
    ("HIMARS", "rocket", r"himars|m142"),
    ("MLRS", "rocket", r"m270|mlrs|multiple (?:launch )?rocket (?:launchers?|systems?)"),
    ("Grad", "rocket", r"bm-21|grad rockets?|grad multiple rocket"),
    ("Iskander", "missile", r"iskander(?:-m)?"),
    ("Kinzhal", "missile", r"kinzhal|kh-47m2"),
    ("Kalibr", "missile", r"kalibr|3m-54"),
    ("Kh-101", "missile", r"kh-101|kh-555|kh-22|kh-32"),
    ("Oreshnik", "missile", r"oreshnik"),
    ("Tomahawk", "missile", r"tomahawks?"),
    ("Taurus", "missile", r"taurus(?: kepd)?"),
    ("Shahed/Geran", "drone", r"shahed(?:-1[0-9]{2})?s?|geran(?:-[12])?s?"),
    ("Lancet", "drone", r"lancet(?:-3)?"),
    ("Bayraktar TB2", "drone", r"bayraktar(?: tb2)?"),
    ("Patriot", "air_defense", r"patriot(?: air defen[cs]e)?(?: systems?| batter(?:y|ies)| missiles?)?"),
    ("S-300", "air_defense", r"s-300s?"),
    ("S-400", "air_defense", r"s-400s?"),
    ("IRIS-T", "air_defense", r"iris-t"),
    ("NASAMS", "air_defense", r"nasams"),
    ("Iron Dome", "air_defense", r"iron dome"),
    ("Mirage 2000-5F", "aircraft", r"mirage 2000(?:-5f?)?|mirage jets?|mirages"),
    ("F-16", "aircraft", r"f-16s?"),
    ("Su-34", "aircraft", r"su-3[45]s?"),
    ("glide bomb", "bomb", r"glide bombs?|guided aerial bombs?|kab-\d+"),
    ("barrel bomb", "bomb", r"barrel bombs?"),
    ("cluster munition", "bomb", r"cluster (?:munitions?|bombs?)"),
    ("hypersonic ballistic missile", "missile", r"hypersonic ballistic missiles?"),
    ("hypersonic missile", "missile", r"hypersonic missiles?"),
    ("ballistic missile", "missile", r"ballistic missiles?"),
    ("cruise missile", "missile", r"cruise missiles?"),
    ("long-range missile", "missile", r"long-range (?:\w+ )?missiles?"),
    ("long-range weapon", "missile", r"long-range (?:western )?weapons?"),
    ("missile", "missile", r"missiles?"),
    ("rocket", "rocket", r"rockets?(?! launchers?)|rocket launchers?"),
    ("drone", "drone", r"drones?|uavs?|unmanned aerial vehicles?"),
    ("artillery", "artillery", r"artillery|howitzers?|shells?\b"),
    ("mortar", "artillery", r"mortars?(?: rounds| shells)?"),
    ("tank", "vehicle", r"tanks?\b"),
    ("fighter jet", "aircraft", r"fighter jets?|warplanes?|multirole fighters?|combat aircraft"),
    ("helicopter", "aircraft", r"helicopters?|gunships?"),
    ("grenade", "grenade", r"(?:hand |rocket-propelled )?grenades?|rpgs?"),
    ("IED", "explosive", r"ieds?|improvised explosive devices?|roadside bombs?"),
    ("car bomb", "explosive", r"car bombs?|vbieds?|vehicle-borne"),
    ("landmine", "explosive", r"(?:land ?)?mines?\b(?! (?:of|ministry))"),
    ("suicide vest", "explosive", r"suicide (?:vests?|belts?)"),
    ("bomb", "explosive", r"bombs?"),
    ("chemical weapon", "chemical", r"chemical weapons?|chlorine|sarin|mustard gas|nerve agents?|poison gas"),
    ("tear gas", "less_lethal", r"tear ?gas"),
    ("rubber bullets", "less_lethal", r"rubber bullets"),
    ("firearm", "firearm", r"guns?|rifles?|firearms?|pistols?|kalashnikovs?|ak-47s?|machine guns?"),
    ("knife", "blade", r"knives|knife|machetes?|swords?|axes"),
]

# one alternation, specific systems first: a single pass over the text instead of one per entry
_ALTERNATIVES = "|".join(f"(?P<w{i}>(?:{pat})(?![\\w-]))" for i, (_, _, pat) in enumerate(_LEXICON))
_NAMES = re.compile(_ALTERNATIVES)  # run on lower-cased text: case-insensitive matching is several times slower
_NAMES_I = re.compile(_ALTERNATIVES, re.I)  # for the rare text whose lower-casing changes its length
_WORD_START = re.compile(r"(?<![\w-])\w")  # a name begins with a word character that starts a word
# specific names make generic ones in the same span redundant ("ATACMS missiles" -> ATACMS)
_GENERIC = {"missile", "rocket", "drone", "bomb", "artillery", "fighter jet", "long-range weapon"}


@dataclass(frozen=True)
class WeaponMention:
    name: str
    cls: str
    start: int
    end: int
    text: str


def find_weapons(text: str, start: int = 0, end: int | None = None) -> list[WeaponMention]:
    """Weapon mentions in ``text[start:end]`` (offsets into ``text``), overlaps resolved longest-first."""
    end = len(text) if end is None else end
    kept: list[WeaponMention] = []
    low = text.lower()
    names, target = (_NAMES, low) if len(low) == len(text) else (_NAMES_I, text)
    # Tried at word starts only: the alternation tried at every character costs twice as much on long texts.
    after = start
    for w in _WORD_START.finditer(target, start, end):
        if w.start() < after:
            continue  # inside the previous mention: finditer's non-overlapping matches
        m = names.match(target, w.start(), end)
        if m is None:
            continue
        after = m.end()
        name, cls, _ = _LEXICON[int(str(m.lastgroup)[1:])]
        kept.append(WeaponMention(name, cls, m.start(), m.end(), text[m.start() : m.end()]))
    return kept


def weapon_class(name: str) -> str | None:
    for n, cls, _ in _LEXICON:
        if n == name:
            return cls
    return None


def distinct(mentions: list[WeaponMention]) -> list[WeaponMention]:
    """One mention per weapon name; generic names dropped when a specific one of the class is there."""
    seen: dict[str, WeaponMention] = {}
    for w in mentions:
        seen.setdefault(w.name, w)
    classes_specific = {w.cls for w in seen.values() if w.name not in _GENERIC}
    return [w for w in seen.values() if not (w.name in _GENERIC and w.cls in classes_specific)]
