"""Find unverified claims: select the claims of a passage that the writer hedges or states with
no source at all."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.article import Claim
from app.domain.kinds.base import _claim_is_in_writers_words, _key_words, gives_nothing, names_its_doer
from app.domain.kinds.find_in_passage import FindInPassage
from app.domain.passage import ArticleReading, covered
from app.domain.question import SELECT

# In a sentence with a marked claim, this many words in a row outside every annotation could hold
# another claim the teacher did not mark ("The library was built in 1952 and ...").
MAX_UNMARKED_RUN = 7


def _unverified(claim: Claim) -> bool:
    return claim.status == "unattributed" or (claim.status == "hedged" and claim.source is None)


_COUNT_WORDS = frozenset({"million", "billion", "thousand", "hundred", "per", "percent"})
_DURATIONS = frozenset({"years", "months", "weeks", "decades"})


def _a_figure(words: Sequence[str], index: int) -> bool:
    """A number that counts or measures ("3.2 million", "4,000", "12 per cent"), not a label or an
    age ("Year 10", "Gary Pike, 52,")."""
    word = words[index]
    if not word[:1].isdigit():
        return False
    following = words[index + 1].casefold() if index + 1 < len(words) else ""
    # "who has swum there every morning for 30 years": how long, stated with no source (review 418).
    lasting = index > 0 and words[index - 1].casefold() == "for" and following.strip(",.") in _DURATIONS
    return (
        "," in word
        or "." in word
        or sum(c.isdigit() for c in word) >= 3
        or following in _COUNT_WORDS
        or lasting
    )


class FindUnverified(FindInPassage):
    name = "find_unverified"
    title = "Find unverified claims"
    asked_for = "unverified claims"
    skill = "claims"
    type = SELECT
    task = (
        "the claims in {where} that are not verified: claims the writer hedges (with words like "
        '"{first}" or "{second}") or states with no source at all. '
        "Do not select claims that come with a source."
    )
    lead = "These claims come with no source, or the writer hedges them: {words}."
    # Hedges the instruction shows as examples: the first two the passage does not hold, so the
    # stem never names the key ("reportedly" of "Around 150 people are reportedly on the waiting
    # list", review 333).
    EXAMPLE_HEDGES = ("reportedly", "may", "allegedly", "might", "apparently", "could")

    def task_in(self, reading: ArticleReading, block: int) -> str:
        held = set(reading.bare_words(block))
        first, second, *_ = [word for word in self.EXAMPLE_HEDGES if word not in held]
        return self.task.replace("{first}", first).replace("{second}", second)

    def gold_in(self, reading: ArticleReading, block: int) -> list[tuple[tuple[int, int], str, str, int]]:
        return [
            ((claim.span.start, claim.span.end), claim.note, f"claim:{index}", claim.line)
            for index, claim in reading.claims_in(block)
            if _unverified(claim)
        ]

    def keys_in(self, reading: ArticleReading, block: int) -> list[tuple[int, int]]:
        keys = [
            key
            for _, claim in reading.claims_in(block)
            if _unverified(claim)
            for cue in claim.cues
            for key in _key_words(reading, cue)
        ]
        # A word of doubt in an unverified claim the teacher gave no cues ("appears to have grown"):
        # the instruction points at such words, so selecting it finds the claim (review 100).
        approximate = set(reading.approximate_hits(block))
        starts = {start for start, _ in reading.sentences(block)}
        words = reading.blocks[block].words
        keys += [
            hit
            for _, claim in reading.claims_in(block)
            if _unverified(claim) and not claim.cues
            for hit in reading.hedges_in(claim.span)
            # not the month of "Work started in May last year"
            if hit not in approximate and (hit[0] in starts or not words[hit[0]][:1].isupper())
        ]
        return keys

    def fully_annotated(self, reading: ArticleReading, block: int) -> bool:
        claims = reading.claims_in(block)
        gold = [(c.span.start, c.span.end) for _, c in claims if _unverified(c)]
        for _, claim in claims:
            sourced = claim.source is not None
            if sourced and (claim.cues or reading.hedges_in(claim.span)):
                return False  # hedged and sourced at once: a careful student could go either way
        if not all(
            covered(hit, gold) for hit in reading.hedge_hits(block) if not self._quoted(reading, block, hit)
        ):
            return False  # a hedge word outside the marked claims
        for _, claim in claims:
            if _unverified(claim) and not _claim_is_in_writers_words(reading, claim):
                return False  # an unverified claim beside an attribution: is it sourced after all?
            if _unverified(claim) and names_its_doer(reading, claim):
                return False  # "Ofsted rated it ...": the body doing it may be where it comes from
        annotated = reading.annotated_spans(block)
        if reading.longest_unannotated_run(block, annotated) >= MAX_UNMARKED_RUN:
            return False  # room for a second claim the teacher did not mark ("..., in what would be ...")
        words = reading.blocks[block].words
        claim_spans = [(c.span.start, c.span.end) for _, c in claims]
        for _, mention in reading.mentions_in(block):
            if gives_nothing(reading, block, mention):
                return False  # "StarPath did not reply to questions": the writer's own unsourced report
            if any(
                _a_figure(words, i) and not any(s <= i < e for s, e in claim_spans)
                for i in range(mention.start, mention.end)
            ):
                # "Storm, who has 3.2 million followers, posted": a figure the teacher marked only as
                # part of who speaks, stated with no source (review 73).
                return False
        return reading.every_sentence_annotated(block, annotated)

    @staticmethod
    def _quoted(reading: ArticleReading, block: int, hit: tuple[int, int]) -> bool:
        return set(range(*hit)) <= reading.quoted(block)
