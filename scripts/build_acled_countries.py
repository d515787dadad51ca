"""Build src/claimtrack/data/acled/countries.tsv: ISO alpha-2 -> ACLED's numeric iso, country name and region.

Country names: pycountry's common name, overridden where ACLED's data spell a country otherwise (the overrides
below, from ACLED's country list). Regions: ACLED's world regions, assigned from UN M49 intermediate regions
(Africa and the Americas, listed below) and countryinfo's subregion (elsewhere), with ACLED's exceptions (Iran in
the Middle East, the South Caucasus with Central Asia). Run once; the output is committed.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parents[1] / "src/claimtrack/data/acled/countries.tsv"

NAMES = {
    "RU": "Russia", "PS": "Palestine", "TR": "Turkey", "IR": "Iran", "SY": "Syria", "KR": "South Korea",
    "KP": "North Korea", "MD": "Moldova", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "VN": "Vietnam",
    "LA": "Laos", "CZ": "Czech Republic", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "SZ": "eSwatini", "CI": "Ivory Coast", "CV": "Cape Verde", "MK": "North Macedonia", "FM": "Micronesia",
    "BN": "Brunei", "GB": "United Kingdom", "US": "United States", "TW": "Taiwan", "VA": "Vatican City",
    "GM": "Gambia", "BS": "Bahamas", "TL": "East Timor", "MM": "Myanmar", "SX": "Sint Maarten",
    "VG": "British Virgin Islands", "VI": "Virgin Islands, U.S.", "BQ": "Caribbean Netherlands",
    "CW": "Curacao", "RE": "Reunion", "BL": "Saint-Barthelemy", "MF": "Saint-Martin", "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "FK": "Falkland Islands", "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines",
    "ST": "Sao Tome and Principe", "AX": "Aland Islands", "HK": "China", "MO": "China",
}
AFRICA = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
}
AMERICAS = {
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS BV",
    "North America": "BM CA GL PM US UM",
}
SUBREGION = {
    "Western Asia": "Middle East", "Central Asia": "Caucasus and Central Asia", "Southern Asia": "South Asia",
    "South-eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia",
}
EXCEPTIONS = {"IR": "Middle East", "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
              "GE": "Caucasus and Central Asia", "CY": "Europe", "AF": "South Asia"}


def region(a2: str) -> str:
    if a2 in EXCEPTIONS:
        return EXCEPTIONS[a2]
    for table in (AFRICA, AMERICAS):
        for name, codes in table.items():
            if a2 in codes.split():
                return name
    try:
        info = CountryInfo(a2)
        big, sub = info.region(), info.subregion()
    except Exception:
        big, sub = "", ""
    if big == "Europe":
        return "Europe"
    if big == "Oceania":
        return "Oceania"
    if big == "Antarctic" or a2 == "AQ":
        return "Antarctica"
    return SUBREGION.get(sub, "")


def main() -> None:
    lines = [
        "# ISO alpha-2 -> ACLED numeric iso, ACLED country name, ACLED region.",
        "# Built by scripts/build_acled_countries.py from pycountry and countryinfo with ACLED's spellings;",
        "# an empty region means the script could not place the country (ACLED codes it under no region known here).",
    ]
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name = NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        num = "156" if c.alpha_2 in ("HK", "MO") else str(int(c.numeric))
        lines.append(f"{c.alpha_2}\t{num}\t{name}\t{region(c.alpha_2)}")
    lines.append("XK\t0\tKosovo\tEurope")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
