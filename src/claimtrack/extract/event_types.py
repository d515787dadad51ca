"""Event type vocabulary, trigger lexicon and the mappings to ACLED, CASE 2021 and PLOVER.

No ACLED-labelled training data is available offline, so typing is a curated trigger lexicon
(regexes compiled once at import) plus a few argument rules that pick the ACLED sub-type the way
the ACLED codebook does: the weapon decides among remote-violence types (a suicide bomber beats a
bomb, a grenade beats a generic attack), the responding force decides among protest types, and the
actor decides who "regained" or "overtook" territory. See docs/events.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# fine type -> (ACLED event_type, sub_event_type) or None where ACLED would not code it
ACLED: dict[str, tuple[str, str] | None] = {
    "armed_clash": ("Battles", "Armed clash"),
    "territory_change": ("Battles", "Non-state actor overtakes territory"),  # refined by actor, see acled_for
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "missile_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "chemical_attack": ("Explosions/Remote violence", "Chemical weapon"),
    "grenade_attack": ("Explosions/Remote violence", "Grenade"),
    "explosive_attack": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide_bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "protest": ("Protests", "Peaceful protest"),
    "protest_with_intervention": ("Protests", "Protest with intervention"),
    "force_against_protesters": ("Protests", "Excessive force against protesters"),
    "riot": ("Riots", "Violent demonstration"),
    "mob_violence": ("Riots", "Mob violence"),
    "attack_on_civilians": ("Violence against civilians", "Attack"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual_violence": ("Violence against civilians", "Sexual violence"),
    "agreement": ("Strategic developments", "Agreement"),
    "arrest": ("Strategic developments", "Arrests"),
    "group_change": ("Strategic developments", "Change to group/activity"),
    "deployment": ("Strategic developments", "Change to group/activity"),
    "interception": ("Strategic developments", "Disrupted weapons use"),
    "weapons_seizure": ("Strategic developments", "Disrupted weapons use"),
    "base_established": ("Strategic developments", "Headquarters or base established"),
    "territory_transfer": ("Strategic developments", "Non-violent transfer of territory"),
    "property_destruction": ("Strategic developments", "Looting/property destruction"),
    "authorization": ("Strategic developments", "Other"),
    "arms_transfer": ("Strategic developments", "Other"),
    "displacement": ("Strategic developments", "Other"),
    # outside ACLED: kept as their own types so they are not forced into a wrong ACLED type
    "threat": None,
    "diplomatic_event": None,
    "sanction": None,
    "natural_disaster": None,
    "man_made_disaster": None,
    "organized_crime": None,
    "claim_of_responsibility": None,
    "accusation": None,
    "demand": None,
    "rejection": None,
    "concession": None,
    "cooperation": None,
    "aid": None,
    "support": None,
    "pledge": None,
}
FINE_TYPES: tuple[str, ...] = tuple(ACLED)

_GOV_REGAINS = ("Battles", "Government regains territory")

# CASE 2021 labels of the non-ACLED types; ACLED types go through their sub-type
_CASE_OUTSIDE = {
    "natural_disaster": "NATURAL_DISASTER",
    "man_made_disaster": "MAN_MADE_DISASTER",
    "organized_crime": "ORG_CRIME",
    "claim_of_responsibility": "ATTRIB",
    "accusation": "ATTRIB",
    "diplomatic_event": "DIPLO",
    "sanction": "DIPLO",
    "threat": "DIPLO",
    "demand": "DIPLO",
    "rejection": "DIPLO",
    "concession": "DIPLO",
    "cooperation": "DIPLO",
    "aid": "OTHER",
    "support": "DIPLO",
    "pledge": "DIPLO",
}
CASE_OF_SUBTYPE = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Air/drone strike": "AIR_STRIKE",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Chemical weapon": "CHEM_WEAP",
    "Grenade": "GRENADE",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Suicide bomb": "SUIC_BOMB",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Mob violence": "MOB_VIOL",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Attack": "ATTACK",
    "Sexual violence": "SEX_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Other": "OTHER",
}

# fine type -> current 16-type PLOVER event
PLOVER: dict[str, str] = {
    "armed_clash": "ASSAULT",
    "territory_change": "ASSAULT",
    "air_strike": "ASSAULT",
    "drone_strike": "ASSAULT",
    "missile_strike": "ASSAULT",
    "shelling": "ASSAULT",
    "chemical_attack": "ASSAULT",
    "grenade_attack": "ASSAULT",
    "explosive_attack": "ASSAULT",
    "suicide_bombing": "ASSAULT",
    "attack_on_civilians": "ASSAULT",
    "abduction": "ASSAULT",
    "sexual_violence": "ASSAULT",
    "mob_violence": "ASSAULT",
    "protest": "PROTEST",
    "protest_with_intervention": "PROTEST",
    "force_against_protesters": "COERCE",
    "riot": "PROTEST",
    "arrest": "COERCE",
    "property_destruction": "COERCE",
    "displacement": "COERCE",
    "agreement": "AGREE",
    "group_change": "MOBILIZE",
    "deployment": "MOBILIZE",
    "interception": "ASSAULT",
    "weapons_seizure": "COERCE",
    "base_established": "MOBILIZE",
    "territory_transfer": "RETREAT",
    "authorization": "SUPPORT",
    "arms_transfer": "AID",
    "threat": "THREATEN",
    "diplomatic_event": "CONSULT",
    "sanction": "SANCTION",
    "natural_disaster": "AID",
    "man_made_disaster": "AID",
    "organized_crime": "COERCE",
    "claim_of_responsibility": "ACCUSE",
    "accusation": "ACCUSE",
    "demand": "REQUEST",
    "rejection": "REJECT",
    "concession": "CONCEDE",
    "cooperation": "COOPERATE",
    "aid": "AID",
    "support": "SUPPORT",
    "pledge": "AGREE",
}


def acled_for(fine: str, government_actor: bool = False) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) of a fine type; territory goes to the government when it acts."""
    if fine == "territory_change" and government_actor:
        return _GOV_REGAINS
    return ACLED.get(fine)


def case_label(fine: str, acled: tuple[str, str] | None) -> str:
    """CASE 2021 label of an event, through its ACLED sub-type when it has one."""
    if acled is not None:
        return CASE_OF_SUBTYPE[acled[1]]
    return _CASE_OUTSIDE.get(fine, "OTHER")


