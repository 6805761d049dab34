"""Relations made checkable (issue 12): the question and answers, independent origins,
camps read from a story's relations, and antonyms with no third value. Self-written cases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crosswire.compare.camps import allies, side_edges
from crosswire.compare.cues import analyse
from crosswire.compare.questions import Footing, confidence, describe, independent, origin
from crosswire.compare.stance import complement_clash
from crosswire.records import Claim, Evidence, Relation, Speaker


def _claim(cid: str, who: str | None, text: str, doc: str = "d1", chain: list[str] | None = None) -> Claim:
    sentence = f"{text}, {who or 'it'} said."
    return Claim(cid, doc, Speaker(who, who) if who else None, chain or [], text, False, "said", None,
                 Evidence(0, len(sentence), sentence))


def test_describe_names_the_question_and_orders_the_answers_by_claim() -> None:
    told = describe("number", "14 vs 0-4 (civilians killed)", True, "civilians")
    assert (told.question, told.answers) == ("how many civilians killed?", ["14", "0-4"])
    assert describe("number", "14 vs 0-4 (civilians killed)", False, "").answers == ["0-4", "14"]
    denial = describe("denial", '"baseless" vs "not militants"', True, "militants")
    assert denial.question == "is it so that not militants?" and denial.answers[0].startswith("no")
    assert describe("where", "Ostrel vs Dravny", True, "the shelling").question == "where did it happen (the shelling)?"
    assert describe("same claim", "both: not militants", True, "").answers == ["not militants", "not militants"]


@given(kind=st.sampled_from(["number", "denial", "polarity", "who", "where", "when", "same claim"]),
       x=st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(str.strip).filter(bool),
       y=st.text(alphabet="ijklmnop ", min_size=1, max_size=12).map(str.strip).filter(bool),
       first=st.booleans())
def test_describe_always_gives_two_answers_and_flipping_the_order_flips_them(kind, x, y, first) -> None:
    detail = f"{x} vs {y} (what)"
    one, other = describe(kind, detail, first, "about"), describe(kind, detail, not first, "about")
    assert len(one.answers) == 2 and one.question
    assert one.answers == other.answers[::-1]


def test_a_relayed_quote_is_one_origin() -> None:
    wire = _claim("a", "Interior Minister Petra Hale", "the border stays closed", "d1")
    relay = _claim("b", "Interior Minister Petra Hale", "the border stays closed, she said", "d2")
    assert not independent(wire, relay)
    chained = _claim("c", "a army source", "four posts were shelled", "d3", ["Herald", "Lumo Agency", "army source"])
    assert origin(chained) == "army source"
    other = _claim("d", "Mayor Ivo Brandt", "no lorry crossed at the northern checkpoint all day", "d4")
    assert independent(wire, other)
    same_words = _claim("e", "Mayor Ivo Brandt", "the border stays closed", "d5")
    assert not independent(wire, same_words)  # one statement's words, carried again: a relay
    police = [_claim(c, who, text, doc) for c, who, text, doc in (
        ("p", "police", "the driver fled on foot after the crash", "d6"),
        ("q", "Local police", "officers are looking for a man seen running from the car", "d7"))]
    assert not independent(*police)  # "police" in two outlets is one official source
    assert confidence("same claim", "supports", 0.9, Footing(one_event=True, independent=False)) < 0.2


def test_confidence_rises_with_what_ties_two_claims_to_one_question() -> None:
    loose = confidence("polarity", "contradicts", 0.6, Footing(named=False))
    opposed = confidence("polarity", "contradicts", 0.6, Footing(opponents=True))
    one = confidence("polarity", "contradicts", 0.6, Footing(opponents=True, one_event=True))
    apart = confidence("polarity", "contradicts", 0.6, Footing(opponents=True, dated_apart=True))
    assert loose < opposed < one and apart < opposed
    assert all(0.0 <= x <= 1.0 for x in (loose, opposed, one, apart))


def _rel(a: str, b: str, type_: str, reason: str = "polarity: x vs not x") -> Relation:
    return Relation(f"{a}-{b}-{type_}", "s", type_, [a, b], "x", reason, 0.5, independent=True)


def test_two_sides_that_stand_the_same_way_towards_two_others_are_allies() -> None:
    side = {"k1": "Kestria", "k2": "Kestria", "v1": "Varnia", "m1": "Monitors", "n1": "Nordic League"}
    rels = [_rel("k1", "v1", "contradicts"), _rel("m1", "v1", "contradicts"), _rel("k2", "n1", "supports"),
            _rel("m1", "n1", "supports"), _rel("k1", "m1", "contradicts")]
    assert frozenset({"Kestria", "Monitors"}) in allies(side_edges(rels, side))


def test_sides_split_over_a_third_are_never_allies() -> None:
    side = {"k": "Kestria", "v": "Varnia", "m": "Monitors", "d": "Doctors", "t": "Tessin"}
    rels = [_rel("k", "m", "contradicts"), _rel("v", "m", "contradicts"), _rel("k", "d", "contradicts"),
            _rel("v", "d", "contradicts"), _rel("k", "t", "supports"), _rel("v", "t", "contradicts")]
    assert frozenset({"Kestria", "Varnia"}) not in allies(side_edges(rels, side))


def test_a_relay_says_nothing_about_camps() -> None:
    side = {"a": "Kestria", "b": "Varnia"}
    relay = Relation("r", "s", "supports", ["a", "b"], "x", "same claim: x", 0.5, independent=False)
    assert side_edges([relay], side) == {}


def test_complementary_antonyms_clash_through_negation() -> None:
    weather = analyse("The crash was caused by bad weather, and nobody should look for a plot of sabotage here.")
    deliberate = analyse("The overflight does not look like an accident.")
    assert complement_clash(weather, deliberate) == ("weather", "no accident")
    assert complement_clash(analyse("it was a deliberate provocation"), analyse("a navigational error caused it")) \
        == ("deliberate", "error")
    # both deny the same side: no clash
    assert complement_clash(analyse("it was not deliberate"), analyse("nothing about it was intentional")) is None


def test_an_obituary_survivor_is_no_survival() -> None:
    from crosswire.compare.stance import antonym_clash

    killed = analyse("The guard was killed on Friday, police said.")
    assert antonym_clash(killed, analyse("He is survived by his wife and two sons, the family said.")) is None
    assert antonym_clash(killed, analyse("The guard survived the attack, the hospital said.")) == ("killed", "survived")


def test_a_possessive_name_is_no_polarity() -> None:
    from crosswire.compare.relations import compare_claims

    mine = analyse("the van was Hale's, the prosecutor said")
    assert compare_claims(mine, analyse("the van was not Hale's, his lawyer said"), 0.8) is None


def test_a_count_of_the_hurt_is_no_count_of_the_dead() -> None:
    from crosswire.compare.numbers import toll_clash

    shot = analyse("three guards were shot, two of them fatally, the company said")
    assert [q.killed for q in shot.quantities] == [False]
    assert toll_clash(shot, analyse("two guards were killed, police said")) is None
    assert toll_clash(analyse("five guards were killed"), analyse("two guards were killed")) == "5 vs 2 (guards killed)"


def test_sizes_and_sums_are_no_rival_counts() -> None:
    from crosswire.compare.numbers import a_count as _a_count

    assert not _a_count("11 vs 17 (inch)") and not _a_count("8 vs 82 (million)") and not _a_count("66 vs 36 (year-old)")
    assert _a_count("36 vs 0 (civilians killed)")


def test_the_dead_are_not_counted_against_the_shot() -> None:
    from crosswire.compare.stance import number_clash

    shot = analyse("the man who shot three guards, killing two, was charged on Friday")
    dead = analyse("the man accused of killing two guards and wounding a third")
    assert number_clash(shot, dead) is None or not number_clash(shot, dead)[1]
