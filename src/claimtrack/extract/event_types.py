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
_N = r"(?:\w+\s+){0,3}"  # up to three words between a verb and its object
_CUES: list[tuple[str, float, str]] = [
    # battles
    ("armed_clash", 2.0, r"clash(?:es|ed)?|gun ?(?:battle|fight)s?|firefights?|skirmish(?:es|ed)?|exchanges? of fire"),
    ("armed_clash", 1.5, r"fighting|fought|battles?\b|battled|ambush(?:ed|es)?|engaged in combat|heavy combat"),
    ("armed_clash", 2.0, r"attack(?:ed|s)?\s+" + _N + r"(?:military|army|police|security|troops?|soldiers?|checkpoints?|"
     r"positions?|posts?|bases?|camps?|convoys?|barracks|outposts?|patrols?)"),
    ("armed_clash", 1.5, r"(?:militants|rebels|insurgents|fighters|gunmen|jihadists|terrorists|troops|soldiers|forces)"
     r"\s+(?:were|was)\s+killed|killed\s+" + _N + r"(?:militants|rebels|insurgents|jihadists|terrorists|soldiers|troops)"),
    ("armed_clash", 1.0, r"offensive|counter-?attack(?:ed|s)?|assault(?:ed)? on (?:the )?(?:town|city|village)"),
    ("territory_change", 3.0, r"re-?captur(?:ed|es?|ing)|regain(?:ed|s)?(?: full)? control|re-?took|retak(?:en|e|es)|"
     r"liberat(?:ed|es?|ion of)|recover(?:ed)? (?:the )?(?:town|city|village|area|territory)|regained"),
    ("territory_change", 2.5, r"(?:took|taken|take|seized?|seizing|gain(?:ed)?|assum(?:ed|e)) (?:full |complete |partial )?"
     r"control|captur(?:ed|es?|ing) (?:the |a |several |two |three )?(?:\w+ )?(?:town|city|village|villages|areas?|"
     r"district|territory|base|positions?|hills?|province|region|crossing|border)|overr(?:a|u)n|fell to|"
     r"seized (?:the )?(?:town|city|village|district|area)|advanced? (?:into|on)"),
    # remote violence
    ("air_strike", 3.0, r"air ?strikes?|airstrikes?|air ?raids?|aerial (?:bombardment|attacks?|strikes?|bombing)|"
     r"war ?planes?|fighter jets?|jets? (?:struck|bombed|hit|pounded)|helicopter gunships?|bombers?\b(?! from)|"
     r"air missiles|air force (?:struck|bombed|hit|carried out)|bombed from the air|barrel bombs?"),
    ("drone_strike", 3.0, r"drone (?:strikes?|attacks?)|(?:armed |kamikaze |attack )drones?|drones? (?:struck|hit|attacked)|"
     r"unmanned aerial vehicles?|uavs?\b"),
    ("drone_strike", 1.0, r"drones?"),
    ("shelling", 3.0, r"shell(?:ed|ing|s)\b|artillery|mortars?(?: rounds?| shells?| fire| attacks?)?|howitzers?|"
     r"(?:katyusha|grad) rockets?|bombard(?:ed|ment)|rocket (?:fire|attacks?)|fired rockets?|rockets? (?:fired|landed|hit)"),
    ("missile_strike", 3.0, r"missiles?\b|ballistic|cruise missiles?|rocket launchers?|atacms|himars|iskander|kinzhal|"
     r"kalibr|storm shadow|scalp"),
    ("missile_strike", 1.0, r"rockets?\b"),
    ("chemical_attack", 5.0, r"chemical (?:weapons?|attacks?|agents?|munitions?)|chlorine|sarin|mustard gas|nerve (?:agent|gas)|"
     r"poison(?:ous)? gas|toxic (?:gas|chemicals?|substances?)|gas attacks?|phosphorus|napalm|tear gas shells?"),
    ("grenade_attack", 5.0, r"grenades?|rpg\b|rocket-propelled grenades?|hurled (?:an? )?explosive"),
    ("explosive_attack", 4.0, r"\bieds?\b|improvised explosive|roadside bombs?|landmines?|land mines?|car bombs?|"
     r"(?:mines?|explosive devices?|explosives?|bombs?) (?:exploded|went off|detonated|blast)|"
     r"(?:bomb|mine) (?:blast|explosion|attack)s?|booby[- ]trap(?:ped)?|explosive device|vbied|sticky bombs?|"
     r"planted (?:a |an )?(?:bomb|explosive)s?|detonated (?:a |an )?(?:bomb|explosive|device)|remote(?:ly)?[- ]"
     r"(?:controlled|detonated)|stepped on a (?:land)?mine|mine explosion|hit a (?:land)?mine"),
    ("explosive_attack", 2.0, r"explosions?|blasts?|bomb(?:ing|ings|s)?\b|explod(?:ed|es)|detonat(?:ed|ion)"),
    ("suicide_bombing", 8.0, r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|car bomb|vest|belt|blast|mission)|"
     r"blew (?:himself|herself|themselves) up|self-detonat|explosives?[- ]laden (?:vest|belt)|suicide"),
    # protests and riots
    ("protest", 3.0, r"protest(?:s|ed|ing|ers?)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|marche[ds]|march\b|"
     r"sit-ins?|strikes? by|went on strike|on strike|picket(?:ed|ing)?|took to the streets|rallying|"
     r"gathered (?:at|in|outside|in front)|vigils?|hunger strike|boycott"),
    ("protest_with_intervention", 3.5, r"(?:dispers(?:e|ed|ing)|broke up|break up|detain(?:ed|ing)?|arrest(?:ed|ing)?|"
     r"rounded up|water cannons?|tear ?gas|teargas|pepper spray|stun grenades?|rubber bullets|blocked|cordon(?:ed)?)"),
    ("force_against_protesters", 3.0, r"(?:live (?:ammunition|rounds|bullets|fire)|opened fire on (?:the )?(?:protesters|"
     r"demonstrators|crowds?)|(?:shot|killed|beat(?:en)?|clubbed|hits?) (?:\w+ ){0,2}(?:protesters|demonstrators|"
     r"demonstrator|protester|students)|batons?|violently (?:suppress|dispers|crack|broke)\w*|brutal(?:ly)? "
     r"(?:crack|suppress|dispers)\w*|crackdown|excessive force|lethal force|beat(?:ing)? (?:up )?(?:protesters|"
     r"demonstrators))"),
    ("riot", 3.0, r"riot(?:s|ed|ing|ers)?\b(?! police)|violent (?:protests?|demonstrations?|clashes)|"
     r"(?:protesters|demonstrators|rioters|students|crowds?|youths?) (?:\w+ ){0,2}(?:clashed|threw|hurled|pelted|"
     r"torched|set fire|burn(?:ed|t)|stormed|attacked|vandali[sz]ed|smashed|blocked|barricaded)|"
     r"(?:stones?|rocks?|molotov cocktails?|petrol bombs?|bricks?) (?:at|were thrown)|stone[- ]pelting|"
     r"threw (?:stones|rocks|molotov|petrol bombs|bricks|bottles|objects)|clashed with (?:the )?(?:riot )?police|"
     r"ugly protests?|unrest"),
    ("mob_violence", 4.0, r"\bmobs?\b|lynch(?:ed|ing|ings)?|vigilant(?:e|es|ism)|angry (?:crowd|villagers|residents)|"
     r"mob justice|jungle justice|communal (?:violence|clash(?:es)?)|sectarian (?:violence|clash(?:es)?)|"
     r"(?:villagers|residents|herders|herdsmen|farmers|youths|locals) (?:\w+ ){0,2}attacked|ethnic (?:violence|"
     r"clash(?:es)?)|cow vigilant\w*|burn(?:ed|t) alive|beaten to death"),
    # violence against civilians
    ("attack_on_civilians", 2.5, r"gunmen|shot dead|shooting|opened fire|massacre(?:d|s)?|stabb(?:ed|ing)|"
     r"behead(?:ed|ing)|hacked|killed (?:\w+ ){0,3}(?:civilians|villagers|people|residents|worshippers|students|"
     r"farmers|women|children|passengers|family|men)|assassinat(?:ed|ion)|executed|murder(?:ed|s)?|"
     r"drive-by|(?:attack|assault)(?:ed|s)? (?:\w+ ){0,3}(?:civilians|villagers|residents|worshippers|journalists?|"
     r"activists?|students|school|village|church|mosque|hospital|market|bus|vehicle|home|house)|"
     r"tortur(?:e|ed|ing)|ill-treat\w*|attacked and (?:killed|injured|wounded)|gunned down|"
     r"attacked (?:by )?(?:unknown )?(?:gunmen|assailants|attackers)|assailants|stormed"),
    ("attack_on_civilians", 1.0, r"attack(?:s|ed|ing)?\b|killed|killing|wounded|injured|dead"),
    ("abduction", 5.0, r"kidnap(?:ped|ping|pings|s|pers)?|abduct(?:ed|ion|ions|s|ors)?|taken hostage|held hostage|"
     r"hostages?|forcibly disappeared|enforced disappearance|forced disappearance|went missing|whereabouts "
     r"(?:remain|are|is) unknown|seized (?:\w+ ){0,2}(?:people|civilians|villagers|passengers|women|men|children|students)|"
     r"held captive|captives?|ransom"),
    ("sexual_violence", 6.0, r"rap(?:e|ed|es|ing|ist|ists)\b|sexual(?:ly)? (?:violence|assault(?:ed)?|abuse(?:d)?|"
     r"exploitation|harassment|slavery)|gang-?rap\w*|molest(?:ed|ation)?|sex slaves?|abused and assaulted|"
     r"sexual and gender-based violence|(?:abused|assaulted) (?:\w+ ){0,2}(?:women|girls|civilians)"),
    # strategic developments
    ("agreement", 3.5, r"agree(?:d|s|ment|ments)?\b|ceasefire|cease-fire|truce|peace (?:deal|accord|agreement|pact|treaty)|"
     r"accords?\b|signed (?:a |an )?(?:deal|pact|treaty|memorandum|accord)|deal\b|negotiated|prisoner swap|"
     r"exchange(?:d)? (?:of )?(?:prisoners|bodies|detainees)|reconcil\w+|armistice|pact\b"),
    ("arrest", 4.0, r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|apprehend(?:ed|s)?|taken into custody|custody|"
     r"nabbed|rounded up|held (?:\w+ ){0,2}for questioning|raid(?:ed|s)? (?:on )?(?:the )?homes?|"
     r"picked up by (?:the )?police|jailed|remanded|captured (?:\w+ ){0,2}(?:suspects?|members|militants|leader|"
     r"commander|terrorists)"),
    ("group_change", 3.0, r"(?:were|was|been|newly) (?:formed|created|established|founded|launched)|(?:formed|created|"
     r"founded|launched) (?:a |an |the )?(?:new )?(?:group|militia|force|forces|unit|battalion|brigade|alliance|"
     r"coalition|party|movement|front|faction|command|wing)|defect(?:ed|ion|ions|ors?)|merg(?:ed|er|e)|"
     r"pledged (?:allegiance|loyalty)|joined (?:forces|the)|split (?:from|into)|renamed|disband(?:ed|s)?|"
     r"dissolv(?:ed|es)|recruit(?:ed|ment|s)|surrender(?:ed|s)?|laid down (?:their|his) (?:arms|weapons)|"
     r"integrated into|mutin(?:y|ied|ies)|withdr[ae]w(?:n)? from (?:the )?(?:coalition|alliance|agreement|talks)|"
     r"mobiliz(?:ed|ation)|announced (?:the )?(?:creation|formation)|new (?:leader|commander|chief)|appointed"),
    ("deployment", 3.0, r"deploy(?:ed|s|ing|ment|ments)?|sent (?:\w+ ){0,3}(?:troops|soldiers|forces|units|"
     r"reinforcements)|reinforcements|(?:troops|soldiers|forces) (?:arrived|were sent|were dispatched|entered)|"
     r"invite[ds]? (?:\w+ ){0,4}(?:troops|soldiers)|dispatched|stationed"),
    ("interception", 6.0, r"intercept(?:ed|s|ing|ion|ions)?|shot down|shoot down|downed|air defen[cs]es? "
     r"(?:destroyed|repelled|repulsed)|neutrali[sz]ed (?:\w+ ){0,2}(?:drones?|missiles?|rockets?)|repelled (?:\w+ ){0,2}"
     r"(?:drones?|missiles?|rockets?)"),
    ("weapons_seizure", 5.0, r"defus(?:ed|e|ing)|dismantl(?:ed|ing) (?:\w+ ){0,2}(?:bombs?|explosives?|ieds?|devices?|"
     r"mines?)|(?:seiz(?:ed|ure)|confiscat(?:ed|ion)|recover(?:ed|y)|found|discover(?:ed|y)|uncover(?:ed)?|"
     r"unearthed|destroy(?:ed)?|captur(?:ed|e)) (?:\w+ ){0,5}(?:weapons?|arms|ammunition|munitions|explosives?|rifles?|"
     r"guns?|firearms|rockets|grenades|ieds?|bombs?|mortars|cache|caches|depots?|tunnels?|bomb-making|"
     r"machine guns?|rounds)|(?:weapons?|arms|ammunition|explosives?|firearms) (?:cache|caches|depot|stash|"
     r"dump|haul|were (?:found|seized|recovered|discovered))|caches?|stash(?:es)? of|bomb disposal|"
     r"de-?min(?:ing|ed)|cleared (?:\w+ ){0,2}mines|foiled|thwarted"),
    ("base_established", 5.0, r"(?:set up|sets up|setting up|establish(?:ed|es|ing)?|built|build|open(?:ed|s)?|"
     r"construct(?:ed|ing)?) (?:\w+ ){0,4}(?:bases?|headquarters|hq|observation (?:posts?|points?)|outposts?|"
     r"military (?:posts?|points?|camps?)|checkpoints?|camps?|posts?)|(?:bases?|headquarters|observation posts?|"
     r"observation points?|outposts?) (?:\w+ ){0,2}(?:was|were|has been|have been) (?:set up|established|built|opened)"),
    ("territory_transfer", 5.0, r"withdr[ae]w(?:n|als?)?|pull(?:ed|s)? out|pull(?:ed)? back|retreat(?:ed|s)?|"
     r"handed over|hand over|handover|evacuat(?:ed|ion) (?:\w+ ){0,2}(?:positions|base|town|area)|"
     r"without (?:a )?(?:fight|resistance)|took over (?:\w+ ){0,3}(?:positions|bases?|posts?)|"
     r"peacefully (?:took|entered)|vacated|ceded"),
    ("property_destruction", 4.0, r"loot(?:ed|ing|ers)?|plunder(?:ed|ing)?|pillag(?:ed|ing)|ransack(?:ed|ing)|"
     r"vandali[sz](?:ed|ing|m)|(?:set|setting) (?:\w+ ){0,3}(?:on )?fire|torch(?:ed|ing)|burn(?:ed|t|ing) (?:down )?"
     r"(?:\w+ ){0,3}(?:houses|homes|shops|vehicles|cars|buildings|property|properties|villages?|churches|mosques|"
     r"schools?|offices?|crops)|(?:destroy(?:ed|ing)|demolish(?:ed|ing)|razed|damag(?:ed|ing)) (?:\w+ ){0,3}"
     r"(?:houses|homes|shops|property|properties|buildings|infrastructure|towers?|crops|farms|villages?|"
     r"schools?|mosques?|churches|shrines?|statues?|monuments?|offices?)|stolen|stole|(?:attacks?|damage) on "
     r"(?:\w+ ){0,3}propert(?:y|ies)|arson|demolition"),
    ("authorization", 4.0, r"authori[sz](?:ed|es|e|ing|ation)|approv(?:ed|es|al) (?:\w+ ){0,5}(?:use|strikes?|to use|"
     r"to strike|to launch)|approved|green light|allow(?:ed|s)? (?:\w+ ){0,3}to (?:use|strike|launch|fire)|"
     r"lift(?:ed)? (?:the )?restrictions|permission to"),
    ("arms_transfer", 3.5, r"(?:deliver(?:ed|ies|y|s)?|suppl(?:ied|y|ies)|transfer(?:red|s)?|provid(?:ed|e|es)|"
     r"sen[dt]|receiv(?:e|ed|es)|shipp?(?:ed|ment|ments)|donat(?:ed|es)|sold|sell|pledged) (?:\w+ ){0,6}"
     r"(?:weapons?|arms|missiles?|tanks?|jets?|fighters?|aircraft|systems?|munitions|ammunition|artillery|drones?|"
     r"air defen[cs]es?|howitzers|rifles)|(?:arms|weapons?|military) (?:deliveries|delivery|shipments?|sales?|"
     r"deal|aid|package|assistance)|-supplied|-made"),
    ("displacement", 3.0, r"expel(?:led|s)? (?:\w+ ){0,3}(?:nationals|civilians|residents|families|refugees|migrants)|"
     r"expulsion|displac(?:ed|ement)|forced (?:\w+ ){0,2}(?:to flee|out)|resettl\w+|settled (?:\w+ ){0,3}families|"
     r"curfew|martial law|state of emergency|tunnels?"),
    ("threat", 3.0, r"threat(?:en|ened|ens|ening)?|vow(?:ed|s)?|warn(?:ed|s|ing)? (?:\w+ ){0,4}(?:retaliat\w+|"
     r"respon\w+|strike|attack|war|consequences)|ultimatum|retaliat(?:e|ion|ory)|act of war|would (?:\w+ ){0,3}mean"),
    ("diplomatic_event", 2.5, r"diplomat(?:s|ic)?|ambassadors?|embass(?:y|ies)|summon(?:ed|s)|envoys?|"
     r"expel(?:led|s)? (?:\w+ ){0,2}(?:diplomats|ambassador|envoy)|persona non grata|bilateral|summit|"
     r"foreign minister|talks\b|state visit|visit(?:ed|s)? (?:\w+ ){0,3}(?:president|prime minister|capital)|"
     r"met with|meeting with|consulate|recall(?:ed|s)? (?:its |his |the )?ambassador|severed (?:diplomatic )?ties"),
    ("sanction", 3.0, r"sanction(?:s|ed)?|embargo(?:es)?|asset freeze|froze (?:\w+ ){0,2}assets|blacklist(?:ed)?|"
     r"travel ban|trade restrictions|tariffs?"),
    ("natural_disaster", 6.0, r"earthquakes?|quakes?|tremors?|floods?|flooding|flash floods?|cyclones?|hurricanes?|"
     r"typhoons?|tornado(?:es)?|tsunamis?|landslides?|mudslides?|volcan(?:o|oes|ic)|erupt(?:ed|ion|s)|avalanches?|"
     r"droughts?|wildfires?|forest fires?|bushfires?|storms?|heavy (?:rain|rains|snow|snowfall)|torrential|"
     r"heat ?waves?|magnitude|monsoon|lightning|blizzards?|locusts?|epidemic|outbreak"),
    ("man_made_disaster", 4.0, r"(?:fire|blaze) (?:broke out|engulfed|gutted|destroyed|ripped)|caught fire|catching fire|"
     r"blazes?|gutted|firefighters?|fire ?fighters|fire department|fire crews?|(?:gas|oil|chemical|pipeline) "
     r"(?:leak|spill|explosion)s?|leaks?|spills?|collapsed?|derail(?:ed|ment)|capsiz(?:ed|ing)|sank|shipwreck|"
     r"collid(?:ed|ing)|collision|crash(?:ed|es)?|accident(?:s|al|ally)?|(?:boiler|tanker|factory|plant|"
     r"refinery|warehouse|mine|gas cylinder|cylinder|transformer|propane|fireworks?) (?:\w+ ){0,2}"
     r"(?:explosion|exploded|blast|fire|collapse)|stampede|carbon monoxide|poisoning|short circuit|structure fire|"
     r"house fire|burns? after|on fire|flames|(?:bridge|building|roof|dam|tunnel) (?:\w+ ){0,2}collaps\w+|"
     r"plane crash|crashed|emergency landing|mine disaster|toxic fumes"),
    ("organized_crime", 4.0, r"robb(?:ed|ery|eries|ers?)|heists?|burglar(?:y|ies|s)?|drug (?:traffick\w+|dealers?|"
     r"lords?|cartels?|smuggl\w+|gangs?|ring|bust|trade)|cartels?|traffick(?:ing|ers?|ed)|smuggl(?:ing|ers?|ed)|"
     r"gangs?\b|gangsters?|mafia|extortion|narcotics|cocaine|heroin|methamphetamine|cannabis|marijuana|"
     r"contraband|counterfeit|money laundering|organi[sz]ed crime|criminal (?:gang|network|group|organi[sz]ation)s?|"
     r"carjack\w*|thie(?:f|ves)|theft|stole|stolen|loot|cattle rustl\w+|poach(?:ing|ers)|illegal (?:mining|logging)|"
     r"hit ?m[ae]n|cybercrime|fraud"),
    ("claim_of_responsibility", 10.0, r"claim(?:ed|s|ing)? (?:the )?responsibility|responsibility for|"
     r"claimed (?:the )?(?:attack|bombing|killing|blast|kidnapping)|took responsibility|"
     r"(?:blamed|blames|blaming) (?:\w+ ){0,4}(?:for|on)|held (?:\w+ ){0,3}responsible|behind the (?:attack|"
     r"bombing|blast|killing)|accused (?:\w+ ){0,4}of (?:carrying out|being behind|orchestrating|plotting)"),
    ("accusation", 1.5, r"accus(?:ed|es|ing|ation|ations)|condemn(?:ed|s|ation)|criticiz(?:ed|es)|denounc(?:ed|es)|"
     r"investigat(?:e|ed|ion|ing)|allegations?|alleged|probe|inquiry"),
    ("demand", 1.5, r"demand(?:ed|s|ing)?|urg(?:ed|es|ing)|call(?:ed|s)? (?:on|for)|appeal(?:ed|s)? (?:to|for)|"
     r"ask(?:ed|s)? (?:\w+ ){0,3}to|request(?:ed|s)?|insist(?:ed|s)?|press(?:ed)? (?:for|\w+ to)"),
    ("rejection", 1.5, r"reject(?:ed|s|ing)?|refus(?:ed|es|al)|rebuff(?:ed)?|turn(?:ed)? down|dismiss(?:ed|es)|"
     r"veto(?:ed)?|oppos(?:ed|es) (?:the|any)|walk(?:ed)? out"),
    ("concession", 1.5, r"releas(?:ed|es|e)|freed|eas(?:ed|e|ing) (?:\w+ ){0,2}restrictions|lift(?:ed|s)? (?:\w+ ){0,2}"
     r"(?:ban|curfew|siege|blockade|sanctions)|pardon(?:ed)?|amnesty|conced(?:ed|es)|stepp(?:ed)? down|resign(?:ed|s)"),
    ("cooperation", 1.5, r"cooperat(?:e|ed|ion)|joint (?:exercises?|patrols?|operations?|efforts?)|partnership|"
     r"collaborat(?:e|ed|ion)|share intelligence"),
    ("aid", 1.5, r"humanitarian (?:aid|assistance|relief|supplies|convoy)|relief (?:supplies|aid|goods)|"
     r"(?:food|medical) (?:aid|supplies|assistance)|donat(?:ed|ion|ions)|grant(?:ed)? (?:\w+ ){0,2}(?:aid|loan)|"
     r"financial (?:aid|assistance)|loans?|provided (?:\w+ ){0,2}assistance|refugees"),
    ("support", 1.5, r"prais(?:ed|es)|welcom(?:ed|es)|endors(?:ed|es)|back(?:ed|s) (?:the|a)|support(?:ed|s)? "
     r"(?:the|a|his|her)|express(?:ed)? (?:its |his |her )?(?:support|solidarity)|hail(?:ed|s)"),
]


@dataclass(frozen=True)
class Cue:
    """One lexicon hit: a candidate event type at a character span."""

    type: str
    start: int
    end: int
    weight: float


_COMPILED: list[tuple[str, float, re.Pattern[str]]] = [
    (t, w, re.compile(r"(?<![\w-])(?:" + p + r")(?![\w])", re.I)) for t, w, p in _CUES
]
# one big alternation per weight-class would be faster, but per-type patterns keep spans attributable;
# these scans cost far less than the parse itself (measured in bench/events.py)


def scan(text: str) -> list[Cue]:
    """Every lexicon hit in ``text``, in text order; overlapping hits of different types are all kept."""
    hits: list[Cue] = []
    for fine, weight, rx in _COMPILED:
        for m in rx.finditer(text):
            hits.append(Cue(fine, m.start(), m.end(), weight))
    hits.sort(key=lambda c: (c.start, -c.weight))
    return hits
