"""Events (issue 4): seed expectations, typing and its ACLED mapping, modality, status, weapons, salience."""

from __future__ import annotations

import glob

import pytest

from claimtrack.extract.events import codes, event_status, find_events, lexicon, ranking
from claimtrack.extract.weapons import distinct, find_weapons
from claimtrack.ingest.reader import read_inputs
from claimtrack.models import Article, Claim, Content, DocumentResult, Event, Source, TextSpan
from claimtrack.nlp import make_doc, process
from tests.conftest import SEEDS, need_shared

# one sentence we wrote per fine type; the first event must carry that type
TYPED = {
    "armed_clash": "Government troops clashed with rebel fighters near the northern town of Kela on Monday.",
    "territory_change": "Insurgents seized control of the district capital after government soldiers fled.",
    "air_strike": "Warplanes carried out airstrikes on a fuel depot outside the city overnight.",
    "drone_strike": "A drone strike hit a fuel depot in the border region early on Friday.",
    "missile_strike": "The army fired four ballistic missiles at an airfield in the south.",
    "shelling": "Artillery shelling of the village wounded six residents on Sunday.",
    "interception": "Air defences intercepted two incoming rockets over the port city.",
    "explosive_attack": "A roadside bomb exploded under a police vehicle, killing two officers.",
    "grenade_attack": "An attacker hurled a grenade into a crowded bar, wounding nine people.",
    "suicide_bombing": "A suicide bomber blew himself up at a checkpoint, killing five soldiers.",
    "chemical_attack": "Doctors treated dozens of patients for breathing problems after a chlorine gas attack.",
    "attack_on_civilians": "Gunmen opened fire on worshippers leaving a mosque, killing eleven civilians.",
    "abduction": "Armed men kidnapped twelve students from their dormitory on Tuesday night.",
    "sexual_violence": "A rights group said soldiers raped women during the raid on the village.",
    "arrest": "Police arrested four suspected members of the militant cell in the capital.",
    "protest": "Thousands of teachers rallied outside parliament to demand higher wages.",
    "protest_with_intervention": "Police used water cannon to disperse hundreds of protesters at the ministry.",
    "force_against_protesters": "Security forces opened fire on protesters, killing three demonstrators.",
    "riot": "Rioters torched cars and threw stones at police during the demonstration.",
    "mob_violence": "An angry mob lynched a man accused of stealing cattle.",
    "agreement": "The two factions signed a ceasefire agreement in the capital on Saturday.",
    "group_change": "Hundreds of militia fighters defected to the government side, officials said.",
    "deployment": "The government deployed 3,000 additional troops to the eastern border.",
    "weapons_seizure": "Soldiers seized a cache of rifles and ammunition hidden in a farmhouse.",
    "base_established": "The coalition has set up a new military base near the oil fields.",
    "territory_transfer": "Government forces withdrew from the town, and rebels entered it without a fight.",
    "property_destruction": "Attackers looted shops and set fire to houses in the market district.",
    "authorization": "The parliament authorized the army to use force against the armed groups.",
    "arms_transfer": "Germany delivered tanks and air defence systems to its ally last week.",
    "threat": "The militia threatened to attack the capital if its demands were not met.",
    "diplomatic_event": "The foreign ministry summoned the ambassador over the border incident.",
    "sanction": "The European Union imposed sanctions on six officials over the crackdown.",
    "natural_disaster": "A powerful earthquake struck the coastal province, killing at least 40 people.",
    "man_made_disaster": "A fire broke out at a chemical factory, and firefighters battled the blaze for hours.",
    "organized_crime": "Police dismantled a drug trafficking ring that smuggled cocaine through the port.",
    "claim_of_responsibility": "The militant group claimed responsibility for the bombing of the bus station.",
}

# ACLED's 25 sub-types, all reachable from the vocabulary
ACLED_SUBTYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Air/drone strike",
    "Shelling/artillery/missile attack", "Chemical weapon", "Grenade", "Remote explosive/landmine/IED",
    "Suicide bomb", "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Mob violence", "Violent demonstration", "Abduction/forced disappearance", "Attack", "Sexual violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Non-violent transfer of territory", "Looting/property destruction", "Other",
}  # fmt: skip


def _events(nlp, text: str, published: str = "2025-03-10") -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published=published)))
    return list(doc._.events)


@pytest.fixture(scope="module")
def typed(nlp):  # type: ignore[no-untyped-def]
    docs = [make_doc(nlp, Article(id=k, text=v, published="2025-03-10")) for k, v in TYPED.items()]
    return {d._.article.id: list(d._.events) for d in nlp.pipe(docs)}


@pytest.mark.parametrize("fine", list(TYPED))
def test_type_of_first_event(typed, fine: str) -> None:  # type: ignore[no-untyped-def]
    events = typed[fine]
    assert events, f"no event in {TYPED[fine]!r}"
    assert events[0].type == fine
    acled = codes.acled_for(fine, government_actor=False)
    if fine == "interception":
        acled = ("Strategic developments", "Disrupted weapons use")
    got = (events[0].acled.event_type, events[0].acled.sub_event_type) if events[0].acled else None
    assert got == acled


def test_acled_mapping_covers_all_25_subtypes() -> None:
    subtypes = {v[1] for v in codes.ACLED.values() if v} | {codes.acled_for("territory_change", True)[1]}  # type: ignore[index]
    assert subtypes == ACLED_SUBTYPES
    assert codes.ACLED["interception"] == ("Strategic developments", "Disrupted weapons use")
    assert codes.ACLED["missile_strike"] == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert codes.ACLED["threat"] is None  # ACLED does not code threats
    # authorizations, arms transfers and displacement are no incident ACLED codes (issue 9)
    for uncoded in ("authorization", "arms_transfer"):
        assert codes.ACLED[uncoded] is None
    for outside in ("natural_disaster", "man_made_disaster", "organized_crime", "claim_of_responsibility"):
        assert codes.ACLED[outside] is None
    assert set(codes.PLOVER) == set(codes.ACLED)


def test_case_labels() -> None:
    assert codes.case_label("interception", codes.ACLED["interception"]) == "DISR_WEAP"
    assert codes.case_label("territory_change", codes.acled_for("territory_change", True)) == "GOV_REGAINS_TERIT"
    assert (
        codes.case_label("territory_change", codes.acled_for("territory_change", False))
        == "NON_STATE_ACTOR_OVERTAKES_TER"
    )
    assert codes.case_label("claim_of_responsibility", None) == "ATTRIB"
    assert codes.case_label("natural_disaster", None) == "NATURAL_DISASTER"