# --- trigger lexicon ------------------------------------------------------------------------------
# (fine type, weight, pattern). Weights encode specificity: a weapon-specific cue outweighs the generic
# "attack"; political types are light so that a violent event in the same text wins salience.
_N = r"(?:\S+\s+){0,3}"  # up to three words between a verb and its object
# verbs of an aircraft or projectile coming to the ground ("a drone came down near ...")
_DOWNED_WEIGHT = 5.0
_DOWNED = r"(?:crash(?:ed|es|ing)|crash-landed|came down|come down|comes down|coming down|went down|fell)"
# an attack verb, its object, then "with" and up to three modifiers of the weapon noun
_WITH = (
    r"(?:attack(?:ed|s|ing)?|struck|strik(?:e|es|ing)|hit(?:s|ting)?|target(?:ed|s|ing)?|pound(?:ed|s|ing)?|"
    r"bombard(?:ed|s|ing)?|raid(?:ed|s|ing)?|shell(?:ed|s|ing)?) (?:[\w'’.-]+ ){0,6}?with (?:[\w'’/-]+ ){0,3}"
)
_CUES: list[tuple[str, float, str]] = [
    # battles
    ("armed_clash", 2.0, r"clash(?:es|ed)?|gun ?(?:battle|fight)s?|firefights?|skirmish(?:es|ed)?|exchanges? of fire"),
    (
        "armed_clash",
        4.0,
        r"exchang(?:ed|ing|es?) (?:\S+ ){0,4}(?:fire|gunfire|shots)|exchanges? of (?:\S+ )?fire|trad(?:ed|"
        r"ing) (?:\S+ ){0,3}fire",
    ),
    ("armed_clash", 1.5, r"fighting|fought|battles?\b|battled|ambush(?:ed|es)?|engaged in combat|heavy combat"),
    (
        "armed_clash",
        2.0,
        r"attack(?:ed|s)?\s+" + _N + r"(?:military|army|police|security|troops?|soldiers?|checkpoints?|"
        r"positions?|posts?|bases?|camps?|convoys?|barracks|outposts?|patrols?)",
    ),
    (
        "armed_clash",
        1.5,
        r"(?:militants|rebels|insurgents|fighters|gunmen|jihadists|terrorists|troops|soldiers|forces)"
        r"\s+(?:were|was)\s+killed|killed\s+"
        + _N
        + r"(?:militants|rebels|insurgents|jihadists|terrorists|soldiers|troops)",
    ),
    (
        "armed_clash",
        2.5,
        r"shoot-?outs?|trad(?:ed|ing) (?:\S+ ){0,3}fire|exchang(?:ed|ing) (?:\S+ ){0,3}(?:fire|gunfire|shots)|"
        r"engag(?:ed|ing) (?:\S+ ){0,3}in (?:a |an )?(?:firefight|gun ?battle|"
        r"fighting|"
        r"combat|clash(?:es)?)|repel(?:led|s)? (?:\S+ ){0,3}(?:assault|attack|offensive|incursion|"
        r"infiltration)s?|"
        r"exchang(?:ed|ing) (?:\S+ )?(?:fire|gunfire|shots)|inflict(?:ed|"
        r"ing)? (?:heavy )?(?:losses|casualties)|"
        r"sustained (?:heavy )?(?:losses|casualties)|(?:killed|killing|wounded|wounding|eliminat\w+|neutrali[sz]ed)"
        r"(?: and (?:wounded|injured|wounding|injuring))? (?:\S+ ){0,4}(?:militants|rebels|insurgents|jihadists|"
        r"terrorists|soldiers|troops|fighters|servicemen|policemen|officers|gunmen|members|combatants)|"
        r"opened fire (?:on|at) (?:\S+ ){0,2}(?:militants|rebels|insurgents|terrorists|soldiers|troops|fighters|"
        r"positions)|set upon (?:a |the )?(?:base|camp|post)|(?:attacked|raided|stormed|targeted) (?:\S+ ){0,5}"
        r"(?:bases?|camps?|positions?|posts?|checkpoints?|barracks|outposts?|headquarters)",
    ),
    ("armed_clash", 1.0, r"offensive|counter-?attack(?:ed|s)?|assault(?:ed)? on (?:the )?(?:town|city|village)"),
    (
        "territory_change",
        3.0,
        r"re-?captur(?:ed|es?|ing)|regain(?:ed|s)?(?: full)? control|re-?took|retak(?:en|e|es)|"
        r"liberat(?:ed|es?|ion of)|recover(?:ed)? (?:the )?(?:town|city|village|area|territory)|regained",
    ),
    (
        "territory_change",
        2.5,
        r"(?:took|taken|take|seized?|seizing|gain(?:ed)?|assum(?:ed|e)) (?:full |complete |partial )?"
        r"control|captur(?:ed|es?|ing) (?:the |a |several |two |three )?(?:\S+ )?(?:town|city|village|villages|areas?|"
        r"district|territory|base|positions?|hills?|province|region|crossing|border)|overr(?:a|u)n|fell to|"
        r"seized (?:the )?(?:town|city|village|district|area)|advanced? (?:into|on)|"
        r"(?:captur(?:ed|ing)|seiz(?:ed|ing)|took|taking|overran) (?:on \w+ )?(?:\S+ ){0,5}(?:port|ports|camps?|"
        r"neighbou?rhoods?|airports?|airbase|hills?|villages?|towns?|cities|city|areas?|districts?|bases?|capital|"
        r"provinces?|county|counties|municipalit(?:y|ies)|"
        r"strongholds?|territory|territories|positions|heights|outskirts|enclave|settlements?|island)|"
        r"(?:established|imposed|took|taking|gained|regained) (?:full |complete )?control|pushed (?:their way )?into|"
        r"stormed (?:the )?(?:town|city|village)|took over (?:\S+ ){0,3}(?:buildings?|administration|offices|town|city|"
        r"village|airport|port|base)",
    ),
    # remote violence
    (
        "air_strike",
        3.0,
        r"air ?strikes?|airstrikes?|air ?raids?|aerial (?:bombardment|attacks?|strikes?|bombing)|"
        r"war ?planes?|fighter jets?|(?:jets?|planes|warplanes|aircraft) (?:\S+ ){0,2}(?:strik|struck|bomb|hit|"
        r"pound|target|raid)\w*|helicopter gunships?|(?:strategic|heavy|"
        r"stealth|b-\d+) bombers?|"
        r"air missiles|air force (?:\S+ ){0,3}(?:raids?|strikes?|sorties|bomb\w*)|air force (?:struck|bombed|hit|"
        r"carried out)|bombed from the air|barrel bombs?|"
        r"(?:planes|aircraft|jets|helicopters|choppers|warplanes) (?:\S+ ){0,6}(?:bombed|struck|hit|pounded|fired|"
        r"targeted|raided)|(?:raids?|strikes?|bombing|attacks?) by (?:\S+ ){0,4}(?:choppers|helicopters|planes|"
        r"aircraft|jets|aviation)|sorties",
    ),
    ("air_strike", 1.5, r"\bbombed\b|aviation|helicopters?|choppers?|aircraft"),
    (
        "drone_strike",
        3.0,
        r"drone (?:strikes?|attacks?)|(?:armed |kamikaze |attack )drones?|drones? (?:struck|hit|attacked)|"
        r"unmanned aerial vehicles?|uavs?\b",
    ),
    ("drone_strike", 1.0, r"drones?"),
    (
        "shelling",
        3.0,
        r"shell(?:ed|ing|s)\b|artillery|mortars?(?: rounds?| shells?| fire| attacks?)?|howitzers?|"
        r"(?:katyusha|grad) rockets?|shells? (?:\S+ )?(?:fell|landed|hit|struck|exploded)|bombard(?:ed|ment)|"
        r"rocket (?:fire|attacks?)|fired rockets?|"
        r"rockets? (?:\S+ )?(?:fired|landed|hit|struck|slammed|exploded|fell|impacted)",
    ),
    (
        "missile_strike",
        3.0,
        r"missiles?\b(?! (?:base|facilit|site|program|factor|defen|system))|ballistic|cruise missiles?|"
        r"rocket launchers?|atacms|himars|iskander|kinzhal|"
        r"kalibr|storm shadow|scalp",
    ),
    ("missile_strike", 1.0, r"rockets?\b"),
    ("missile_strike", 3.0, r"(?:launch|fir)(?:ed|es|ing|e)? (?:\S+ ){0,4}(?:missiles|ballistic|cruise)"),
    ("shelling", 3.0, r"(?:launch|fir)(?:ed|es|ing|e)? (?:\S+ ){0,3}(?:rockets|mortars?|shells)"),
    ("drone_strike", 3.0, r"(?:launch|sen[dt]|fir)(?:ed|es|ing|e|s)? (?:\S+ ){0,4}drones"),
    (
        "chemical_attack",
        5.0,
        r"chemical (?:weapons?|attacks?|agents?|munitions?)(?! (?:facilit|plant|factor|stockpile|"
        r"program|site|depot|research))|(?:gas|chemical)-filled|contained (?:\S+ )?(?:gas|chemicals)|suffocation|"
        r"chlorine|sarin|mustard gas|nerve (?:agent|gas)|"
        r"poison(?:ous)? gas|toxic (?:gas|chemicals?|substances?)|gas attacks?|phosphorus|napalm|tear gas shells?",
    ),
    ("grenade_attack", 5.0, r"grenades?|rpg\b|rocket-propelled grenades?|hurled (?:an? )?explosive"),
    (
        "explosive_attack",
        4.0,
        r"\bieds?\b|improvised explosive|roadside bombs?|landmines?|land mines?|car bombs?|"
        r"(?:mines?|explosive devices?|explosives?|bombs?) (?:exploded|went off|detonated|blast)|"
        r"(?:bomb|mine) (?:blast|explosion|attack)s?|booby[- ]trap(?:ped)?|explosive device|vbied|sticky bombs?|"
        r"planted (?:a |an )?(?:bomb|explosive)s?|went off|ground mines?|mines? laid|laid (?:\S+ )?mines|"
        r"detonated (?:a |an )?(?:bomb|explosive|device)|remote(?:ly)?[- ]"
        r"(?:controlled|detonated)|stepped on a (?:land)?mine|mine explosion|hit a (?:land)?mine",
    ),
    ("explosive_attack", 2.0, r"explosions?|blasts?|bomb(?:ing|ings|s)?\b|explod(?:ed|es)|detonat(?:ed|ion)"),
    (
        "suicide_bombing",
        8.0,
        r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|car bomb|vest|belt|blast|mission)|"
        r"blew (?:himself|herself|themselves) up|(?:explosives?|bomb|suicide)[- ](?:vests?|belts?)|"
        r"detonated (?:himself|herself|themselves|his|her|their)|self-detonat|explosives?[- ]laden (?:vest|belt)|"
        r"suicide",
    ),
    # protests and riots
    (
        "protest",
        3.0,
        r"protest(?:s|ed|ing|ers?)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|"
        r"(?-i:marche[ds]|march(?:ing)?)\b|sit-ins?|strikes? by|went on strike|on strike|picket(?:ed|ing)?|"
        r"took to the streets|rallying|"
        r"gathered (?:at|in|outside|in front)|vigils?|hunger strike|boycott",
    ),
    # modifiers: they only type a protest near them (see _refine); alone they are no event
    (
        "+intervention",
        3.0,
        r"dispers(?:e|ed|ing|al)|broke up|break up|detain(?:ed|ing)?|arrest(?:ed|ing)?|"
        r"rounded up|water cannons?|tear ?gas|teargas|pepper spray|stun grenades?|rubber bullets|cordon(?:ed)?|"
        r"suppress(?:ed|es|ing)?|prevent(?:ed)? (?:\S+ ){0,3}from|banned|blocked (?:\S+ ){0,2}from",
    ),
    (
        "+force",
        3.0,
        r"live (?:ammunition|rounds|bullets|fire)|opened fire|(?:shot|killed|beat(?:en)?|clubbed|hits?|"
        r"attacked|injured|wounded) (?:\S+ ){0,3}(?:protesters|demonstrators|demonstrator|protester|students|"
        r"marchers)|batons?|violently|brutal(?:ly)?|crackdown|excessive force|lethal force|violent crackdown|"
        r"(?:protesters|demonstrators) (?:\S+ ){0,3}(?:were|was|have been|had been) (?:\S+ ){0,2}(?:killed|shot|"
        r"injured|wounded|beaten)",
    ),
    ("+force", 1.5, r"killed|died|dead|injuries|injured|wounded"),
    (
        "+riot",
        3.0,
        r"clash(?:es|ed)?|threw|throws?|throwing|hurl(?:ed|ing)|pelt(?:ed|ing)|torch(?:ed|ing)|"
        r"set (?:\S+ ){0,3}(?:on )?fire|lit fires|light fires|burn(?:ed|t|ing)|stormed|vandali[sz]\w*|smash(?:ed|ing)|"
        r"scuffles?|pull(?:ed)? down|tore down|rampag\w+|looted|stones?|rocks|molotov|"
        r"petrol bombs?|firecrackers|barricades?|fought|attacked (?:police|security)",
    ),
    ("+riot", 1.2, r"violen(?:t|ce)|unrest|defied|chaos|mayhem"),
    (
        "riot",
        4.0,
        r"riot(?:s|ed|ing|ers)?\b(?! police| gear| squad)|violent (?:protests?|demonstrations?)|"
        r"stone[- ]pelting|ugly protests?|rioters",
    ),
    (
        "protest",
        2.0,
        r"riot police|crowds? of (?:\S+ ){0,2}(?:supporters|opposition|activists|residents|people|students|youths)",
    ),
    (
        "mob_violence",
        5.0,
        r"crowds? of (?:\S+ ){0,2}(?:villagers|residents|youths|people|locals|men) (?:\S+ ){0,3}"
        r"(?:beat|attacked|killed|lynched|burn\w*|stoned|set upon)|beat\S* (?:\S+ ){0,4}to death|stoned to death",
    ),
    (
        "mob_violence",
        4.0,
        r"\bmobs?\b|(?-i:lynch(?:ed|ing|ings|es)?|Lynch(?:ed|ing|ings))|vigilant(?:e|es|ism)|"
        r"angry (?:crowd|villagers|residents)|"
        r"mob justice|jungle justice|attacked (?:a |the )?(?:\S+ )?(?:rally|protest|demonstration|march|"
        r"procession)|communal (?:violence|clash(?:es)?)|sectarian (?:violence|clash(?:es)?)|"
        r"(?:villagers|residents|herders|herdsmen|farmers|youths|locals) (?:\S+ ){0,2}attacked|ethnic (?:violence|"
        r"clash(?:es)?)|cow vigilant\w*|burn(?:ed|t) alive|beaten to death",
    ),
    # violence against civilians
    (
        "attack_on_civilians",
        2.5,
        r"shot dead|shooting|opened fire|massacre(?:d|s)?|stabb(?:ed|ing)|"
        r"behead(?:ed|ing)|hacked|invad(?:ed|ing) (?:the |a )?(?:community|village|town|settlement|camp|home)s?|"
        r"kill(?:ed|ing) (?:\S+ ){0,3}(?:civilians|villagers|people|residents|worshippers|students|"
        r"farmers|women|children|passengers|family|men)|assassinat(?:ed|ion)|executed|murder(?:ed|s)?|"
        r"drive-by|(?:attack|assault)(?:ed|s)? (?:\S+ ){0,3}(?:civilians|villagers|residents|worshippers|journalists?|"
        r"activists?|students|school|village|church|mosque|hospital|market|bus|vehicle|home|house|hotel|restaurant|"
        r"cafe|shop|university|campus|wedding|funeral|guests|tourists|shoppers)|"
        r"tortur(?:e|ed|ing)|ill-treat\w*|attacked and (?:killed|injured|wounded)|gunned down|"
        r"attacked (?:by )?(?:unknown )?(?:gunmen|assailants|attackers)|assailants|stormed",
    ),
    ("attack_on_civilians", 1.5, r"gunmen"),
    ("attack_on_civilians", 0.6, r"attack(?:s|ed|ing)?\b|killed|killing|wounded|injured|dead"),
    (
        "abduction",
        5.0,
        r"kidnap(?:ped|ping|pings|s|pers)?|abduct(?:ed|ing|ion|ions|s|ors)?|taken hostage|held hostage|"
        r"hostages?|forcibly disappeared|not been (?:seen|heard from) since|taken (?:away )?by (?:\S+ ){0,3}"
        r"(?:men|gunmen|security|forces|agents|officers|militiamen)|enforced disappearance|forced disappearance|"
        r"went missing|whereabouts "
        r"(?:remain|are|is) unknown|seized (?:\S+ ){0,2}(?:people|civilians|villagers|passengers|women|men|"
        r"children|students)|"
        r"held captive|captives?|ransom",
    ),
    (
        "sexual_violence",
        6.0,
        r"rap(?:e|ed|es|ing|ist|ists)\b|sexual(?:ly)? (?:violence|assault(?:ed)?|abuse(?:d)?|"
        r"exploitation|harassment|slavery)|gang-?rap\w*|molest(?:ed|ation)?|sex slaves?|abused and assaulted|"
        r"sexual and gender-based violence|(?:abused|assaulted) (?:\S+ ){0,2}(?:women|girls|civilians)",
    ),
    # "attacked/struck/hit X with <weapon>": the weapon names the kind of strike, whatever the verb
    ("drone_strike", 4.0, _WITH + r"(?:drones?|uavs?|unmanned aerial vehicles?|shaheds?|gerans?|loitering munitions?)"),
    ("missile_strike", 4.0, _WITH + r"(?:(?:ballistic |cruise |hypersonic )?missiles?)"),
    # a drone or missile that "crashed" or "came down" in conflict news was flown or fired at someone: the
    # downing is the strike's event, not a transport accident (a crash word inside this phrase is absorbed)
    (
        "drone_strike",
        _DOWNED_WEIGHT,
        r"(?:drones?|uavs?|unmanned aerial vehicles?|shaheds?|gerans?)(?: \S+){0,2} "
        + _DOWNED
        + r"|(?:crash(?:es)?|downing|wreckage) of (?:a |an |the )?(?:\S+ )?(?:drones?|uavs?)|drone crash(?:es)?",
    ),
    ("missile_strike", _DOWNED_WEIGHT, r"(?:(?:ballistic |cruise |hypersonic )?missiles?)(?: \S+){0,2} " + _DOWNED),
    ("shelling", 4.0, _WITH + r"(?:artillery|shells|shellfire|mortars?(?: rounds| shells)?|rockets?|howitzers?|mlrs)"),
    ("air_strike", 4.0, _WITH + r"(?:(?:guided |glide |aerial |cluster )?bombs|warplanes|fighter jets|aircraft)"),
    # strategic developments
    (
        "agreement",
        3.5,
        r"agree(?:d|s|ment|ments)?\b|ceasefire|cease-fire|truce|peace (?:deal|accord|agreement|pact|treaty)|"
        r"(?:peace|ceasefire|security|border) accords?\b|signed (?:a |an )?(?:\S+ )?(?:deal|pact|treaty|"
        r"memorandum|accord)|"
        r"(?:reached|struck|brokered|sealed|clinched|signed) (?:\S+ ){0,3}(?:deal|accord|pact)|negotiated|"
        r"prisoner swap|"
        r"exchange(?:d)? (?:\S+ ){0,3}(?:prisoners|bodies|detainees|captives)|prisoners?(?: of war)? (?:exchange|swap)|"
        r"reconcil\w+|armistice|surrender(?:ed|s)? to",
    ),
    (
        "arrest",
        4.0,
        r"intercept(?:ed)? (?:\S+ ){0,3}(?:suspected|suspects?|members|men|individuals?|persons)|arrest(?:ed|s|"
        r"ing)?|detain(?:ed|s|ing)?|apprehend(?:ed|s)?|taken into custody|custody|"
        r"nabbed|rounded up|held (?:\S+ ){0,2}for questioning|raid(?:ed|s)? (?:on )?(?:the )?homes?|"
        r"picked up by (?:the )?police|jailed|remanded|captured (?:\S+ ){0,2}(?:suspects?|members|militants|leader|"
        r"commander|terrorists)",
    ),
    (
        "group_change",
        3.0,
        r"(?:were|was|been|newly) (?:formed|created|established|founded|launched)|(?:formed|created|"
        r"founded|launched) (?:a |an |the )?(?:new )?(?:group|militia|force|forces|unit|battalion|brigade|alliance|"
        r"coalition|party|movement|front|faction|command|wing)|defect(?:ed|ion|ions|ors?)|merg(?:ed|er|e)|"
        r"pledged (?:allegiance|loyalty)|joined (?:forces|the)|split (?:from|into)|renamed|disband(?:ed|s)?|"
        r"dissolv(?:ed|es)|recruit(?:ed|ment|s)|disarm(?:ed|ament|s)?\b|demobili[sz]\w+|reintegrat\w+|"
        r"transform(?:ed|s)? into|laid down (?:their|his|its) (?:arms|weapons)|surrender(?:ed)? (?:their|its|"
        r"his) (?:weapons|arms)|(?:formed|created|set up|"
        r"established) (?:a |an )?(?:\S+ ){0,2}"
        r"(?:organi[sz]ation|council|committee|administration|government|division|corps|units?)|"
        r"integrated into|mutin(?:y|ied|ies)|withdr[ae]w(?:n)? from (?:the )?(?:coalition|alliance|agreement|talks)|"
        r"mobiliz(?:ed|ation)|announced (?:the )?(?:creation|formation)|new (?:leader|commander|chief)|appointed",
    ),
    (
        "deployment",
        3.0,
        r"deploy(?:ed|s|ing|ment|ments)?|sent (?:\S+ ){0,3}(?:troops|soldiers|forces|units|"
        r"reinforcements)|reinforc(?:ed|ing|ements?)|(?:troops|soldiers|forces) (?:arrived|were sent|"
        r"were dispatched|entered)|"
        r"invite[ds]? (?:\S+ ){0,4}(?:troops|soldiers)|dispatched|stationed",
    ),
    (
        "interception",
        5.0,
        r"(?:destroy(?:ed|s)?|downed|shot down|neutrali[sz]ed) (?:\S+ ){0,3}(?:drones?|uavs?|missiles?|rockets?)",
    ),
    (
        "interception",
        6.0,
        r"intercept(?:ed|s|ing|ion|ions)?(?! (?:\S+ ){0,3}(?:suspects?|members?|man|men|woman|"
        r"women|traffickers?|individuals?|persons?|people|smugglers?|vehicles?|trucks?|cars?|boats?|migrants|"
        r"of (?:this|the|a) (?:individual|man|suspect)))|shot down|shoot down|downed|air defen[cs]es? "
        r"(?:destroyed|repelled|repulsed)|neutrali[sz]ed (?:\S+ ){0,2}(?:drones?|missiles?|rockets?)|"
        r"repelled (?:\S+ ){0,2}"
        r"(?:drones?|missiles?|rockets?)",
    ),
    (
        "weapons_seizure",
        7.0,
        r"defus(?:ed|e|ing)|dismantl(?:ed|ing) (?:\S+ ){0,2}(?:bombs?|explosives?|ieds?|devices?|"
        r"mines?)|(?:seiz(?:ed|ure)|confiscat(?:ed|ion)|recover(?:ed|y)|found|discover(?:ed|y)|uncover(?:ed)?|"
        r"unearthed|destroy(?:ed)?|captur(?:ed|e)) (?:\S+ ){0,5}(?:weapons?|arms|ammunition|munitions|explosives?|"
        r"rifles?|"
        r"guns?|firearms|rockets|grenades|ieds?|bombs?|mortars|cache|caches|depots?|tunnels?|bomb-making|mines|"
        r"landmines|explosive devices|detonators|tnt|"
        r"machine guns?|rounds)|(?:weapons?|arms|ammunition|explosives?|firearms) (?:cache|caches|stash|"
        r"dump|haul|were (?:found|seized|recovered|discovered))|caches?|stash(?:es)? of|bomb disposal|"
        r"de-?min(?:ing|ed)|bomb (?:squad|disposal)|controlled explosion|safely detonated|suspicious (?:package|"
        r"object|device)|"
        r"(?:boats?|ships?|vessels?|trucks?|vehicles?|shipments?|consignments?|lorr(?:y|ies)) (?:\S+ ){0,2}(?:carrying|"
        r"loaded with|laden with|transporting) (?:\S+ ){0,3}(?:weapons|arms|ammunition|explosives|missiles|"
        r"rockets)|remov(?:ed|al|ing) (?:\S+ ){0,3}(?:mines|landmines|explosives|ieds|bombs|unexploded)|"
        r"cleared (?:\S+ ){0,4}(?:mines|landmines|explosives|ieds)|foiled|thwarted|"
        r"(?:weapons?|arms|ammunitions?|explosives?|firearms|rifles|guns|pistols|grenades|mines|landmines|bombs|ieds|"
        r"rockets|mortars|rounds) (?:\S+ ){0,6}(?:(?:were|was|have been|has been|had been|being) )?(?:found|seized|"
        r"confiscated|recovered|discovered|cleared|identified|defused|dismantled|handed over|surrendered)",
    ),
    (
        "base_established",
        5.0,
        r"(?:set up|sets up|setting up|establish(?:ed|es|ing)?|built|build|open(?:ed|s)?|relocat(?:ed|es|ing)|moved|"
        r"construct(?:ed|ing)?) (?:\S+ ){0,4}(?:bases?|headquarters|hq|observation (?:posts?|points?)|outposts?|"
        r"military (?:posts?|points?|camps?)|checkpoints?|camps?|posts?|command (?:centres?|centers?|posts?))|"
        r"(?:bases?|headquarters|observation posts?|"
        r"observation points?|outposts?) (?:\S+ ){0,2}(?:was|were|has been|have been) (?:set up|established|built|"
        r"opened)",
    ),
    (
        "territory_transfer",
        6.0,
        r"without (?:a |any )?(?:fight|resistance|battle|clash(?:es)?)|handed (?:\S+ ){0,2}over|"
        r"hand over|handover|handed (?:\S+ ){0,3}(?:control|authority)|peacefully (?:took|entered|handed)|ceded|"
        r"vacated",
    ),
    (
        "territory_transfer",
        2.5,
        r"withdr[ae]w(?:n|als?)?|pull(?:ed|s)? out|pull(?:ed)? back|retreat(?:ed|s)?|evacuat(?:ed|"
        r"ion) (?:\S+ ){0,2}(?:positions|base|town|area)|"
        r"without (?:a )?(?:fight|resistance)|took over (?:\S+ ){0,3}(?:positions|bases?|posts?)|"
        r"peacefully (?:took|entered)|vacated|ceded",
    ),
    (
        "property_destruction",
        4.0,
        r"loot(?:ed|ing|ers)?|plunder(?:ed|ing)?|pillag(?:ed|ing)|ransack(?:ed|ing)|"
        r"vandali[sz](?:ed|ing|m)|(?:set|setting) (?:\S+ ){0,3}(?:on )?fire|torch(?:ed|ing)|burn(?:ed|t|ing) (?:down )?"
        r"(?:\S+ ){0,3}(?:houses|homes|shops|vehicles|cars|buildings|property|properties|villages?|churches|mosques|"
        r"schools?|offices?|crops)|(?:destroy(?:ed|ing)|demolish(?:ed|ing)|razed|damag(?:ed|ing)) (?:\S+ ){0,3}"
        r"(?:houses|homes|shops|property|properties|buildings|infrastructure|towers?|crops|farms|villages?|"
        r"schools?|mosques?|churches|shrines?|statues?|monuments?|offices?)|stolen|stole|(?:attacks?|damage) on "
        r"(?:\S+ ){0,3}propert(?:y|ies)|arson|demolition",
    ),
    (
        "authorization",
        4.0,
        r"authori[sz](?:ed|es|e|ing|ation)|approv(?:ed|es|al|e|ing) (?:\S+ ){0,5}(?:use|strikes?|to use|"
        r"to strike|to launch)|approved|green light|allow(?:ed|s)? (?:\S+ ){0,3}to (?:use|strike|launch|fire)|"
        r"lift(?:ed)? (?:the )?restrictions|permission to",
    ),
    (
        "arms_transfer",
        3.5,
        r"(?:deliver(?:ed|ies|y|s)?|suppl(?:ied|y|ies)|transfer(?:red|s)?|provid(?:ed|e|es)|"
        r"sen[dt]|receiv(?:e|ed|es)|shipp?(?:ed|ment|ments)|donat(?:ed|es)|sold|sell|pledged) (?:\S+ ){0,6}"
        r"(?:weapons?|arms|missiles?|tanks?|jets?|fighters?|aircraft|systems?|munitions|ammunition|artillery|drones?|"
        r"air defen[cs]es?|howitzers|rifles)|(?:arms|weapons?|military) (?:deliveries|delivery|shipments?|sales?|"
        r"deal|aid|package|assistance)",
    ),
    (
        "displacement",
        3.0,
        r"expel(?:led|s)? (?:\S+ ){0,3}(?:nationals|civilians|residents|families|refugees|migrants)|"
        r"expulsion|displac(?:ed|ement)|forced (?:\S+ ){0,2}(?:to flee|out)|resettl\w+|settled (?:\S+ ){0,3}families|"
        r"curfew|martial law|state of emergency|tunnels?",
    ),
    (
        "threat",
        3.0,
        r"threat(?:en|ened|ens|ening)?|vow(?:ed|s)?|warn(?:ed|s|ing)? (?:\S+ ){0,4}(?:retaliat\w+|"
        r"respon\w+|strike|attack|war|consequences)|ultimatum|retaliat(?:e|ion|ory)|act of war|would (?:\S+ ){0,3}mean",
    ),
    (
        "diplomatic_event",
        2.5,
        r"diplomat(?:s|ic)?|ambassadors?|embass(?:y|ies)|summon(?:ed|s)|envoys?|"
        r"expel(?:led|s)? (?:\S+ ){0,2}(?:diplomats|ambassador|envoy)|persona non grata|bilateral|summit|"
        r"foreign minister|talks\b|state visit|visit(?:ed|s)? (?:\S+ ){0,3}(?:president|prime minister|capital)|"
        r"met with (?!retaliation|resistance|force|criticism|fire|protests?|opposition|silence)|meeting with|"
        r"consulate|recall(?:ed|s)? (?:its |his |the )?ambassador|severed (?:diplomatic )?ties",
    ),
    (
        "diplomatic_event",
        1.5,
        r"visit(?:s|ed|ing)?|arrived in|host(?:ed|s)? (?:\S+ ){0,4}(?:meeting|talks|summit|president|minister|leader)|"
        r"mediat(?:e|ed|ion|ing|or)|negotiat(?:e|ed|ions?|ing)|peace talks|held talks|met\b|meeting",
    ),
    (
        "pledge",
        1.5,
        r"promis(?:ed|es|e)|pledg(?:ed|es|e)|offer(?:ed|s)? (?:to|its|his|her)|willing to|ready to|prepared to|"
        r"committed to|agree(?:d|s) to|will (?:support|provide|give|send|help|allow|release|return|evacuate)|"
        r"would (?:allow|support|provide|give|send|help)",
    ),
    (
        "sanction",
        3.0,
        r"sanction(?:s|ed)?|embargo(?:es)?|asset freeze|froze (?:\S+ ){0,2}assets|blacklist(?:ed)?|"
        r"travel ban|trade restrictions|tariffs?",
    ),
    (
        "natural_disaster",
        6.0,
        r"earthquakes?|quakes?|tremors?|floods?|flooding|flash floods?|cyclones?|hurricanes?|"
        r"typhoons?|tornado(?:es)?|tsunamis?|landslides? (?:hit|struck|buried|killed|swept|blocked|destroyed)|"
        r"(?:triggered|caused) landslides|"
        r"landslides|mudslides?|volcan(?:o|oes|ic)|eruptions?|(?:mount|"
        r"volcano|mt\.?) (?:\S+ ){0,2}erupt(?:ed|s|ing)|avalanches?|"
        r"droughts?|wildfires?|forest fires?|bushfires?|(?:tropical|winter|severe|heavy|dust|snow|ice|powerful|"
        r"violent|sand|rain) storms?|"
        r"storms? (?:hit|battered|lashed|swept|struck|killed|caused|left|ravaged|pounded)|heavy (?:rain|rains|"
        r"snow|snowfall)|torrential|"
        r"heat ?waves?|magnitude|monsoon|lightning|blizzards?|locusts?|outbreaks? (?:of|on|in|at)|pandemic|"
        r"covid(?:-19)?|coronavirus|(?:cholera|ebola|disease|virus|"
        r"measles) (?:epidemic|outbreak)",
    ),
    (
        "man_made_disaster",
        4.0,
        r"(?:fire|blaze) (?:broke out|engulfed|gutted|destroyed|ripped)|caught fire|catching fire|"
        r"blazes?|gutted|firefighters?|fire ?fighters|fire department|fire crews?|(?:gas|oil|chemical|pipeline) "
        r"(?:leak|spill|explosion)s?|(?:oil|fuel|chemical|toxic) (?:leaks?|spills?)|derail(?:ed|ment)|capsiz(?:ed|"
        r"ing)|sank|shipwreck|"
        r"collid(?:ed|ing)|collision|(?:head-on|fatal|deadly|multi-vehicle|vehicle|road|car) crash(?:es)?|"
        r"leak(?:ed|ing) (?:\S+ )?(?:oil|fuel|gas|chemicals?|toxic)|(?:plane|car|bus|train|truck|helicopter|jet|"
        r"vehicle|aircraft|boat|lorry|"
        r"minibus|van|"
        r"tanker|ferry) (?:\S+ ){0,2}crash(?:ed|es)?|(?:road|traffic|car|bus|train|mining|industrial) accidents?|"
        r"accident(?:s|al|ally)?|(?:boiler|tanker|factory|plant|"
        r"refinery|warehouse|mine|gas cylinder|cylinder|transformer|propane|fireworks?) (?:\S+ ){0,2}"
        r"(?:explosion|exploded|blast|fire|collapse)|stampede|carbon monoxide|poisoning|short circuit|structure fire|"
        r"house fire|burns? after|on fire|flames|(?:bridge|building|roof|dam|tunnel|mine|house|wall|stadium|hotel|"
        r"school|factory|shaft) (?:\S+ ){0,2}collaps\w+|"
        r"plane crash|crashed|plung(?:ed|es|ing) (?:into|off|from)|veered off|lost control|emergency landing|"
        r"mine disaster|toxic fumes|overturn(?:ed|s)?|ran aground|"
        r"broke loose|explosion (?:\S+ ){0,3}(?:warehouse|factory|plant|refinery|depot|mine|company|facility|"
        r"storage|tanker|pipeline|station|garage|restaurant|building|home|house)|(?:gas|oil|fuel|"
        r"chemical) leak(?:ed|age|ing)",
    ),
    ("man_made_disaster", 6.0, r"gas leak(?:ed|age)?|leaked (?:from|into)|(?:oil|chemical|toxic) spill"),
    (
        "organized_crime",
        4.0,
        r"robb(?:ed|ery|eries|ers?)|heists?|burglar(?:y|ies|s)?|drug (?:traffick\w+|dealers?|"
        r"lords?|cartels?|smuggl\w+|gangs?|ring|bust|trade)|cartels?|traffick(?:ing|ers?|ed)|smuggl(?:ing|ers?|ed)|"
        r"gangs?\b|gangsters?|mafia|extortion|narcotics|cocaine|heroin|methamphetamine|cannabis|marijuana|"
        r"contraband|counterfeit|money laundering|organi[sz]ed crime|criminal (?:gang|network|group|organi[sz]ation)s?|"
        r"carjack\w*|thie(?:f|ves)|theft|stole|stolen|loot|cattle rustl\w+|poach(?:ing|ers)|illegal (?:mining|logging)|"
        r"hit ?m[ae]n|cybercrime|pornograph\w*|ponzi|bribe(?:ry|s)?|kingpin",
    ),
    (
        "claim_of_responsibility",
        10.0,
        r"claim(?:ed|s|ing)? (?:the )?responsibility|"
        r"claimed (?:the )?(?:attack|bombing|killing|murder|assassination|blast|kidnapping|abduction)|"
        r"took responsibility|(?:said|says|claimed|admitted) (?:that )?(?:it|they) (?:had )?(?:carried out|"
        r"was behind|were behind|"
        r"staged|conducted|perpetrated|launched)|(?:were|was|is|are|being|be) responsible for|to be behind|(?:was|"
        r"were|is|are) behind|"
        r"denied (?:\S+ ){0,3}(?:involvement|responsibility|role|sending|supplying)",
    ),
    (
        "claim_of_responsibility",
        4.0,
        r"responsibility for|(?:blamed|blames|blaming) (?:\S+ ){0,4}(?:for|on)|"
        r"held (?:\S+ ){0,3}responsible|behind the (?:\S+ )?(?:attacks?|bombings?|blasts?|killings?)|"
        r"accused (?:\S+ ){0,4}of (?:carrying out|being behind|orchestrating|plotting)",
    ),
    (
        "accusation",
        1.5,
        r"accus(?:ed|es|ing|ation|ations)|condemn(?:ed|s|ation)|criticiz(?:ed|es)|denounc(?:ed|es)|"
        r"investigat(?:e|ed|ion|ing)|allegations?|alleged|probe|inquiry",
    ),
    (
        "demand",
        1.5,
        r"demand(?:ed|s|ing)?|urg(?:ed|es|ing)|call(?:ed|s)? (?:on|for)|appeal(?:ed|s)? (?:to|for)|"
        r"ask(?:ed|s)? (?:\S+ ){0,3}to|request(?:ed|s)?|insist(?:ed|s)?|press(?:ed)? (?:for|\w+ to)",
    ),
    (
        "rejection",
        2.5,
        r"reject(?:ed|s|ing)?|refus(?:ed|es|al)|rebuff(?:ed)?|turn(?:ed)? down|dismiss(?:ed|es)|"
        r"veto(?:ed)?|oppos(?:ed|es) (?:the|any)|walk(?:ed)? out",
    ),
    (
        "concession",
        1.5,
        r"releas(?:ed|es|e)|freed|eas(?:ed|e|ing) (?:\S+ ){0,2}restrictions|lift(?:ed|s)? (?:\S+ ){0,2}"
        r"(?:ban|curfew|siege|blockade|sanctions)|pardon(?:ed)?|amnesty|conced(?:ed|es)|stepp(?:ed)? down|"
        r"resign(?:ed|s)|cancell?ed (?:\S+ ){0,2}(?:restrictions|ban|curfew|sanctions)|called off|"
        r"allow(?:ed|s)? (?:\S+ ){0,3}to (?:participate|return|enter|run|contest)",
    ),
    (
        "cooperation",
        1.5,
        r"cooperat(?:e|ed|ion)|joint (?:exercises?|patrols?|operations?|efforts?)|partnership|"
        r"collaborat(?:e|ed|ion)|share intelligence",
    ),
    (
        "aid",
        1.5,
        r"humanitarian (?:aid|assistance|relief|supplies|convoy)|relief (?:supplies|aid|goods)|"
        r"(?:food|medical) (?:aid|supplies|assistance)|donat(?:ed|ion|ions)|grant(?:ed)? (?:\S+ ){0,2}(?:aid|loan)|"
        r"financial (?:aid|assistance)|loans?|provided (?:\S+ ){0,2}assistance|refugees",
    ),
    (
        "support",
        1.5,
        r"prais(?:ed|es)|welcom(?:ed|es)|endors(?:ed|es)|back(?:ed|s) (?:the|a)|support(?:ed|s)? "
        r"(?:the|a|his|her)|express(?:ed)? (?:its |his |her )?(?:support|solidarity)|hail(?:ed|s)",
    ),
]


