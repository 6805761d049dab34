from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from crosswire.duplicates import find_duplicates, from_bytes, signature, to_bytes
from crosswire.records import Document

STORY = (
    "Heavy shelling hit the northern district of Varna Bay on Tuesday, killing at least twelve "
    "people and wounding dozens more, local officials said. The regional governor said rescue teams "
    "were still searching the rubble of two apartment blocks near the harbour, and that hospitals "
    "in the city had called in off-duty staff. The defence ministry blamed rebel artillery units "
    "positioned in the hills above the town, a charge the rebels denied in a statement."
)
OTHER = (
    "The central bank left its main interest rate unchanged on Thursday, citing slowing inflation "
    "and weak export demand, and signalled that it could cut rates early next year if the currency "
    "remained stable. Analysts polled before the meeting had expected no change."
)


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, source=doc_id, outlet=None, host=None, title=None, published=None,
                    published_inferred=None, language="en", text=text, boilerplate=[])


def test_duplicates_syndicated_copy_points_to_first():
    copy = STORY.replace("local officials said", "officials said") + " Reporting by the news desk."
    dup, sigs = find_duplicates([_doc("a", STORY), _doc("b", OTHER), _doc("c", copy)])
    assert dup == {"c": "a"}
    assert set(sigs) == {"a", "b", "c"}


def test_duplicates_against_stored_signatures_and_chains():
    _, sigs = find_duplicates([_doc("a", STORY)])
    dup, fresh = find_duplicates([_doc("b", STORY + " Extra line."), _doc("c", STORY)], known=sigs)
    assert dup == {"b": "a", "c": "a"}
    assert "a" not in fresh


def test_duplicates_distinct_reports_of_same_event_stay_apart():
    other_outlet = (
        "Rebel fighters denied firing on Varna Bay, saying government forces had shelled the "
        "district themselves. Twelve people died, according to a hospital source, while the "
        "governor's office put the toll higher."
    )
    dup, _ = find_duplicates([_doc("a", STORY), _doc("b", other_outlet)])
    assert dup == {}


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_duplicates_signature_bytes_round_trip(text):
    mh = signature(text)
    assert from_bytes(to_bytes(mh), 128).jaccard(mh) == 1.0


# -- issue 10: short reports in one template are not copies of each other -------------------

# Self-written ACLED-style reports: one template, facts varied one or two at a time so that
# most pairs share most 5-gram shingles (the case MinHash alone calls a copy).
_TEMPLATE = ("On {day} {month} {year}, {actor} attacked a checkpoint of the {force} in {place} district "
             "({province}), killing {dead} soldiers and wounding {hurt}.")
_BASE = dict(day="3", month="May", year="2020", actor="Taliban militants", force="Afghan National Army",
             place="Imam Sahib", province="Kunduz", dead="4", hurt="6")
_VARIATIONS = {
    "day": ["4", "5", "11", "17", "21", "28"],
    "month": ["June", "July", "March", "October"],
    "year": ["2019", "2021"],
    "actor": ["ISKP militants", "Haqqani Network fighters", "unidentified gunmen of Jamaat Ansar"],
    "force": ["Afghan Local Police", "National Directorate of Security", "Afghan Border Police"],
    "place": ["Chahar Dara", "Khan Abad", "Dasht-e Archi", "Ali Abad"],
    "province": ["Baghlan", "Takhar", "Balkh"],
    "dead": ["2", "3", "7", "12", "eight", "five"],
    "hurt": ["1", "2", "9", "eleven"],
}


def _reports() -> list[str]:
    texts = [_TEMPLATE.format(**_BASE)]
    for key, values in _VARIATIONS.items():
        texts.extend(_TEMPLATE.format(**{**_BASE, key: v}) for v in values)
    # Two facts changed at once, a date and a place or a toll and an actor.
    pairs = [("day", "month"), ("place", "province"), ("dead", "actor"), ("hurt", "day")]
    for i, (k1, k2) in enumerate(pairs):
        for j in range(2):
            texts.append(_TEMPLATE.format(**{**_BASE, k1: _VARIATIONS[k1][j], k2: _VARIATIONS[k2][-1 - i % 2 - j]}))
    return texts


def test_issue10_template_reports_with_different_facts_are_not_copies():
    texts = _reports()
    assert len(texts) == len(set(texts)) >= 40
    dup, _ = find_duplicates([_doc(f"r{i:02d}", t) for i, t in enumerate(texts)])
    assert dup == {}