def test_government_regains_territory(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = _events(nlp, "The army recaptured the hill town from the insurgents after a week of fighting.")[0]
    assert ev.type == "territory_change"
    assert ev.acled is not None and ev.acled.sub_event_type == "Government regains territory"


def test_protest_coded_by_what_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, "Farmers marched peacefully through the capital.")[0].type == "protest"
    assert _events(nlp, "Demonstrators hurled rocks at officers during the protest.")[0].type == "riot"


def test_fully_intercepted_strike_is_disrupted_weapons_use(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = _events(nlp, "Air defences shot down all five missiles fired by the rebels at the airport on Monday.")[0]
    assert ev.type == "missile_strike"
    assert ev.acled is not None and ev.acled.sub_event_type == "Disrupted weapons use"
    assert ("intercepted", 5) in [(q.role, q.value) for q in ev.quantities]
    ev = _events(nlp, "The rebels fired three missiles at the airport; one hit a hangar and two were intercepted.")[0]
    assert ev.acled is not None and ev.acled.sub_event_type == "Shelling/artillery/missile attack"


def test_an_event_needs_an_act(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, "The missile, designed in the 1960s, has a range of 300 km.") == []
    assert _events(nlp, "The weather was mild and the market was busy.") == []


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The navy fired two cruise missiles at the radar station on Monday.", "asserted"),
        ("The country is expected to receive its first fighter jets next month.", "planned"),
        ("The rebels threatened to shell the airport.", "threatened"),
        ("It is unclear if the president will authorize the use of the missiles.", "hypothetical"),
        ("The army did not fire any missiles at the town.", "negated"),
    ],
)
def test_modality(nlp, text: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert events and events[0].modality == modality


def _claim(cid: str, entity: str | None, stance: str, kind: str = "state") -> Claim:
    return Claim(
        id=cid,
        source=Source(text=entity or "someone", span=(0, 1), entity=entity, kind=kind),  # type: ignore[arg-type]
        cue=TextSpan(text="said", span=(1, 2)),
        content=Content(text="x", spans=[(0, 100)]),
        stance=stance,  # type: ignore[arg-type]
    )


def test_status_from_stances() -> None:
    assert event_status([]) == "claimed"
    assert event_status([_claim("c1", "Russia", "asserts")]) == "claimed"
    # a relaying outlet confirms nothing; a ministry speaks for its own state
    assert event_status([_claim("c1", "Russia", "asserts"), _claim("c2", "Fox News", "asserts", "outlet")]) == "claimed"
    assert (
        event_status([_claim("c1", "Russia", "asserts"), _claim("c2", "Ministry of Defence of Russia", "asserts")])
        == "claimed"
    )
    assert event_status([_claim("c1", "Russia", "asserts"), _claim("c2", "Ukraine", "asserts")]) == "confirmed"
    assert event_status([_claim("c1", "Russia", "asserts"), _claim("c2", "Ukraine", "denies")]) == "disputed"
    assert event_status([_claim("c1", "Ukraine", "denies")]) == "denied"
    assert event_status([_claim("c1", "Russia", "asserts"), _claim("c2", "Ukraine", "does_not_confirm")]) == "claimed"


def test_status_and_claims_in_a_document(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The defence ministry said its air defences shot down six drones over the region on Sunday."
    ev = _events(nlp, text)[0]
    assert ev.status == "claimed"
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2025-03-10")))
    for c in doc._.claims:
        if any(s <= ev.trigger.span[0] and ev.trigger.span[1] <= e for s, e in c.content.spans):
            assert c.id in ev.claims
    for q in ev.quantities:
        assert q.claim is None or q.claim in {c.id for c in doc._.claims}


def test_weapons_lexicon() -> None:
    text = (
        "They fired ATACMS, SCALP/Storm Shadow and Kalibr missiles, HIMARS rockets, Shahed drones (Geran-2), "
        "an Iskander, a Kinzhal, glide bombs and hypersonic ballistic missiles; Patriot, S-300 and S-400 "
        "batteries and Mirage 2000-5F jets were also named."
    )
    names = [w.name for w in distinct(find_weapons(text))]
    expected_names = [
        "ATACMS",
        "Storm Shadow/SCALP",
        "Kalibr",
        "HIMARS",
        "Shahed/Geran",
        "Iskander",
        "Kinzhal",
        "glide bomb",
        "hypersonic ballistic missile",
        "Patriot",
        "S-300",
        "S-400",
        "Mirage 2000-5F",
    ]
    for expected in expected_names:
        assert expected in names
    assert "missile" not in names  # a generic word is dropped beside a specific name of its class


def test_ids_and_salience(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels fired twenty rockets at the airport on Tuesday, killing two guards. "
        "The president later threatened to retaliate. Talks between the two sides were held last month."
    )
    events = _events(nlp, text, "2025-03-12")
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]
    assert events[0].type in ("shelling", "missile_strike")
    assert events[0].date is not None and events[0].date.value == "2025-03-11"
    assert events[0].fatalities == 2


def test_two_days_after(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels fired rockets at the airport on Friday. "
        "The attack came two days after the government authorized the army to use force."
    )
    events = _events(nlp, text, "2025-03-14")
    auth = [e for e in events if e.type == "authorization"]
    assert auth and auth[0].date is not None and auth[0].date.value == "2025-03-12"


def test_empty_and_eventless_docs(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(make_doc(nlp, Article(id="t", text="   ")))
    assert find_events(doc) == []


# --- seed expectations (issue 4) ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(nlp):  # type: ignore[no-untyped-def]
    need_shared(SEEDS)
    arts = [a for a in read_inputs(sorted(glob.glob(str(SEEDS / "*.txt")))) if isinstance(a, Article)]
    docs = [make_doc(nlp, a) for a in arts]
    return {d._.article.published: list(d._.events) for d in nlp.pipe(docs)}


def _roles(ev: Event) -> dict[str, int]:
    return {q.role: q.value for q in ev.quantities}


def _find(events: list[Event], fine: str, **want: object) -> Event:
    for e in events:
        if e.type == fine and all(_get(e, k) == v for k, v in want.items()):
            return e
    raise AssertionError(f"no {fine} with {want} in {[(e.type, e.date, e.initiator) for e in events]}")


def _get(e: Event, key: str) -> object:
    if key == "date":
        return e.date.value if e.date else None
    if key == "initiator":
        return e.initiator.entity if e.initiator else None
    if key == "target":
        return e.target.entity if e.target else None
    return getattr(e, key)


def test_seed_2024_11_19(seeds) -> None:  # type: ignore[no-untyped-def]
    events = seeds["2024-11-19"]
    main = events[0]
    assert main.type == "missile_strike"
    assert main.acled is not None and main.acled.sub_event_type == "Shelling/artillery/missile attack"
    assert main.date is not None and main.date.value == "2024-11-19"
    assert main.initiator is not None and main.initiator.entity == "Ukraine"
    assert main.target is not None and main.target.entity == "Russia"
    assert "ATACMS" in [w.name for w in main.weapons]
    assert _roles(main) == {"launched": 6, "intercepted": 5, "damaged": 1, "killed": 0}
    assert main.fatalities == 0
    assert main.status == "claimed"  # Russia's word; Ukraine has not confirmed
    us = _find(events, "authorization", initiator="United States", date="2024-11-17")
    assert us.target is not None and us.target.entity == "Ukraine"
    # issue 9: the "invited soldiers" deployment cue was written for this seed and is gone; no rule for the seeds
    uk = _find(events, "authorization", initiator="United Kingdom")
    assert "Storm Shadow/SCALP" in [w.name for w in uk.weapons]
    # the "would mean" / "act of war" threat cues were written for this seed and are gone (issue 9); whatever
    # threat is still read carries no ACLED code
    assert all(e.acled is None for e in events if e.type == "threat")


def test_seed_2025_01_05(seeds) -> None:  # type: ignore[no-untyped-def]
    events = seeds["2025-01-05"]
    main = events[0]
    assert main.type == "missile_strike"
    assert main.date is not None and main.date.value == "2025-01-03"
    assert main.initiator is not None and main.initiator.entity == "Ukraine"
    assert main.target is not None and main.target.entity == "Russia"
    assert "ATACMS" in [w.name for w in main.weapons]
    assert _roles(main).get("intercepted") == 8
    vow = _find(events, "threat", initiator="Russia", date=None)
    assert vow.modality == "threatened"
    auth = _find(events, "authorization", initiator="United States", date="2024")
    assert auth.date is not None and auth.date.precision == "year"
    jets = _find(events, "arms_transfer", date="2025-01")
    assert jets.modality == "planned" and "Mirage 2000-5F" in [w.name for w in jets.weapons]
    putin = _find(events, "threat", initiator="Russia", date="2024")
    assert putin.target is not None and putin.target.entity == "Ukraine"
    barrage = next(e for e in events if e.type in ("drone_strike", "missile_strike") and e.initiator and
                   e.initiator.entity == "Russia")  # fmt: skip
    assert barrage.date is not None and (barrage.date.value, barrage.date.precision) == ("2025-01", "month")
    assert [(q.role, q.value, q.unit) for q in barrage.quantities] == [
        ("launched", 300, "drone"),
        ("launched", 20, "missile"),
    ]
    # output validates against the contract
    DocumentResult(id="x", article=Article(id="x", text="x"), events=events)


# news-like snippets we wrote (not from any evaluation set), labelled with CASE 2021 / ACLED labels
SNIPPETS = [
    ("ARMED_CLASH", "Fierce fighting erupted between the army and separatist militias on the edge of the town."),
    ("ARMED_CLASH", "Insurgents ambushed a military patrol, sparking a two-hour gun battle."),
    ("ARMED_CLASH", "Police and bandits exchanged fire in the forest, leaving four bandits dead."),
    ("GOV_REGAINS_TERIT", "Federal troops retook the strategic bridge from the rebels on Sunday."),
    (
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "Jihadist fighters overran an army base and took control of the surrounding villages.",
    ),
    ("AIR_STRIKE", "Coalition jets bombed militant hideouts in the mountains, the military said."),
    ("AIR_STRIKE", "An unmanned aerial vehicle struck a car carrying two commanders."),
    ("ART_MISS_ATTACK", "Mortar rounds landed in a residential neighbourhood, wounding a child."),
    ("ART_MISS_ATTACK", "Separatists pounded government positions with heavy artillery overnight."),
    ("CHEM_WEAP", "Residents reported a strong smell of chlorine after shells hit the town."),
    ("GRENADE", "Unknown assailants lobbed a hand grenade at a police post."),
    ("REM_EXPLOS", "An improvised explosive device detonated near a convoy, killing three soldiers."),
    ("REM_EXPLOS", "A car bomb tore through a busy market."),
    ("SUIC_BOMB", "A bomber wearing an explosive vest detonated himself at a wedding."),
    ("PEACE_PROTEST", "Hundreds of workers staged a sit-in outside the factory over unpaid salaries."),
    ("PEACE_PROTEST", "Students held a peaceful march to demand the reopening of universities."),
    ("PROTEST_WITH_INTER", "Riot police fired tear gas to break up a crowd of opposition supporters."),
    ("FORCE_AGAINST_PROTEST", "Troops fired live ammunition at demonstrators, killing at least seven."),
    ("VIOL_DEMONSTR", "Protesters set tyres ablaze and hurled petrol bombs at security forces."),
    ("MOB_VIOL", "A crowd of villagers beat a suspected thief to death."),
    ("ABDUCT_DISSAP", "Gunmen abducted a local aid worker from his home."),
    ("ATTACK", "Militants stormed a village and shot dead several farmers."),
    ("ATTACK", "Unidentified attackers stabbed a journalist outside his office."),
    ("SEX_VIOL", "Several women said they were sexually assaulted by militia members at a checkpoint."),
    ("AGREEMENT", "The warring parties agreed to a 72-hour truce to allow aid deliveries."),
    ("ARREST", "Security forces detained a prominent opposition leader at the airport."),
    ("CHANGE_TO_GROUP_ACT", "Two rebel factions announced they had merged into a single armed movement."),
    ("DISR_WEAP", "Bomb disposal experts defused an explosive device found under a bridge."),
    ("DISR_WEAP", "Customs officers confiscated a shipment of assault rifles at the port."),
    ("HQ_ESTABLISHED", "The militia established a new headquarters in the captured town."),
    ("NON_VIOL_TERRIT_TRANSFER", "Rebel forces handed control of the airport to peacekeepers."),
    ("PROPERTY_DISTRUCT", "Looters ransacked government offices and burned vehicles."),
    ("ORG_CRIME", "Armed robbers raided a bank and escaped with cash."),
    ("NATURAL_DISASTER", "Torrential rains triggered flooding that displaced thousands of families."),
    ("MAN_MADE_DISASTER", "A passenger train derailed, injuring dozens of people."),
    ("DIPLO", "The two countries restored diplomatic relations after a decade."),
    ("ATTRIB", "The group said it was behind the assassination of the provincial governor."),
    ("ARMED_CLASH", "Heavy fighting broke out between rival armed groups in the capital overnight."),
    ("ARMED_CLASH", "Soldiers repelled an assault by insurgents on a military outpost."),
    (
        "GOV_REGAINS_TERIT",
        "The military said it had liberated the town from the militants after a three-day operation.",
    ),
    ("NON_STATE_ACTOR_OVERTAKES_TER", "The Taliban captured the provincial capital after government forces collapsed."),
    ("AIR_STRIKE", "Helicopter gunships fired on suspected militant positions in the valley."),
    ("AIR_STRIKE", "The air force conducted several raids on rebel supply lines."),
    ("ART_MISS_ATTACK", "Rockets fired from the border area slammed into a residential building."),
    ("ART_MISS_ATTACK", "Government artillery shelled rebel-held districts for a second day."),
    ("CHEM_WEAP", "Victims showed symptoms consistent with exposure to a nerve agent after the bombardment."),
    ("GRENADE", "A grenade was thrown at a bus stop, injuring four commuters."),
    ("REM_EXPLOS", "A landmine blast killed two shepherds near the border."),
    (
        "REM_EXPLOS",
        "An explosion ripped through a police station after a bomb hidden in a parked car went off.",
    ),
    ("SUIC_BOMB", "A suicide attacker rammed an explosives-laden truck into the gates of the base."),
    ("PEACE_PROTEST", "Nurses went on strike and demonstrated outside the health ministry."),
    ("PEACE_PROTEST", "Residents held a candlelight vigil to protest against the killings."),
    ("PROTEST_WITH_INTER", "Police arrested dozens of demonstrators during a rally against the new law."),
    ("FORCE_AGAINST_PROTEST", "Security forces beat protesters with batons and clubs, leaving many seriously injured."),
    ("VIOL_DEMONSTR", "Demonstrators clashed with police and vandalised shops in the city centre."),
    ("MOB_VIOL", "Mobs armed with machetes attacked homes belonging to the minority community."),
    ("ABDUCT_DISSAP", "The journalist has not been seen since he was taken by men in plain clothes."),
    ("ABDUCT_DISSAP", "Pirates took the crew of the cargo ship hostage."),
    ("ATTACK", "Militiamen massacred dozens of villagers in an overnight raid."),
    ("SEX_VIOL", "The UN documented cases of rape and sexual slavery by fighters."),
    ("AGREEMENT", "Government and rebel negotiators signed a peace accord ending the conflict."),
    ("ARREST", "Authorities arrested three men suspected of plotting attacks."),
    (
        "CHANGE_TO_GROUP_ACT",
        "The armed group announced that it had chosen a new leader after the death of its commander.",
    ),
    ("DISR_WEAP", "Troops discovered a weapons cache containing rockets and mortar shells."),
    ("HQ_ESTABLISHED", "Foreign troops opened a new military base in the country's far north."),
    ("NON_VIOL_TERRIT_TRANSFER", "The army withdrew from the city without a fight, and rebels moved in."),
    ("PROPERTY_DISTRUCT", "Militants burned down a school and destroyed crops in the village."),
    ("ORG_CRIME", "A drug cartel was blamed for the killing of a police chief."),
    ("NATURAL_DISASTER", "A cyclone battered the coast, destroying thousands of homes."),
    ("MAN_MADE_DISASTER", "A building under construction collapsed, trapping workers under the rubble."),
    ("DIPLO", "The president hosted his counterpart for talks on trade and security."),
    ("ATTRIB", "Officials blamed the separatists for the bombing of the railway."),
    ("ARMED_CLASH", "Two soldiers and five militants died when jihadists attacked an army checkpoint near the border."),
    ("ARMED_CLASH", "Rival militias fought for control of the oil terminal on Thursday."),
    ("ARMED_CLASH", "The army said troops killed 12 terrorists in an operation in the forest."),
    ("ARMED_CLASH", "Security forces engaged the gunmen in a firefight that lasted several hours."),
    ("ATTACK", "Bandits attacked a village and killed 15 residents, local officials said."),
    ("ATTACK", "A man was shot dead by unknown gunmen outside his home."),
    ("ATTACK", "Militants beheaded two villagers accused of spying for the army."),
    ("ATTACK", "Soldiers tortured detainees at a military camp, a rights group said."),
    ("DISR_WEAP", "Police recovered a large quantity of explosives from a house in the suburb."),
    ("DISR_WEAP", "The army destroyed an enemy drone before it reached its target."),
    ("DISR_WEAP", "Air defence systems repelled a missile attack on the airbase."),
    ("DISR_WEAP", "Sappers removed mines planted along the highway."),
    ("CHANGE_TO_GROUP_ACT", "The armed group announced it would disarm and transform into a political party."),
    ("CHANGE_TO_GROUP_ACT", "The government launched a recruitment drive for a new militia."),
    ("CHANGE_TO_GROUP_ACT", "Hundreds of fighters surrendered their weapons and joined a reintegration programme."),
    ("OTHER", "The military imposed a curfew on the city after the unrest."),
    ("ORG_CRIME", "Police seized two tonnes of cocaine hidden in a container."),
    ("ORG_CRIME", "Gang members shot dead a shop owner who refused to pay extortion money."),
    ("DIPLO", "The country expelled three diplomats accused of espionage."),
    ("DIPLO", "Foreign ministers of the two countries met in Geneva to discuss the crisis."),
    ("MAN_MADE_DISASTER", "A gas cylinder explosion at a restaurant killed four people."),
    ("MAN_MADE_DISASTER", "Dozens died when an overcrowded ferry capsized on the lake."),
    ("NATURAL_DISASTER", "A magnitude 6.2 earthquake shook the region, damaging hundreds of buildings."),
    ("NATURAL_DISASTER", "Heavy snowfall and avalanches cut off mountain villages."),
    ("AIR_STRIKE", "Airstrikes pounded the rebel stronghold, killing at least 20 fighters."),
    ("AIR_STRIKE", "A drone attack targeted a convoy of militants in the desert."),
    ("ART_MISS_ATTACK", "The rebels shelled the city centre, killing three civilians."),
    ("ART_MISS_ATTACK", "A ballistic missile hit an oil facility in the east of the country."),
    ("REM_EXPLOS", "A bomb planted on a motorbike exploded near a market."),
    ("REM_EXPLOS", "Two children were killed when they stepped on an unexploded landmine."),
    ("GRENADE", "Attackers threw a grenade into a church during Sunday mass."),
    ("SUIC_BOMB", "A suicide car bomb targeted the military headquarters."),
    ("PEACE_PROTEST", "Farmers blocked roads with tractors to protest against low crop prices."),
    ("PEACE_PROTEST", "Opposition supporters marched through the capital demanding fresh elections."),
    ("VIOL_DEMONSTR", "Rioters looted shops and set fire to a police station during the protest."),
    ("PROTEST_WITH_INTER", "Police dispersed a demonstration outside the parliament and detained organisers."),
    ("ABDUCT_DISSAP", "Gunmen seized ten passengers from a bus on the highway."),
    ("ARREST", "The suspect was taken into custody after a raid on his apartment."),
    ("AGREEMENT", "The two sides exchanged prisoners under a deal brokered by mediators."),
    ("HQ_ESTABLISHED", "The rebels set up a command centre in the captured airport."),
    (
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "Separatist forces took over the regional administration building and raised their flag.",
    ),
    ("GOV_REGAINS_TERIT", "Government forces regained full control of the highway after days of fighting."),
    ("SEX_VIOL", "Girls were subjected to sexual abuse in the camp, investigators found."),
    ("MOB_VIOL", "Rival groups of youths attacked each other with sticks and stones at the market."),
    ("ATTRIB", "The government accused the opposition of orchestrating the attack on the police."),
    (
        "ARMED_CLASH",
        "The ministry said on Sunday that its forces had killed 30 rebels during clashes in the northern "
        "province, while two soldiers were wounded.",
    ),
    (
        "ATTACK",
        "According to witnesses, the assailants arrived on motorcycles and fired indiscriminately at people "
        "gathered for a funeral, killing nine.",
    ),
    (
        "ART_MISS_ATTACK",
        "Local officials said several shells fell on a residential area of the city on Tuesday, destroying two "
        "houses and wounding a woman.",
    ),
    (
        "AIR_STRIKE",
        "The monitoring group said that Russian aircraft carried out at least 15 raids on towns in the south "
        "of the province.",
    ),
    (
        "PEACE_PROTEST",
        "Thousands of people took to the streets of the capital on Saturday to protest against higher bread "
        "prices, the organisers said.",
    ),
    (
        "VIOL_DEMONSTR",
        "Angry protesters burned tyres and blocked the main highway, and some threw stones at passing police vehicles.",
    ),
    (
        "PROTEST_WITH_INTER",
        "Riot police fired water cannon and rubber bullets to disperse students who had gathered outside the "
        "education ministry.",
    ),
    (
        "FORCE_AGAINST_PROTEST",
        "Rights groups said at least 12 demonstrators were shot dead by security forces during the protests last week.",
    ),
    ("ARREST", "Police said they had arrested 25 people in connection with the violence."),
    ("ABDUCT_DISSAP", "Relatives say the activist was abducted by security agents and his whereabouts remain unknown."),
    (
        "REM_EXPLOS",
        "An explosive device planted on the roadside detonated as a military vehicle passed, the army said.",
    ),
    ("SUIC_BOMB", "The attacker detonated an explosives belt inside the mosque during Friday prayers, officials said."),
    ("GRENADE", "Police said an unidentified man threw a grenade at the headquarters of an opposition party."),
    (
        "DISR_WEAP",
        "The navy said it had intercepted a boat carrying weapons, including anti-tank missiles, off the coast.",
    ),
    ("DISR_WEAP", "Bomb squad officers safely detonated a suspicious package found near the embassy."),
    ("AGREEMENT", "The government and the rebels reached an agreement on a ceasefire that will take effect on Monday."),
    (
        "CHANGE_TO_GROUP_ACT",
        "The rebel commander announced his group's split from the main alliance and the formation of a new brigade.",
    ),
    (
        "NON_VIOL_TERRIT_TRANSFER",
        "Under the deal, the militants were allowed to leave the town, which was then handed over to "
        "government troops.",
    ),
    (
        "GOV_REGAINS_TERIT",
        "The army announced that it had retaken all the territory previously held by the militants in the region.",
    ),
    (
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "Rebels seized the town after government troops abandoned their positions, a spokesman said.",
    ),
    ("PROPERTY_DISTRUCT", "Unknown assailants vandalised the offices of the opposition party and set a car on fire."),
    (
        "NATURAL_DISASTER",
        "Officials said at least 30 people died after heavy rains caused landslides in the hilly district.",
    ),
    ("MAN_MADE_DISASTER", "Firefighters said the blaze at the textile factory was caused by an electrical fault."),
    ("ORG_CRIME", "Police said the drug lord was killed in a shootout with rival gang members."),
    ("DIPLO", "The ambassador was summoned to the foreign ministry to explain the remarks."),
    ("ATTRIB", "The Islamic State group claimed the attack in a statement posted online."),
    ("SEX_VIOL", "The report said soldiers had raped at least 20 women during the operation."),
    ("HQ_ESTABLISHED", "The armed group has established a training camp in the remote mountains."),
    ("MOB_VIOL", "A mob set fire to the homes of people accused of witchcraft in the village."),
    ("ATTACK", "Gunmen Kill 7 Worshippers In Attack On Village Church"),
    ("ARMED_CLASH", "Troops, Militants Clash In Border Town; Casualties Reported"),
    ("AIR_STRIKE", "Jets Pound Rebel Positions As Offensive Widens"),
    ("PEACE_PROTEST", "Hundreds Rally Against Proposed Mining Law"),
    ("ARREST", "Opposition Leader Arrested Ahead Of Planned March"),
    ("ABDUCT_DISSAP", "Six Aid Workers Kidnapped In Restive North"),
    ("NATURAL_DISASTER", "Floods Kill Dozens, Displace Thousands In Southern Provinces"),
    (
        "ART_MISS_ATTACK",
        "Rocket barrage hits northern towns; two civilians hurt. Several rockets were fired from across the "
        "border on Monday evening.",
    ),
    (
        "REM_EXPLOS",
        "Three soldiers were killed on Wednesday when their armoured vehicle struck an IED on a mountain road, "
        "the ministry said.",
    ),
    (
        "CHEM_WEAP",
        "The opposition accused government forces of using toxic gas in an attack on the rebel-held suburb "
        "that killed dozens.",
    ),
    (
        "DISR_WEAP",
        "Security forces foiled a plot to bomb a shopping mall and seized materials used to make explosives.",
    ),
    ("ATTACK", "Suspected herdsmen invaded the community at night, killing 12 people and burning houses."),
    (
        "ARMED_CLASH",
        "At least 40 people, including soldiers and insurgents, were killed in fighting for control of the town.",
    ),
    (
        "PROTEST_WITH_INTER",
        "Several activists were briefly detained as police broke up a sit-in outside the courthouse.",
    ),
    (
        "VIOL_DEMONSTR",
        "Protesters stormed the parliament building and ransacked offices before police regained control.",
    ),
    (
        "FORCE_AGAINST_PROTEST",
        "Soldiers opened fire on a crowd of demonstrators, killing at least five people, witnesses said.",
    ),
    ("AGREEMENT", "Tribal elders brokered a truce between the two clans after weeks of fighting."),
    ("ARREST", "Counter-terrorism police detained a man suspected of financing the militant group."),
    ("CHANGE_TO_GROUP_ACT", "The rebel commander pledged allegiance to Islamic State last week."),
    ("MAN_MADE_DISASTER", "A bus plunged into a ravine after the driver lost control, killing 18 passengers."),
    ("DIPLO", "The president met his counterpart on the sidelines of the summit to discuss bilateral ties."),
    ("PROPERTY_DISTRUCT", "Armed men torched dozens of homes in the village, forcing residents to flee."),
    ("SUIC_BOMB", "A teenage suicide bomber detonated explosives at a crowded bus station, killing 11."),
    ("GRENADE", "Two police officers were wounded when a grenade was hurled at their patrol."),
    ("HQ_ESTABLISHED", "The peacekeeping mission opened a new base in the volatile eastern region."),
    (
        "NON_VIOL_TERRIT_TRANSFER",
        "The last government troops pulled out of the province, handing control to the regional forces without "
        "clashes.",
    ),
    ("SEX_VIOL", "Survivors described being raped by armed men during the attack on the camp."),
    ("ATTRIB", "A previously unknown group said it carried out the bombing of the pipeline."),
    (
        "ARMED_CLASH",
        "Kurdish forces and Turkish-backed fighters exchanged artillery and machine-gun fire along the front "
        "line, a monitor said.",
    ),
    (
        "ARMED_CLASH",
        "Government soldiers came under attack from insurgents at a checkpoint, sparking a battle that lasted "
        "until dawn.",
    ),
    ("ATTACK", "Assailants hacked to death five members of a family in their home, police said."),
    ("ATTACK", "A gunman opened fire in a crowded market, killing four shoppers before fleeing."),
    ("AIR_STRIKE", "Syrian and Russian warplanes struck a hospital in the rebel-held province, killing two medics."),
    ("ART_MISS_ATTACK", "Insurgents fired mortars at the airport, damaging a runway."),
    ("ABDUCT_DISSAP", "Gunmen abducted the village chief and demanded a ransom for his release."),
    ("ARREST", "Immigration officers apprehended two suspected militants at the border crossing."),
    ("DISR_WEAP", "The coast guard seized a vessel smuggling weapons to the rebels."),
    ("DISR_WEAP", "Engineers defused a bomb planted under a bridge on the main highway."),
    ("PEACE_PROTEST", "Residents staged a demonstration against the closure of the local hospital."),
    ("PEACE_PROTEST", "Hundreds of lawyers boycotted the courts to protest the arrest of a colleague."),
    (
        "VIOL_DEMONSTR",
        "Youths hurled stones at police and burned tyres during a protest over the killing of a student.",
    ),
    ("FORCE_AGAINST_PROTEST", "Police violently dispersed a peaceful sit-in, beating protesters with batons."),
    ("MOB_VIOL", "A mob attacked a police station and freed a suspect held inside."),
    ("SEX_VIOL", "A woman was gang-raped by soldiers at a checkpoint, activists said."),
    ("AGREEMENT", "The rebels agreed to release all hostages in exchange for safe passage."),
    ("CHANGE_TO_GROUP_ACT", "Dozens of rebels laid down their arms and defected to the government at a ceremony."),
    ("HQ_ESTABLISHED", "The militants have built a new base in the forest, according to intelligence officials."),
    ("NON_VIOL_TERRIT_TRANSFER", "Peacekeepers handed over the last checkpoint to the national army on Tuesday."),
    ("PROPERTY_DISTRUCT", "Extremists destroyed ancient shrines and statues in the captured city."),
    ("NATURAL_DISASTER", "A tropical storm swept through the islands, flattening homes and killing 12 people."),
    ("MAN_MADE_DISASTER", "An explosion at a fireworks factory killed nine workers."),
    ("DIPLO", "The foreign minister recalled the country's ambassador in protest at the remarks."),
    ("ATTRIB", "The army blamed the rebels for the massacre of civilians in the village."),
    ("SUIC_BOMB", "Two suicide bombers attacked a police academy, killing at least 30 cadets."),
    ("GRENADE", "Militants lobbed grenades at a security camp in the valley, wounding four soldiers."),
    ("REM_EXPLOS", "A booby-trapped car exploded outside a government building."),
    ("CHEM_WEAP", "Inspectors confirmed that sarin was used in the attack on the town."),
    (
        "ARMED_CLASH",
        "Al-Shabaab fighters raided a military base in the south, and the army said it repulsed the attackers "
        "after heavy fighting.",
    ),
    ("ARMED_CLASH", "Clashes between two armed factions in the capital left at least 14 fighters dead on Friday."),
    ("ARMED_CLASH", "The military said it killed 25 insurgents who attacked an outpost in the province."),
    ("ATTACK", "Gunmen on motorbikes killed 11 villagers and burned their granaries in an overnight raid."),
    ("ATTACK", "A journalist was shot dead in front of his house by unidentified men."),
    ("ATTACK", "Armed men ambushed a minibus carrying civilians, killing six passengers."),
    ("AIR_STRIKE", "At least 17 people were killed when a drone hit a wedding convoy, local officials said."),
    ("AIR_STRIKE", "The coalition said its aircraft destroyed an ammunition depot in an airstrike on Monday."),
    ("ART_MISS_ATTACK", "A missile struck a residential tower in the city centre, killing three people."),
    ("ART_MISS_ATTACK", "Separatist artillery fire hit a school, wounding two teachers."),
    ("DISR_WEAP", "The army said it had dismantled an explosives factory and seized 200 kilograms of TNT."),
    ("DISR_WEAP", "Israel's Iron Dome system intercepted most of the rockets fired from Gaza."),
    ("REM_EXPLOS", "A bomb hidden in a bag exploded at a bus stop, wounding 20 people."),
    ("SUIC_BOMB", "A female suicide bomber blew herself up in a crowded market, killing nine."),
    ("PEACE_PROTEST", "Thousands marched peacefully through the capital demanding the release of jailed journalists."),
    ("PEACE_PROTEST", "Workers at the port went on strike to demand better pay."),
    (
        "PROTEST_WITH_INTER",
        "Police blocked protesters from reaching the presidential palace and detained several of them.",
    ),
    ("VIOL_DEMONSTR", "Demonstrators set fire to the regional governor's office and clashed with riot police."),
    ("ABDUCT_DISSAP", "Armed men stormed a school and kidnapped more than 300 pupils."),
    ("ARREST", "Authorities rounded up dozens of suspected gang members in dawn raids."),
    ("AGREEMENT", "The warring sides signed a deal to reopen humanitarian corridors."),
    ("CHANGE_TO_GROUP_ACT", "The militia announced the creation of a new unit to guard the oil fields."),
    ("HQ_ESTABLISHED", "The armed group relocated its headquarters to a mountain village."),
    ("GOV_REGAINS_TERIT", "Troops regained control of the key port city after a month-long siege."),
    ("PROPERTY_DISTRUCT", "Attackers vandalised a church and burned religious books."),
    ("NATURAL_DISASTER", "The typhoon made landfall on Sunday, killing at least 20 people."),
    ("MAN_MADE_DISASTER", "At least 11 miners were killed when a coal mine collapsed."),
    ("ORG_CRIME", "Police said members of a criminal gang robbed a jewellery store and shot a guard."),
]


@pytest.mark.parametrize(("label", "text"), SNIPPETS)
def test_case_label_of_written_snippets(label: str, text: str) -> None:
    ranked = ranking.rank_types(text)
    assert ranked, text
    fine, _, cue = ranked[0]
    assert codes.case_label(fine, codes.acled_for(fine, ranking.government_acts(text, cue))) == label


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        ("The opposition rejected a government proposal for a ceasefire.", "rejection"),
        ("The council demanded the immediate withdrawal of foreign troops.", "demand"),
        ("The ministry rejected claims that its army was responsible for the attack.", "claim_of_responsibility"),
        ("Mortar shells landed in the market, destroying several shops.", "shelling"),
    ],
)
def test_argument_rules(text: str, fine: str) -> None:
    assert ranking.rank_types(text)[0][0] == fine