@dataclass(frozen=True)
class Cue:
    """One lexicon hit: a candidate event type at a character span."""

    type: str
    start: int
    end: int
    weight: float


def _wrap(pattern: str) -> str:
    return r"(?<![\w-])(?:" + pattern + r")(?![\w])"


_COMPILED: list[tuple[str, float, re.Pattern[str]]] = [(t, w, re.compile(_wrap(p), re.I)) for t, w, p in _CUES]
# Speed: case-insensitive matching is slow in Python's re, and ~80 passes over a text add up. Patterns with no
# case-sensitive part run on the lower-cased text, and one alternation of them all finds the few positions where
# any cue starts; only there is each pattern tried. Same hits as one finditer per pattern, at a fraction of the cost.
_LOWER = [(t, w, re.compile(_wrap(p))) for t, w, p in _CUES if "(?-i" not in p]
_CASED = [(t, w, rx) for (t, w, rx), (_, _, p) in zip(_COMPILED, _CUES, strict=True) if "(?-i" in p]
_ANY = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})(?![\\w])" for _, _, p in _CUES if "(?-i" not in p) + ")")


def scan(text: str) -> list[Cue]:
    """Every lexicon hit in ``text``, in text order; overlapping hits of different types are all kept."""
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lower-cased: offsets would drift
        return _scan_each(text, _COMPILED)
    hits = _scan_each(text, _CASED)
    last_end = [-1] * len(_LOWER)
    pos = 0
    while (m := _ANY.search(low, pos)) is not None:
        at = m.start()
        for k, (fine, weight, rx) in enumerate(_LOWER):
            if at < last_end[k]:
                continue  # finditer would not start a match inside its previous one
            hit = rx.match(low, at)
            if hit is not None:
                hits.append(Cue(fine, at, hit.end(), weight))
                last_end[k] = hit.end()
        pos = at + 1
    hits.sort(key=lambda c: (c.start, -c.weight))
    return hits


