"""Evidence for a body's stance towards a related headline, and the decision rule that weighs it.

Decision principle (a prior-majority rule):

    For a related pair, ``discuss`` is the prior majority (FNC-1 task statistics for the
    train split: discuss 17.8%, agree 7.4%, disagree 1.7% of all pairs, i.e. about 2.4
    discuss for every agree and 10 for every disagree). FNC-1 pays the same 0.75 for any
    exact related class, so a rule should leave the majority only when the body's own
    evidence for another class clearly outweighs the evidence for reporting without a
    verdict. The body is therefore read in the reporter's voice:

    * ``disagree`` needs a verdict against the claim: a *refutation in the reporter's or
      an authority's voice* ("hoax", "fake", "is false", "debunked", "made up", "staged",
      "no truth", "retracted") in the lede or the closest sentence, or two independent
      cues (two refuting sentences anywhere, or one and a party's denial). Debunks restate the rumour with hedges before refuting it, so hedges do
      not weigh against a verdict. A party's denial ("X denied the report") is weaker
      evidence: it, or the closest sentence negating the headline, must outweigh the
      sentences that leave the claim open, so a body that reports a denial next to an
      unresolved claim ("reportedly ... denied ... could not be verified") stays ``discuss``.
    * ``agree`` needs the claim asserted as fact: a sentence as close as a restatement
      (AGREE_COS), no refutation anywhere and no denial, and no more than
      AGREE_MAX_HEDGE_SHARE of the sentences that speak about the claim (lede and closest
      sentences) hedging it ("reportedly", "claims", "could not be verified", "has not
      confirmed").
    * everything else is ``discuss``.

    The weights are small integers chosen a priori; the two thresholds (DISAGREE_MARGIN,
    AGREE_MAX_HEDGE_SHARE) were read off the self-written pairs in
    ``tests/data/gold/stance_pairs.jsonl`` (93 pairs in rumour/debunk news style, nine of them
    long bodies that restate the rumour before refuting it), never
    off FNC-1, which carries no licence and is used for evaluation only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.compare.cues import Analysis

# --- cue phrases (lower-case regexes over a sentence's text) -----------------------------
# A verdict against a report, in the reporter's or an authority's own words.
_REFUTE = re.compile(
    r"\b(hoax(es)?|fake[sd]?|false(ly)?|untrue|not true|no truth|bogus|baseless|groundless|unfounded|"
    r"debunk(ed|s|ing)?|fabricat(ed|ion)|made[- ]up|made (it|this|the \w+) up|staged|doctored|photoshopped|"
    r"digitally altered|prank|satir(e|ical)|spoof|parody|retract(ed|ion|s)?|pure fiction|not accurate|"
    r"inaccurate|no evidence|never happened|no such|is alive|(are|is|was|were) not (real|genuine|authentic)|"
    r"not by the|premature|misleading)\b")
# A party's denial: reported, not necessarily endorsed by the body.
_DENY = re.compile(r"\b(den(y|ies|ied|ying|ial)|dismiss(ed|es|ing)?|reject(ed|s|ing)?|ruled out|rules out|"
                   r"no plans?|no intention|lies|lie|nonsense)\b")
# Attribution and uncertainty about the claim itself (strong hedges; bare "may"/"could"
# are too common in plain reporting to count on their own).
_HEDGE = re.compile(
    r"\b(reported(ly)?|allegedly|alleged|purported(ly)?|supposed(ly)?|unconfirmed|unverified|rumou?rs?|"
    r"rumou?red|speculat(ion|e|ed)|claim(s|ed|ing)?|according to|said to (be|have)|is believed|are believed|"
    r"appears? to|apparently|could not be (independently )?(verified|confirmed)|"
    r"(not|n't|yet to|never) (yet )?(been )?(confirm|verif|comment)\w*|declined to comment|did not respond|"
    r"would not (say|comment)|not clear|unclear|if (true|confirmed)|may have|might have|could be|sources?|"
    r"local media|tabloid|posts?|viral|circulating|shared)\b")
# An explicit confirmation, unless negated ("has not confirmed" is a hedge above).
_CONFIRM = re.compile(r"\b(confirm(ed|s)|officially|announced|said in a statement|verified|"
                      r"told reporters|charged with)\b")
# The restatement put in someone's mouth ("a man says he was abducted", "owners say their
# phones caught fire"): the body reports the claim, it does not assert it. Plain past "said"
# is left out: news copy attributes settled facts with it too ("resigned, the bank said").
_VOICED = re.compile(r"\b(says|say|tells|told|insists?|insisted|maintains?|swears?)\b")
_NOT_BEFORE = re.compile(r"\b(not|n't|yet to|never|no|unable to|could not)\W+(\w+\W+){0,2}$")

# A verdict: a refutation in the lede or the closest sentence, or this many independent
# cues (refuting sentences anywhere, a denial): disagree is the rarest related class.
REFUTING_SENTENCES = 2
# Without a verdict: a party's denial 1, a polarity clash with the closest sentence 2,
# each hedging claim sentence -1; disagree from DISAGREE_MARGIN.
DENY_WEIGHT = 1
CLASH_WEIGHT = 2
DISAGREE_MARGIN = 2
# agree only while at most this share of the claim's sentences hedge it.
AGREE_MAX_HEDGE_SHARE = 0.0
# Sentences that speak about the claim: the lede, plus the closest ones at this cosine or
# more (the self-written pairs put on-claim sentences at >= 0.3, asides below).
CLAIM_COS = 0.3
LEDE = 2
MAX_CLAIM_SENTENCES = 6


def _hits(pattern: re.Pattern[str], text: str) -> list[str]:
    """Matches of ``pattern`` that no negation right before it cancels."""
    low = text.lower().replace("\u2019", "'")
    return [m.group(0) for m in pattern.finditer(low) if not _NOT_BEFORE.search(low[:m.start()])]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Stance cues: refutations over the whole body, the rest over the claim's sentences."""

    refutes: tuple[str, ...]  # reporter-voice refutations in the claim's sentences
    refuting_elsewhere: int  # other body sentences that refute something
    refuting_sentences: int  # body sentences that refute something
    refute_up_front: bool  # the lede or the closest sentence refutes
    denials: tuple[str, ...]  # a party's denial in the claim's sentences
    hedges: int  # claim sentences that hedge the claim (refuting sentences excluded)
    confirms: int  # claim sentences with an explicit confirmation
    clash: bool  # closest sentence negates the headline
    sentences: int  # claim sentences read
    voiced: bool = False  # the closest sentence puts the claim in someone's mouth, unconfirmed

    @property
    def verdict(self) -> bool:
        """A refutation in the reporter's voice up front (lede or closest sentence), or
        REFUTING_SENTENCES independent cues: refuting sentences anywhere, or one with a
        party's denial in the claim's sentences. Debunks restate the rumour with hedges before
        refuting it, so hedges do not weigh against a verdict."""
        corroborated = self.refuting_sentences + min(len(self.denials), 1)
        return self.refute_up_front or (self.refuting_sentences > 0 and corroborated >= REFUTING_SENTENCES)

    @property
    def against(self) -> int:
        """A party's denial or a negated restatement, minus the sentences that leave the
        claim open: DISAGREE_MARGIN or more means disagree."""
        return DENY_WEIGHT * min(len(self.denials), 1) + CLASH_WEIGHT * self.clash - self.hedges

    @property
    def hedge_share(self) -> float:
        """Share of the claim's sentences that hedge it."""
        return self.hedges / self.sentences if self.sentences else 0.0


