"""Tests of names matched across languages (compare/bridge.py) and cross-language stories."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crosswire.compare.bridge import alias_index, bridged_entities, name_words, same_word
from crosswire.compare.embeddings import hashed_vectors
from crosswire.compare.stories import StoryInput, group_stories
from crosswire.records import Entity


def _entity(eid: str, canonical: str, *aliases: str) -> Entity:
    return Entity(id=eid, type="GPE", canonical=canonical, aliases=list(aliases), docs=[])


ENTITIES = [
    _entity("kestria", "Kestria"), _entity("varnia", "Varnia"), _entity("dravny", "Dravny"),
    _entity("osei", "Amara Osei", "Osei"), _entity("volkov", "Sergei Volkov", "Sergey Volkov"),
    _entity("army", "Kestrian army"), _entity("tessin", "Tessin"), _entity("bridge", "Old Bridge"),
    _entity("vienna", "Vienna"),
]
INDEX = alias_index(ENTITIES)

FR_TRUCE = ("Cessez-le-feu entre la Kestrie et la Varnie\n"
            "VIENNE - La Kestrie et la Varnie ont conclu jeudi un cessez-le-feu, a annoncé l'émissaire Amara Osei, "
            "deux jours après le bombardement de Dravny.")
RU_TRUCE = ("Волков: огонь по Дравному был ответом\n"
            "Министр обороны Варнии Сергей Волков заявил, что удар по Дравному был ответом Кестрии.")
FR_BRIDGE = ("Le Vieux Pont de Tessin rouvre\n"
             "Après deux ans de travaux, le pont de Tessin a rouvert samedi devant les habitants de Tessin.")


def test_name_words_skip_sentence_openers_and_short_words():
    assert set(name_words("La Kestrie et la Varnie ont conclu un accord. Le texte est court.")) == {"kestrie", "varnie"}


def test_names_match_across_script_and_inflection():
    assert same_word("dravnomu", "dravny") and same_word("kestrie", "kestria") and same_word("varnii", "varnia")
    assert not same_word("varnie", "vienne") and not same_word("osei", "oslo")


def test_bridged_entities_of_a_french_and_a_russian_report():
    assert {"kestria", "varnia", "osei", "dravny"} <= bridged_entities(FR_TRUCE, INDEX)
    assert {"kestria", "varnia", "volkov", "dravny"} <= bridged_entities(RU_TRUCE, INDEX)
    # "Kestrie" names the country; the army is only named with its own words.
    assert "bridge" not in bridged_entities(FR_TRUCE, INDEX) and "tessin" in bridged_entities(FR_BRIDGE, INDEX)


@given(st.text(max_size=300))
def test_bridge_never_fails_and_only_returns_known_ids(text):
    assert bridged_entities(text, INDEX) <= {e.id for e in ENTITIES}


def _en(doc_id: str, title: str, entities: set[str], date: str) -> StoryInput:
    return StoryInput(doc_id, title, title + ".", date, frozenset(entities), language="en")


TRUCE_EN = [_en("t1", "Kestria and Varnia agree truce in Vienna", {"kestria", "varnia", "vienna", "osei"}, "2024-03-14"),
            _en("t2", "Truce between Kestria and Varnia holds in Dravny", {"kestria", "varnia", "dravny"}, "2024-03-15")]
BRIDGE_EN = [_en("b1", "Tessin's Old Bridge reopens", {"tessin", "bridge"}, "2024-03-11")]


def _groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for doc, story in assignment.items():
        by.setdefault(story, set()).add(doc)
    return {frozenset(v) for v in by.values()}


def test_reports_in_other_languages_join_their_story_by_names():
    foreign = [StoryInput("fr1", None, FR_TRUCE, "2024-03-14", bridged_entities(FR_TRUCE, INDEX), language="fr"),
               StoryInput("ru1", None, RU_TRUCE, "2024-03-13", bridged_entities(RU_TRUCE, INDEX), language="ru"),
               StoryInput("fr2", None, FR_BRIDGE, "2024-03-11", bridged_entities(FR_BRIDGE, INDEX), language="fr")]
    grouping = group_stories(TRUCE_EN + BRIDGE_EN + foreign, embedder=hashed_vectors)
    assert _groups(grouping.assignment) == {frozenset({"t1", "t2", "fr1", "ru1"}), frozenset({"b1", "fr2"})}
    truce = next(s for s in grouping.stories if "t1" in s.docs)
    assert truce.title in {d.title for d in TRUCE_EN}  # titled in the story's main language


def test_a_report_in_another_language_without_known_names_stays_alone():
    odd = StoryInput("fr3", None, "Les prix du pain augmentent encore.", "2024-03-14", frozenset(), language="fr")
    grouping = group_stories(TRUCE_EN + [odd], embedder=hashed_vectors)
    assert frozenset({"fr3"}) in _groups(grouping.assignment)


def test_a_bridged_report_does_not_merge_two_stories_of_one_language():
    # Two English stories that share one country but read apart; a French report naming
    # everything in both sits close to each, yet they must stay two stories.
    quake = [_en("q1", "Earthquake shakes Kestria's north coast", {"kestria", "coast"}, "2024-03-14"),
             _en("q2", "Rescuers search rubble after Kestria earthquake", {"kestria", "coast"}, "2024-03-14")]
    both = StoryInput("fr4", None, "x", "2024-03-14", frozenset({"kestria", "varnia", "osei", "dravny", "vienna", "coast"}),
                      language="fr")
    grouping = group_stories(TRUCE_EN + quake + [both], embedder=hashed_vectors)
    groups = _groups(grouping.assignment)
    assert not any({"t1", "q1"} <= g for g in groups)