def _scan_each(text: str, compiled: list[tuple[str, float, re.Pattern[str]]]) -> list[Cue]:
    hits = [Cue(fine, m.start(), m.end(), weight) for fine, weight, rx in compiled for m in rx.finditer(text)]
    hits.sort(key=lambda c: (c.start, -c.weight))
    return hits


# a cue inside "in response to ..." names the cause of the main event, not the event itself
_RESPONSE_TO = re.compile(
    r"(?:in (?:response|retaliation|reaction|revenge) (?:to|for)|response to|retaliation for|in protest (?:at|"
    r"against|over)|"
    r"protesting(?: against)?|to protest(?: against| over)?|demanding|demanded|against(?: the)?)\W+(?:\w+\W+){0,6}$",
    re.I,
)
_NON_STATE = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|terrorists?|islamic state|isis|isil|daesh|al-?shabaa?b|"
    r"taliban|houthis?|huthis?|boko haram|al-?qaeda|militias?|fighters|gunmen|separatists?|guerrillas?|extremists?|"
    r"opposition|armed group|ansar|hts|tahrir|sdf|ypg|pkk|jama'?at|faction|activists|rebel|npa|bandits)\b",
    re.I,
)
_GOVERNMENT = re.compile(
    r"\b(?:government|army|armed forces|troops|troopers|military|security forces|soldiers|national guard|police|"
    r"state forces|regime|gendarmerie|special forces|marines|sana|saa)\b",
    re.I,
)
_REGAIN = re.compile(r"re-?captur|regain|re-?took|retak|liberat|recover", re.I)