def test_lexicon_cues_of_a_bare_text() -> None:
    text = "Rebels fired rockets at the airport. Protesters marched in March; police used tear gas and arrested many."
    got = {(text[c.start : c.end], c.type) for c in lexicon.cues_in_text(text)}
    assert {("fired rockets", "shelling"), ("marched", "protest"), ("tear gas", "+intervention")} <= got
    assert not any(w == "March" for w, _ in got)
    assert lexicon.cues_in_text("") == []


# --- quality pass: failure classes an analyst sees at once (sentences written for these tests) ----------------


def _parties(e: Event) -> tuple[str | None, str | None]:
    return (e.initiator.text if e.initiator else None, e.target.text if e.target else None)


@pytest.mark.parametrize(
    "text",
    [
        "Separatist forces shelled the village of Kurakhove near the front on Saturday.",
        "The rebels bombed a bridge outside the capital overnight.",
        "The two rockets fired on Thursday hit a warehouse.",
        "The council adopted new sanctions on Belarus last week.",
    ],
)
def test_dates_are_never_actors(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text, "2025-08-10")
    assert events
    temporal = ("saturday", "overnight", "thursday", "last week", "week", "night")
    for e in events:
        for role in _parties(e):
            assert role is None or role.lower() not in temporal, (text, role)