def test_issue10_template_reports_stay_apart_from_stored_signatures():
    texts = _reports()
    _, stored = find_duplicates([_doc(f"r{i:02d}", t) for i, t in enumerate(texts[:20])])
    dup, _ = find_duplicates([_doc(f"s{i:02d}", t) for i, t in enumerate(texts[20:])], known=stored)
    assert dup == {}
    # An exact repeat of a stored report is still a copy of it.
    dup, _ = find_duplicates([_doc("again", texts[5] + " (Reuters)")], known=stored)
    assert dup == {"again": "r05"}


def test_issue10_signatures_stored_before_facts_still_load():
    _, stored = find_duplicates([_doc("a", STORY)])
    legacy = {k: v[: 128 * 8] for k, v in stored.items()}
    dup, _ = find_duplicates([_doc("b", STORY + " Extra line.")], known=legacy)
    assert dup == {"b": "a"}


def test_issue10_gold_acled_style_reports_only_exact_repeats_group():
    import json
    from pathlib import Path

    gold = Path(__file__).parent / "data" / "gold"
    docs = [_doc(f"{path.stem}:{n}", json.loads(line)["text"])
            for path in sorted(gold.glob("acled_reports*.jsonl"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()) if line.strip()]
    texts = {d.id: d.text for d in docs}
    dup, _ = find_duplicates(docs)
    assert all(" ".join(texts[a].split()) == " ".join(texts[b].split()) for a, b in dup.items())


# -- issue 10: genuine syndicated copies still group --------------------------------------

ARTICLES = [
    (
        "Floods cut off Marrow Valley as Lindqvist river bursts its banks",
        "Floodwater cut off eleven villages in the Marrow Valley on Sunday after the Lindqvist river burst "
        "its banks for the second time this month, the regional emergency service said.\n\n"
        "Rescue crews in boats took about 340 people from the roofs of their homes in Hallen and Ost-Tarn, "
        "and two helicopters of the Coastal Guard flew an elderly couple to hospital in Brevik. Nobody was "
        "reported dead, but the service said three fishermen were missing near the weir at Sundby.\n\n"
        "Governor Ingrid Falk said the dykes built after the 2017 floods had held along most of the river, "
        "but that a 200-metre section near Hallen had given way before dawn. \"We warned in March that this "
        "stretch needed work,\" she told Valley Radio.\n\n"
        "The weather service expects another 40 millimetres of rain by Tuesday.",
    ),
    (
        "Port strike halts grain exports from Caldera",
        "Dock workers at the port of Caldera walked out on Monday in a dispute over night-shift pay, "
        "halting grain loadings at the country's largest export terminal, the Caldera Port Authority said.\n\n"
        "About 1,800 members of the Harbour and Transport Union stopped work at 6 a.m., leaving nine bulk "
        "carriers waiting at anchor. The union's leader, Marco Benedetti, said the authority had broken a "
        "promise made in January to raise night rates by 12 percent.\n\n"
        "Agriculture Minister Sofia Arena said the government would not let the harvest rot on the quays "
        "and called both sides to talks in Vellmar on Wednesday. Traders said wheat prices at the Caldera "
        "exchange rose 3.5 percent in early dealing.",
    ),
    (
        "Opposition leader Dagny Roth arrested after Tessaly rally",
        "Police in Tessaly arrested opposition leader Dagny Roth late on Friday, hours after she addressed "
        "a rally of about 5,000 people in Freedom Square, her party said.\n\n"
        "The Civic Union said officers detained Roth and two aides, Jonas Pell and Mira Kade, as they left "
        "the square in a car. The interior ministry confirmed the arrest and said Roth was held on charges "
        "of organising an unauthorised gathering, which carries a sentence of up to 15 days.\n\n"
        "Roth, 46, came second in the presidential election in October 2023. Her lawyer, Piet Haldane, "
        "said he had not been allowed to see her.",
    ),
]

_CHROME_A = "Share this article\nAdvertisement\n"
_CHROME_B = "\nFollow us on Facebook and X\nSubscribe to our newsletter"


def _variations(title: str, body: str) -> dict[str, tuple[str | None, str]]:
    paragraphs = body.split("\n\n")
    typo = body.replace("said", "siad", 1)
    return {
        "chrome": (title, _CHROME_A + body + _CHROME_B),
        "credit": (title, body + " (Reuters)"),
        "credit line": (title, body + "\n\nReporting by Anna Holm; Editing by Piotr Lis"),
        "headline": ("Breaking: " + title.split(" as ")[0] + ", officials say", body),
        "headline in text": (None, "Updated report\n" + title + "\n" + body),
        "typo fixed": (title, typo),
        "paragraph added": (title, body + "\n\nThe agency said it would publish an update at noon on Monday."),
        "last paragraph dropped": (title, "\n\n".join(paragraphs[:-1])),
        "all at once": ("Latest: " + title, _CHROME_A + typo + "\n\nMore follows later. (AP)"),
    }


def _titled(doc_id: str, title: str | None, text: str) -> Document:
    return Document(id=doc_id, source=doc_id, outlet=None, host=None, title=title, published=None,
                    published_inferred=None, language="en", text=text, boilerplate=[])


def test_issue10_syndicated_copies_group_with_their_original():
    docs = [_titled(f"a{i}", title, body) for i, (title, body) in enumerate(ARTICLES)]
    expected = {}
    for i, (title, body) in enumerate(ARTICLES):
        for name, (t, text) in _variations(title, body).items():
            doc_id = f"a{i}/{name}"
            docs.append(_titled(doc_id, t, text))
            expected[doc_id] = f"a{i}"
    dup, _ = find_duplicates(docs)
    assert dup == expected


def test_issue10_name_typo_fixed_in_a_long_article_still_groups():
    title, body = ARTICLES[0]
    fixed = body.replace("Lindqvist", "Lindquist", 1)
    dup, _ = find_duplicates([_doc("a", body), _doc("b", fixed)])
    assert dup == {"b": "a"}


# -- issue 10: properties -----------------------------------------------------------------

_FACT_KEYS = ["day", "year", "place", "province", "dead", "hurt", "actor", "force", "month"]


@st.composite
def _report_and_change(draw):
    facts = {k: draw(st.sampled_from([_BASE[k], *_VARIATIONS[k]])) for k in _BASE}
    key = draw(st.sampled_from(_FACT_KEYS))
    other = draw(st.sampled_from([v for v in [_BASE[key], *_VARIATIONS[key]] if v != facts[key]]))
    return _TEMPLATE.format(**facts), _TEMPLATE.format(**{**facts, key: other})


@settings(max_examples=60, deadline=None)
@given(_report_and_change())
def test_issue10_changing_one_fact_makes_a_short_report_another_report(pair):
    report, changed = pair
    dup, _ = find_duplicates([_doc("a", report), _doc("b", changed)])
    assert dup == {}


@settings(max_examples=60, deadline=None)
@given(_report_and_change(), st.sampled_from([" (Reuters)", " - AFP", "\nReporting by Anna Holm", " (AP)"]))
def test_issue10_a_credit_line_keeps_a_short_report_a_copy(pair, credit):
    report, _ = pair
    dup, _ = find_duplicates([_doc("a", report), _doc("b", report + credit)])
    assert dup == {"b": "a"}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(range(len(ARTICLES))), st.data())