def government_acts(text: str, cue: Cue) -> bool:
    """Whether the actor just before a territory cue is a government force (ACLED: government regains territory)."""
    before = text[max(0, cue.start - 150) : cue.start]
    ns = [m.end() for m in _NON_STATE.finditer(before)]
    gov = [m.end() for m in _GOVERNMENT.finditer(before)]
    if ns or gov:
        # the nearest actor mention before the verb is its subject in news prose
        return (max(gov) if gov else -1) > (max(ns) if ns else -1)
    return bool(_REGAIN.match(text, cue.start))


def _position(start: int, scale: float = 300.0) -> float:
    """Salience of a position: the lead of a news text states its main event."""
    return 1.0 / (1.0 + start / scale)


_PROTESTS = ("protest", "riot")
_MODIFIER_OF = {"+riot": "riot", "+force": "force_against_protesters", "+intervention": "protest_with_intervention"}
_PHRASE = 30  # characters within which same-type cues count once
_NEAR = 250  # characters within which a modifier qualifies a protest cue
_MODIFIER_MIN = 1.5
_MODIFIER_BIAS = {"+riot": 1.2, "+force": 1.1, "+intervention": 1.0}  # ties go to the graver reading
# remote-violence types ACLED codes by the most specific weapon used, whatever else the text says
_SPECIFIC = ("suicide_bombing", "chemical_attack", "grenade_attack")
_VIOLENT = {
    "armed_clash",
    "air_strike",
    "drone_strike",
    "missile_strike",
    "shelling",
    "explosive_attack",
    "attack_on_civilians",
    "grenade_attack",
    "chemical_attack",
    "suicide_bombing",
}