def test_act_nouns_are_no_initiators_and_places_stand_for_their_state(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Last month a similar attack hit the harbour of Mykolaiv, and Russia shelled Kherson.")
    assert events
    for e in events:
        assert e.initiator is None or e.initiator.text.lower() not in ("similar attack", "attack")
    shelled = [e for e in events if e.initiator is not None and e.initiator.entity == "Russia"]
    assert shelled and shelled[0].target is not None and shelled[0].target.entity == "Ukraine"


@pytest.mark.parametrize(
    "text",
    [
        "The bloc's leaders approved a new aid package on Monday, diplomats said.",
        "The two sides held a second round of negotiations in Doha on Monday, diplomats said.",
    ],
)
def test_reporting_clause_is_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert len(events) == 1
    assert events[0].trigger.text.lower() != "diplomats"
    assert events[0].initiator is not None and events[0].initiator.text.lower() != "diplomats"
    assert events[0].target is None  # neither the date nor the venue is a party


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        ("Rebel forces attacked the airport of the city with kamikaze drones on Friday, officials said.",
         "drone_strike"),
        ("The navy struck the naval base with cruise missiles, damaging two ships, the ministry said.",
         "missile_strike"),
        ("Government troops hit rebel positions with heavy artillery overnight, a spokesman said.", "shelling"),
    ],
)  # fmt: skip
def test_attack_with_weapon_is_typed_by_the_weapon(nlp, text: str, fine: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert events and events[0].type == fine


def test_main_event_with_weapon_comes_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia attacked the port of Mykolaiv with Shahed drones on Tuesday, damaging three warehouses, "
        "Ukraine's navy said.\nCrews were still clearing debris on Thursday.\n"
        "Last year Russia shelled the Mykolaiv region repeatedly."
    )
    events = _events(nlp, text, "2025-06-12")
    assert events[0].type == "drone_strike"
    assert events[0].date is not None and events[0].date.value == "2025-06-10"
    assert events[0].initiator is not None and events[0].initiator.entity == "Russia"
    assert events[0].target is not None and events[0].target.entity == "Ukraine"
    assert any(q.role == "damaged" and q.value == 3 for q in events[0].quantities)