def test_issue10_changing_one_name_or_number_in_a_long_article_keeps_it_a_copy(i, data):
    import re

    body = ARTICLES[i][1]
    tokens = sorted(set(re.findall(r"\b(?:[A-Z][a-z]+|\d+)\b", body)))
    token = data.draw(st.sampled_from(tokens))
    replacement = "Zorbalind" if token[0].isalpha() else "987"
    changed = re.sub(rf"\b{token}\b", replacement, body, count=1)
    dup, _ = find_duplicates([_doc("a", body), _doc("b", changed)])
    assert dup == {"b": "a"}


# -- the store's band table: near-duplicates found without loading the corpus --------------

def _variants() -> list[str]:
    # Copies of STORY with chrome added or a word changed, and unrelated reports between them.
    return [STORY, OTHER, STORY + " Share this article.", OTHER.replace("Thursday", "Friday"),
            "Copyright the wire. " + STORY, STORY.replace("twelve", "fourteen"), OTHER + " Reporting by the desk."]


def test_store_backed_index_finds_what_the_in_memory_one_finds(mem_store):
    from crosswire.duplicates import DuplicateIndex

    first = [_doc(f"a{i}", t) for i, t in enumerate(_variants())]
    second = [_doc(f"b{i}", t + suffix) for i, t in enumerate(_variants()) for suffix in ("", " (Reuters)")]
    _, known = find_duplicates(first)
    expected, _ = find_duplicates(second, known=known)
    index = DuplicateIndex(mem_store)
    dup_first, sigs = index.add(first)
    mem_store.put_signatures(sigs)
    mem_store.put_bands(index.scheme, index.band_rows(sigs))
    found, fresh = index.add(second)
    assert found == expected and expected  # the second batch's copies point into the first
    assert set(fresh) == {d.id for d in second}


@pytest.mark.model
def test_a_store_without_band_rows_gets_them_and_still_finds_copies(tmp_path):
    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        run([folder], store, load_settings())
        store.con.execute("DELETE FROM minhash_bands")  # as a store made before bands were kept
        (folder / "b.txt").write_text(STORY + "\n\nShare this article.", encoding="utf-8")
        summary = run([folder], store, load_settings())
        assert summary.duplicate == 1
        assert store.count("minhash_bands") == 25 * store.count("signatures") == 50  # 25 bands at 0.5 and 128