_SPEECH_ACTS = ("demand", "rejection")
# rejecting an allegation of responsibility is still about responsibility (CASE: ATTRIB)
_NOT_GOVERNED = frozenset({*_SPEECH_ACTS, "claim_of_responsibility", "accusation"})
_GOVERN_SPAN = 60  # characters after "rejected", "demanded" where the object names the act demanded or refused


# "rejected reports that ...", "dismissed claims of ...": what is rejected is an account of an event
_REPORTED = re.compile(
    r"\b(?:reports?|claims?|allegations?|accounts?|rumou?rs?|suggestions?|assertions?|speculation)\s+(?:that|of)\b",
    re.I,
)


def _eventive(c: Cue) -> bool:
    return not c.type.startswith("+") and c.type not in _NOT_GOVERNED


def reported_object(text: str, act: Cue, span: int = _GOVERN_SPAN) -> int | None:
    """End of "reports that" / "claims of" right after a rejection cue, when its object is a reported event."""
    m = _REPORTED.search(text, act.end, min(len(text), act.end + span))
    if m is None or re.search(r"[.;:!?]", text[act.end : m.start()]):
        return None
    return m.end()


def _govern(cues: list[Cue], acts: list[tuple[Cue, float]], score: dict[str, float], text: str, scale: float) -> None:
    """ "Rejected a ceasefire proposal", "demanded the withdrawal": the event is the speech act, not its object.

    But "rejected reports that a drone came down": the reported event is the event of record (the rejection is
    the stance of a claim about it, read by the claims component), so the speech act gives way to it."""
    for act, s in acts:
        after = reported_object(text, act) if act.type == "rejection" else None
        if after is not None:
            if any(_eventive(c) and after <= c.start <= after + 2 * _GOVERN_SPAN for c in cues):
                score[act.type] = max(0.0, score[act.type] - s)
            continue
        for c in cues:
            if c.type.startswith("+") or c.type in _NOT_GOVERNED or c.type not in score:
                continue
            if act.end <= c.start <= act.end + _GOVERN_SPAN:
                moved = 0.7 * cue_score(text, c, scale)
                score[c.type] = max(0.0, score[c.type] - moved)
                score[act.type] += moved