def claim_sentences(sentences: Sequence[Analysis], sims: np.ndarray) -> list[int]:
    """Indices of the sentences that speak about the claim: lede and the closest ones."""
    order = [int(i) for i in np.argsort(-sims) if sims[i] >= CLAIM_COS][:MAX_CLAIM_SENTENCES]
    return sorted(set(order) | set(range(min(LEDE, len(sentences)))))


def gather(sentences: Sequence[Analysis], sims: np.ndarray, clash: bool) -> Evidence:
    """Count refutations (whole body), denials, hedges and confirmations (claim sentences).

    Example:
        >>> from crosswire.compare.cues import analyse
        >>> ev = gather([analyse("The story is a hoax, police said."), analyse("It was reportedly shared.")],
        ...             np.array([0.8, 0.5]), False)
        >>> ev.refutes, ev.hedges, ev.verdict
        (('hoax',), 1, True)
    """
    idx = set(claim_sentences(sentences, sims))
    refutes: list[str] = []
    denials: list[str] = []
    hedges = confirms = elsewhere = refuting_sentences = 0
    up_front = set(range(min(LEDE, len(sentences)))) | {int(np.argmax(sims))}
    first = False
    for i, sentence in enumerate(sentences):
        text = sentence.text
        refuting = _hits(_REFUTE, text)
        refuting_sentences += bool(refuting)
        first |= bool(refuting) and i in up_front
        if i not in idx:
            elsewhere += bool(refuting)
            continue
        denying = _hits(_DENY, text)
        refutes += refuting
        denials += denying
        # A debunk names what it debunks ("the viral claim ... is false"): not a hedge.
        hedges += bool(_hits(_HEDGE, text)) and not refuting and not denying
        confirms += bool(_hits(_CONFIRM, text))
    closest = sentences[int(np.argmax(sims))].text if len(sentences) else ""
    voiced = bool(_hits(_VOICED, closest)) and not _hits(_CONFIRM, closest)
    return Evidence(tuple(refutes), elsewhere, refuting_sentences, first, tuple(denials), hedges, confirms, clash,
                    len(idx), voiced)


def decide(ev: Evidence, best: float, agree_cos: float) -> tuple[str, str]:
    """(label, reason) for a related pair under the prior-majority rule (module docstring)."""
    if ev.verdict:
        cue = ev.refutes[0] if ev.refute_up_front and ev.refutes else f"{ev.refuting_sentences} refuting sentences"
        return "disagree", f'refuted ("{cue}")'
    if ev.against >= DISAGREE_MARGIN:
        cue = "polarity" if ev.clash else ev.denials[0]
        return "disagree", f'denied ("{cue}"), margin {ev.against}'
    if not ev.denials and not ev.refuting_sentences and best >= agree_cos and ev.hedge_share <= AGREE_MAX_HEDGE_SHARE \
            and not ev.voiced:
        return "agree", f"asserted, hedged {ev.hedge_share:.0%} of {ev.sentences} sentences"
    if ev.denials or ev.refuting_sentences:
        return "discuss", f"denial reported, margin {ev.against}"
    return "discuss", f"hedged {ev.hedge_share:.0%}" if ev.hedges else "on the topic, claim not restated"
