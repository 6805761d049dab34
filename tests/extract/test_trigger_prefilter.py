"""The Matcher is spared sentences that cannot hold a multiword trigger (issue 14): the
prefilter may only skip a sentence on which the Matcher finds nothing."""

from __future__ import annotations

import pytest

from crosswire.extract.events.ontology import load_ontology
from crosswire.extract.events.trigger_index import may_match, multiword_matcher
from crosswire.extract.events.triggers import find_triggers

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

TEXT = (
    "Gunmen opened fire on a minibus near the depot on Monday. A roadside bomb exploded as the convoy passed. "
    "Two suicide car bombs hit the checkpoint, and rebels took control of the airport. "
    "The council met to discuss the water budget. Students set fire to tyres outside the ministry. "
    "Police said the market would open again on Friday. An air strike flattened a bakery. "
    "The drone strikes were carried out at night, residents said. Nothing else happened in the town."
)


def test_the_prefilter_never_skips_a_sentence_the_matcher_would_match(nlp_sm):
    doc = nlp_sm(TEXT)
    matcher, _, needs = multiword_matcher(doc.vocab, load_ontology())
    kept = 0
    for sent in doc.sents:
        if may_match(sent, needs):
            kept += 1
        else:
            assert matcher(sent) == [], sent.text
    assert 0 < kept < len(list(doc.sents))  # it does skip, and it keeps the multiword sentences
    phrases = [t for sent in doc.sents for t in find_triggers(sent) if t.end - t.start > 1]
    assert any(t.text.lower().startswith("roadside bomb") for t in phrases)
    assert any("suicide car bomb" in t.text.lower() for t in phrases)