_SANCTION_SPAN = 40  # characters after "agreed", "adopted" within which a sanctions cue names what was agreed


def _sanctions(
    cues: list[Cue], acts: list[tuple[Cue, float]], score: dict[str, float], text: str, scale: float
) -> None:
    """ "Agreed a new package of sanctions against X": the act is the sanction, the agreement only its form."""
    for c in cues:
        if c.type != "agreement" or score.get("agreement", 0.0) <= 0:
            continue
        if any(s.type == "sanction" and 0 <= s.start - c.end <= _SANCTION_SPAN for s in cues):
            moved = min(score["agreement"], cue_score(text, c, scale))
            score["agreement"] -= moved
            score["sanction"] = score.get("sanction", 0.0) + moved
            acts[:] = [a for a in acts if a[0] is not c]  # "agreed to impose sanctions" governs nothing else


def _specific(score: dict[str, float]) -> None:
    """Argument rules over the summed scores; edits ``score`` in place."""
    if not score:
        return
    top = max(score, key=lambda t: score[t])
    if top in _VIOLENT:
        for fine in _SPECIFIC:
            if score.get(fine, 0.0) >= 0.4 * score[top]:
                score[fine] = score[top] + 0.01
                break
    # weapons or depots destroyed from the air are the strike's targets, not a seizure (seized mortars and
    # rockets are no shelling, so only air and drone strikes take over)
    if top == "weapons_seizure":
        strikes = [t for t in ("air_strike", "drone_strike") if score.get(t, 0.0) >= 0.5 * score[top]]
        if strikes:
            v = max(strikes, key=lambda t: score[t])
            score[v] = score[top] + 0.01
    # damage is what a strike or a battle did, not an event of its own, when the text reports one
    if top == "property_destruction":
        violent = [t for t in _VIOLENT if score.get(t, 0.0) >= 0.5 * score[top]]
        if violent:
            v = max(violent, key=lambda t: score[t])
            score[v] = score[top] + 0.01
    # forces entering an area another force left: ACLED's non-violent transfer unless there was fighting
    if (
        score.get("territory_transfer", 0.0) > 0
        and score.get("territory_change", 0.0) > 0
        and not score.get("armed_clash")
    ):
        score["territory_transfer"] += score["territory_change"]