def test_sanctions_package_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "G7 finance ministers agreed a fresh round of sanctions against Iran on Tuesday.")
    assert events[0].type == "sanction"
    assert events[0].target is not None and events[0].target.entity == "Iran"
    assert ranking.rank_types("The bloc agreed to impose sanctions on Iran.")[0][0] == "sanction"
    assert ranking.rank_types("The two sides agreed a ceasefire in the capital.")[0][0] == "agreement"


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine launched sea drones at the port of Sevastopol in Crimea overnight.",
        "Ukraine fired drones at the Belbek airbase in Crimea on Tuesday, Ukraine's navy said.",
        "Russian troops shelled the town of Shebekino in the Belgorod region, Russian officials said.",
    ],
)
def test_initiator_and_target_are_never_one_side(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert events and events[0].initiator is not None
    # a place the gazetteer puts on the initiator's side (or in no known state) gives no target, not a guess
    assert events[0].target is None


def test_a_city_folded_into_a_time_phrase_is_still_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags "Kyiv overnight" as one TIME entity; the place must still be the target
    events = _events(nlp, "Russia launched 80 drones at Odesa overnight.", "2025-06-20")
    assert events[0].target is not None and events[0].target.entity == "Ukraine"
    assert events[0].target.text == "Odesa"


# --- denials and clause-level dates --------------------------------------------------------------------


def test_a_date_goes_to_the_clause_it_modifies(nlp) -> None:  # type: ignore[no-untyped-def]
    # the denial is Thursday, the crash Tuesday: the nearer date ("on Thursday") belongs to the denial's clause
    text = (
        "Moldova's Interior Ministry on Thursday denied that a drone had crashed near the town of Cahul "
        "in the south of the country on Tuesday."
    )
    events = _events(nlp, text, "2025-06-12")
    assert len(events) == 1
    crash = events[0]
    assert crash.type == "drone_strike"
    assert crash.date is not None and crash.date.value == "2025-06-10"
    assert crash.status == "denied"
    assert crash.initiator is None  # the side denying an event is no party to it


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Rebels shelled the market on Tuesday, the army said on Thursday.", "2025-06-10"),
        ("The ministry said on Thursday that a drone came down in a field near the border on Wednesday.",
         "2025-06-11"),
        # no date in the event's own clause: it takes the governing clause's date
        ("On Wednesday the army said rebels had shelled the market.", "2025-06-11"),
    ],
)  # fmt: skip
def test_clause_dates(nlp, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text, "2025-06-12")
    assert events[0].date is not None and events[0].date.value == date


