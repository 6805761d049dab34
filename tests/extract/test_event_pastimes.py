"""Sport, show business, labour and figures of speech: violent words that are no violence.

crosswire wrote 67 ACLED rows from 221 real ECB+ articles about games, shows, celebrities and
wildlife rules; each class below was among them. Every text here is written for this file;
the last group guards the violence told beside the same words.
"""

from __future__ import annotations

import pytest

from crosswire.records import Event

pytestmark = pytest.mark.model

HAPPENED = {"asserted", "reported"}

GAME_REPORT = (
    "The Hawks beat the Rams 81-70 on Saturday night to reach the conference final.\n"
    "Dale Moore hit four three-pointers and finished with 22 points and nine rebounds.\n"
    "The Rams shot 38 percent in the second half, and their coach said the team fought hard.\n"
    "Moore struck again late, rallying the Hawks from a nine-point deficit.\n"
    "The win gives the Hawks their first playoff berth in six seasons, and fans stormed the court."
)


RACE_REPORT = (
    "Senator Ada Moss beat her rival in the state's Democratic caucuses on Saturday, her second win of the primary "
    "season.\n"
    "Her campaign says it has beaten and can beat the front-runner in the delegates race.\n"
    "The two candidates battle for second place in the Republican primary, and each attacked the other in the debate.\n"
    "Moss captured Vermont and Maine, and her nominee rival took Ohio; voters gave her a strong third place in the polls."
)


def _events(nlp, text: str) -> list[Event]:
    from crosswire.extract.events.core import find_events
    from crosswire.extract.places.core import places_from_doc

    doc = nlp(text)
    return find_events(doc, doc_id="t", published="2021-03-10", places=places_from_doc(doc))


def _acled_rows(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(e.trigger, e.modality, e.acled["sub_event_type"]) for e in _events(nlp, text)
            if e.modality in HAPPENED and e.acled]


def test_a_game_report_tells_no_violence(nlp_sm):
    assert not _acled_rows(nlp_sm, GAME_REPORT)


def test_an_election_race_tells_no_violence(nlp_sm):
    assert not _acled_rows(nlp_sm, RACE_REPORT)


def test_harm_in_a_race_report_is_still_read(nlp_sm):
    text = RACE_REPORT + "\nA gunman fatally shot two campaign volunteers outside her office in Des Moines on Friday."
    rows = _acled_rows(nlp_sm, text)
    assert [r[2] for r in rows] == ["Attack"], rows  # the shooting, and only it


def test_harm_in_a_game_report_is_still_read(nlp_sm):
    text = GAME_REPORT + "\nAfter the game, police arrested two fans who stabbed a steward outside the arena."
    rows = _acled_rows(nlp_sm, text)
    assert rows and all(r[0] in {"arrested", "stabbed"} for r in rows), rows


@pytest.mark.parametrize("text", [
    # show business
    "The singer's comeback: a hit or a miss?",
    "She joins the cast of the network's hit comedy next spring.",
    "The director was in Lisbon shooting a remake of the 1970s thriller.",
    "The crew is shooting for a summer release.",
    "The actress shot to fame in a 2004 teen comedy.",
    # labour strikes are walkouts, and a possible one has not happened
    "Studios drew up contingency plans in the event of a screenwriters' union strike.",
    "The ceremony may be hit by a potential walkout by the actors' guild.",
    # figures of speech
    "Campaigners called the ruling another assault on the law.",
    "The new guidance strikes at the heart of the Clean Water Act.",
    "The news hits close to home for the family.",
    "The team hit a slump in January.",
    "The mayor signed a memorandum on the budget on Monday.",
    "Inspectors must sign off on every new building.",
    "Filming had wound down by June.",
    "The board is not the body to arrest the decline of the high street.",
    "She faces the prospect of arrest if she skips the hearing.",
    "A former employee is suing him for assault.",
    "He looked arresting in the photographs.",
    "There is no way to gather a clear theory of his views from the interview.",
    # a takeover of a job, not of a place
    "The head coach was fired today, and taking over will be the former Denver coach.",
    "The department rushed the rule through before the new president took over.",
])
def test_no_violence_is_read(nlp_sm, text: str) -> None:
    assert not _acled_rows(nlp_sm, text)


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Gunmen shot dead a shopkeeper in Kano on Monday.", "Attack"),
    ("Troops struck at the heart of the rebel stronghold near Gao on Monday.", "Armed clash"),
    ("Nurses went on strike in Nairobi on Monday.", "Peaceful protest"),
    ("The government and the rebels signed a peace agreement in Juba on Friday.", "Agreement"),
    ("Police arrested two men in Lagos on Monday.", "Arrests"),
    ("In Kidal, rebels took over on Monday.", "Non-state actor overtakes territory"),
    ("Islamist fighters took control of Timbuktu on Sunday.", "Non-state actor overtakes territory"),
])
def test_violence_beside_the_same_words_is_read(nlp_sm, text: str, sub_event: str) -> None:
    assert sub_event in {r[2] for r in _acled_rows(nlp_sm, text)}, _acled_rows(nlp_sm, text)