def cue_score(text: str, cue: Cue, scale: float = 300.0) -> float:
    """Weight of a cue at its place: earlier is more salient, a stated cause counts little."""
    s = cue.weight * _position(cue.start, scale)
    if _RESPONSE_TO.search(text, max(0, cue.start - 80), cue.start):
        s *= 0.3
    return s


def rank_types(text: str, cues: list[Cue] | None = None, scale: float = 300.0) -> list[tuple[str, float, Cue]]:
    """Candidate fine types of ``text`` with their scores, best first, each with its strongest cue.

    ``scale`` is how fast position lowers a cue's weight: short for a document, long within a sentence."""
    cues = scan(text) if cues is None else cues
    # "a drone had crashed": the crash word inside a drone or missile downing phrase is no accident of its own
    downed = [c for c in cues if c.type in ("drone_strike", "missile_strike") and c.weight == _DOWNED_WEIGHT]
    if downed:
        cues = [
            c
            for c in cues
            if c.type != "man_made_disaster" or not any(d.start <= c.start and c.end <= d.end for d in downed)
        ]
    score: dict[str, float] = {}
    best: dict[str, tuple[float, Cue]] = {}
    protest_at = [c.start for c in cues if c.type in _PROTESTS]
    modifiers: dict[str, float] = {}
    last: dict[str, tuple[int, float]] = {}
    acts: list[tuple[Cue, float]] = []
    for c in cues:
        s = cue_score(text, c, scale)
        if c.type.startswith("+"):
            if any(abs(c.start - p) <= _NEAR for p in protest_at):
                # the strongest sign of a kind decides, not how many weak ones pile up
                modifiers[c.type] = max(modifiers.get(c.type, 0.0), s)
            continue
        prev = last.get(c.type)
        if prev is not None and c.start - prev[0] <= _PHRASE:
            # cues of one type in one phrase ("threatened to retaliate") are one piece of evidence
            if s > prev[1]:
                score[c.type] += s - prev[1]
                last[c.type] = (prev[0], s)
        else:
            score[c.type] = score.get(c.type, 0.0) + s
            last[c.type] = (c.start, s)
        # "agreed to release the hostages": the agreement governs what was agreed, like a demand does
        if c.type in _SPEECH_ACTS or (c.type == "agreement" and text[c.start : c.start + 9].lower() == "agreed to"):
            acts.append((c, s))
        if c.type not in best or s > best[c.type][0]:
            best[c.type] = (s, c)
    protest = score.get("protest", 0.0) + score.get("riot", 0.0)
    if protest > 0:
        # ACLED codes a demonstration by what happened: violent demonstrators make a riot, else the
        # state's response decides (lethal or excessive force, then any intervention), else it was peaceful
        if score.get("riot", 0.0) > 0:
            modifiers["+riot"] = modifiers.get("+riot", 0.0) + _MODIFIER_MIN
        mods = [(modifiers.get(m, 0.0) * bias, m) for m, bias in _MODIFIER_BIAS.items()]
        value, mod = max(mods)
        if value >= _MODIFIER_MIN:
            fine = _MODIFIER_OF[mod]
            score[fine] = protest + modifiers[mod]
            best.setdefault(fine, best.get("protest") or best["riot"])
            score["protest"] = 0.0
            if fine != "riot":
                score["riot"] = 0.0
            if fine in ("force_against_protesters", "protest_with_intervention"):
                # the arrests are how the protest was met, not a separate event
                score["arrest"] = 0.0
    _sanctions(cues, acts, score, text, scale)
    _govern(cues, acts, score, text, scale)
    _specific(score)
    ranked = sorted(((t, s, best[t][1]) for t, s in score.items() if s > 0), key=lambda x: -x[1])
    return ranked