@pytest.mark.parametrize(
    ("text", "fine", "date"),
    [
        ("Georgia dismissed on Thursday reports that a missile fell near the village of Sachkhere on Tuesday. "
         "Officials in Tbilisi said the reports were false.", "missile_strike", "2025-06-10"),
        ("Kenya's army on Thursday rejected claims that its troops had shelled a village in southern Somalia "
         "on Monday.", "shelling", "2025-06-09"),
        ("Azerbaijan rejected on Thursday reports that a drone came down near the port of Baku on Wednesday.",
         "drone_strike", "2025-06-11"),
    ],
)  # fmt: skip
def test_rejected_reports_give_the_reported_event_denied(  # type: ignore[no-untyped-def]
    nlp, text: str, fine: str, date: str
) -> None:
    events = _events(nlp, text, "2025-06-12")
    assert events[0].type == fine
    assert events[0].date is not None and events[0].date.value == date
    assert events[0].status == "denied"
    assert all(e.type != "rejection" for e in events)  # the denial is the event's status, not an event


def test_the_denier_is_no_party_to_the_denied_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Azerbaijan denied reports of a drone strike on the port of Baku on Wednesday.", "2025-06-12")
    assert events[0].type == "drone_strike" and events[0].status == "denied"
    assert events[0].initiator is None
    # unless the denied content is about the denier itself
    events = _events(nlp, "Iran on Wednesday dismissed allegations that it had supplied drones to Russia last month.",
                     "2025-06-12")  # fmt: skip
    assert events[0].type == "arms_transfer" and events[0].status == "denied"
    assert events[0].initiator is not None and events[0].initiator.entity == "Iran"
    assert events[0].date is not None and events[0].date.value == "2025-05"


def test_rejecting_a_proposal_is_still_a_rejection(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The rebels on Thursday rejected a ceasefire proposal made by the mediators on Monday.",
                     "2025-06-12")  # fmt: skip
    assert events[0].type == "rejection"
    assert events[0].date is not None and events[0].date.value == "2025-06-12"
    assert (
        ranking.rank_types("Rebels rejected reports of a new offer.")[0][0] == "rejection"
    )  # nothing eventive reported


def test_a_downed_drone_is_no_accident() -> None:
    assert ranking.rank_types("A drone had crashed near the border.")[0][0] == "drone_strike"
    assert "man_made_disaster" not in {t for t, _, _ in ranking.rank_types("A drone crashed near the border.")}
    assert ranking.rank_types("A cruise missile came down in a field.")[0][0] == "missile_strike"
    assert ranking.rank_types("A small passenger plane crashed near the airport.")[0][0] == "man_made_disaster"


def test_a_denial_dates_the_statement_not_the_event(nlp) -> None:
    text = (
        "The army denied on Thursday that its artillery had shelled a market in the town, insisting the rockets "
        "fired on Tuesday hit a rebel depot."
    )
    (res,) = process([Article(id="deny-date", text=text, published="2025-08-15")])
    assert res.events and res.events[0].date is not None
    assert res.events[0].date.value == "2025-08-12"
