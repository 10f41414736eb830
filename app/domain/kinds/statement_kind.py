"""Observation, opinion or prediction: what kind of statement a claim is, asked only where the
teacher said so with the claim's ``kind:``.  Telling a report of what was seen from a view or a
forecast is how a reader knows which statements evidence could ever settle."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence

from app.domain.article import Claim, Span
from app.domain.kinds.base import NOTE_CALLS_OPINION, QuestionKind, _notes, content_words, in_stem, where
from app.domain.passage import ArticleReading, words_of
from app.domain.question import CHOICE, Question
from app.domain.quiz_rules import claim_subjects
from app.domain.text import match_form

OBSERVATION = "Something observed and reported"
OPINION = "An opinion"
PREDICTION = "A prediction"
# The three answers, each with the definition students see under it.  They cannot both be right:
# a statement about what happened, what someone thinks of it, or what will happen.
STATEMENT_DEFINITIONS = {
    OBSERVATION: "Says what someone saw, counted or found: it could be checked against what happened.",
    OPINION: "Says what someone thinks or feels about something: other people could disagree.",
    # Not "what will or could happen": a forecast's own "will" or "could" would then be a clue in the
    # question, as "think" is for an opinion (review 456).
    PREDICTION: "Says what someone expects to happen later: nobody can check it yet.",
}
STATEMENT_CHOICES = tuple(STATEMENT_DEFINITIONS)
ANSWER_OF_KIND = {"observation": OBSERVATION, "opinion": OPINION, "prediction": PREDICTION}
_REASONS = {
    "observation": "This reports what happened, or what someone saw, counted or found: it could be checked.",
    "opinion": "This says what someone thinks about something: another person could think otherwise.",
    "prediction": "This is about what will happen later, so when it was written nobody could check it.",
}


# Words that speak of what will or could happen: in a claim the teacher did not call a prediction,
# the prediction's definition shown to students ("what someone expects to happen") fits too. "I'd have
# thirty people" may be read as "I would" (review 338), so any "'d" counts.
_MAY_HAPPEN = re.compile(
    r"\b(?:could|can|may|might|will|would|shall|likely|unlikely|probably|possibly|perhaps|expected|"
    r"expects?|forecasts?|predicts?|soon|going to|set to|\w+'ll|\w+'d)\b"
)
# "Once an evening route goes, it never comes back": a condition, as "if" is (review 188); "once a week"
# is no condition, so "once" only opening a clause.
_CONDITION = re.compile(r"\b(?:if|unless|whenever|as long as|so long as|provided that)\b|(?:^|, )once\b")
# "Similar schemes elsewhere suggest that fines may drop": what was found and what is forecast from
# it, two statements of two kinds (review 54).
_EVIDENCE_AND_CONCLUSION = re.compile(
    r"\b(?:suggest|suggests|suggested|show|shows|showed|found|finds|find)\s+that\b"
)
# Words that put a whole sentence in the future ("The draft budget for next year lists ... $310,000
# a year to run them"): the claim's own words may read as a count, the sentence makes it a forecast.
_FUTURE_TIME = re.compile(
    r"\b(?:next|coming|upcoming) (?:year|month|week|term|season|spring|summer|autumn|fall|winter)s?\b|"
    r"\b(?:plans?|planned|planning|aims?|intends?) to\b|\bupcoming\b|\bfrom next\b|"
    r"\bwithin (?:a|the next|two|three|four|six) (?:days?|fortnight|weeks?|months?|years?)\b|\bby next\b|"
    r"\bin the (?:coming|next) (?:days|weeks|months|years)\b"
)


# A claim that holds two statements: an aside in a relative clause ("children from poorer
# families, who often have no quiet place to work, would be hit hardest"), or a choice between two
# courses ("give them the nutrients, or watch them fall behind"), which reads as a view and a
# consequence at once.
_TWO_STATEMENTS = re.compile(
    r"[,;(]\s*(?:who|which|whose|where)\b|[,;]\s*(?:or|and|but)\b|;|\bor else\b|\beither\b"
)  # "..., and its stores have not kept up": a second clause may be another kind (review 26)
# A second clause set beside the first ("..., while bills rose", "while finding £40,000 for lights");
# not the "while" of when ("likely to double while the bridge is shut").
_SET_BESIDE = re.compile(r"\bwhereas\b|,\s*(?:while|whilst)\b|\b(?:while|whilst)\s+\w+ing\b")
# Words that rank or compare ("hit hardest", "the best school"): whether something is the most or
# the best is a judgement, so "an opinion" could be defended for any forecast that holds one.
_RANKING = re.compile(r"\b(?:best|worst|most|least|better|worse|\w{3,}est)\b")
_NOT_RANKING = frozenset(
    [
        "latest", "honest", "interest", "forest", "earnest", "modest", "request", "protest", "contest",
        "harvest", "arrest", "suggest", "invest", "digest", "inquest", "manifest", "nearest", "west", "east",
    ]
)  # fmt: skip


# A share of people and what they think of something: a poll's result.
_COUNTED_VIEWS = re.compile(
    r"\b(?:\d[\d,.]*\s*(?:%|per ?cent)|percent|majority|minority|half|third|quarter|\d[\d,]* of|"
    r"(?:one|two|three|four|nine) in (?:three|four|five|ten))\b.{0,60}?\b(?:supported|support|supports|"
    r"opposed|oppose|opposes|backed|back|backs|favoured|favored|favour|favor|agreed|agree|agrees|"
    r"disagreed|disagree|felt|feel|feels|thought|think|thinks|believed|believe|believes|wanted|want|"
    r"wants|preferred|prefer|prefers|liked|like|likes|disliked|approved|approve|welcomed|welcome|"
    r"trusted|trust|worried|were happy|are happy|were unhappy|are unhappy|"
    # how they find or see something: "38 per cent of people over 65 find self-checkouts 'stressful or
    # confusing'" (review 442)
    r"find|finds|considers?|considered|sees? \w+(?: \w+)? as|saw \w+(?: \w+)? as)\b"
)
# An amount nobody counted ("many of her pupils now struggle"): an impression more than an observation.
_VAGUE_AMOUNT = re.compile(r"\b(?:many|most|some|lots|plenty|few|several|a number)\b")
# A teacher's note that says the claim cannot be checked, beside the key "could be checked".
NOTE_DENIES_CHECK = re.compile(
    r"\b(?:cannot|can't|can not|could not|couldn't|no way to|nobody can|no one can|impossible to) "
    r"(?:\w+ )?(?:check|checked|count|counted|measure|measured|prove|proved|verify|verified)\b"
)

# A note that calls an observation someone's guess or impression: '"half" is his guess: he does not
# say he counted them', shown after "Something observed", argues against it (review 438).
# Not "the article does not say who counted", which doubts the source, nor "nobody counted it" of what
# someone saw, which the observation's definition still fits.
_NOTE_CALLS_GUESS = re.compile(
    r"\b(?:(?:his|her|their) (?:own )?(?:rough )?(?:guess|impression)|"
    r"(?:is|was|are|were) (?:just |only )?(?:a|an) (?:rough )?(?:guess|impression))\b"
)


_WORDS = re.compile(r"[a-z](?:[a-z'-]*[a-z])?")
# Framing spans this short are one loaded word or phrase, wherever they stand.
SHORT_FRAMING_WORDS = 3


def _framing_words_in(reading: ArticleReading, claim: Claim) -> bool:
    """A short span in scare quotes elsewhere in the article whose every meaning word the claim holds,
    as it is ("Abandoned", marked in the headline, in "People up here will be abandoned"; not their
    roots: "Priced Out" is not in "the new price could push")."""
    said = _meaning_words(claim.span.quote)
    for framing in reading.article.framing:
        if framing.span.block == claim.span.block and framing.span.overlaps(claim.span):
            continue  # the rule below
        if framing.technique != "scare_quotes":
            continue  # a loaded word may be plain elsewhere ("flooded"); a scare-quoted one is a view
        marked = _meaning_words(framing.span.quote)
        if marked and len(framing.span.quote.split()) <= SHORT_FRAMING_WORDS and marked <= said:
            return True
    return False


def _meaning_words(text: str) -> set[str]:
    return {word for word in _WORDS.findall(match_form(text).casefold()) if content_words(word)}


def ranks_or_compares(text: str) -> bool:
    return any(m.group(0) not in _NOT_RANKING for m in _RANKING.finditer(match_form(text).casefold()))


def speaks_of_what_may_happen(text: str) -> bool:
    return _MAY_HAPPEN.search(match_form(text).casefold()) is not None


# Words that put a statement in the future ("would cut stress", "will drop"), not "can kill fish",
# which says what is generally so; and idioms that do the same ("a disaster waiting to happen", "the
# only way to secure the club's future", reviews 63 and 65; "a recipe for disaster", review 327).
# "future" alone is a view of what is to come only beside an opinion: "unsure whether to trust future
# elections" says how people feel now.  "the only way to keep the airport open" says what will happen
# without it (review 393), whatever it is the only way to.
_WILL_HAPPEN = re.compile(
    r"\b(?:will|would|shall|going to|set to|expected to|stands? to|\w+'ll|waiting to happen|bound to|"
    # "A golden hello won't fix a broken contract" (review 488, a fail)
    r"won't|wouldn't|shan't|"
    r"only (?:way|hope|chance|option|means|answer) (?:to|of)|"
    # what will go off or come soon: "a ticking time bomb for the families who buy them" (review 410)
    r"ticking (?:time )?bombs?|time ?bombs?|on the brink|on the verge|looming|"
    r"about to|heading for|headed for|on course to|on track to|soon|one day|faces? being|facing being|"
    r"threatens? to|threatening to|at risk of|recipe for disaster|spells? the end|doomed to|"
    # idioms of an end to come, and fear or safety, said or denied: "the final nail in the coffin",
    # "nothing to fear from people on bikes" (review 441)
    r"(?:last |final )?nails? in (?:the|its|their) coffin|death knell|beginning of the end|"
    r"nothing to fear|(?:no|little|any) (?:real )?(?:risk|danger|threat) (?:to|of|from)|under threat|"
    # what cannot go on as it is: "Council tax payers cannot keep paying for the pitches" (review 469)
    r"(?:cannot|can't|can not) (?:keep|go on|carry on|continue|last)|unsustainable|"
    r"next (?:week|month|year|"
    r"season|term|winter|summer|spring|autumn))\b"
)

_FUTURE = re.compile(r"\bfuture\b")
# What has not happened yet, in words no report of the past uses ("one day", "would" may be).
_STILL_TO_COME = re.compile(
    r"\b(?:will|shall|going to|set to|expected to|stands? to|\w+'ll|bound to|about to)\b"
)


def speaks_of_the_future(text: str) -> bool:
    return _WILL_HAPPEN.search(match_form(text).casefold()) is not None


class StatementKind(QuestionKind):
    name = "statement_kind"
    title = "Observation, opinion or prediction"
    confusion_title = "Observation, opinion or prediction"
    skill = "claims"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        claims = reading.article.claims
        for index, claim in enumerate(claims):
            if claim.kind not in ANSWER_OF_KIND:
                continue  # the teacher did not say: never guessed from the words
            if any(other.kind != claim.kind for other in claims if other.span.overlaps(claim.span)):
                continue  # the same words marked as two kinds of statement: no single answer
            if claim.kind != "prediction" and (
                speaks_of_what_may_happen(claim.span.quote) or _in_future_sentence(reading, claim.span)
            ):
                continue  # "could put someone in danger": a student could defend "a prediction"
            if claim.kind != "prediction" and _planned(reading, claim.span):
                continue  # "The chain wants to build [a 6,500-square-metre store]": not built yet
            if claim.kind != "prediction" and _CONDITION.search(match_form(claim.span.quote).casefold()):
                continue  # "if you take the phones away, children learn": a prediction too
            if claim.kind != "prediction" and (claim.cues or reading.hedges_in(claim.span)):
                continue  # "It is possible this is a doping case": not settled yet, so a prediction too
            quote = match_form(claim.span.quote).casefold()
            if _TWO_STATEMENTS.search(quote) or _EVIDENCE_AND_CONCLUSION.search(quote):
                continue  # two statements in one claim may be of two kinds
            if claim.kind == "prediction" and _GUESS_ABOUT_NOW.search(quote):
                continue  # "could be putting off a visit": a guess about now, not later (review 43)
            if claim.kind != "observation" and _SET_BESIDE.search(quote):
                # "the council is quietly gutting a vital service while finding £40,000 for new
                # Christmas lights": a view beside a fact that can be checked, so "observed" could be
                # defended for half of it (review 274). Two facts side by side are both observed.
                continue
            if claim.kind in ("prediction", "opinion") and ranks_or_compares(quote):
                # "would be hit hardest": who is hit hardest is a judgement too; "one of the safest
                # ways to travel" can be measured, so "observed" could be defended.
                continue
            if claim.kind == "opinion" and (speaks_of_the_future(quote) or _FUTURE.search(quote)):
                continue  # "this will ruin the town": a forecast as well as a view
            if claim.kind == "opinion" and (
                _SEEMING.search(quote)
                or _RECORD_SHOWS.search(quote)
                or _a_records_finding(reading, claim.span)
            ):
                # "They look bored in there": what someone saw and what they make of it at once, so
                # "observed" and "an opinion" could each be defended (review 165).
                continue
            if claim.kind == "opinion" and _OPINIONS_OWN_WORDS & set(
                words_of(reading.blocks[claim.span.block], claim.span)
            ):
                # "We just think this is the wrong place": the stem's "think" is the opinion's own
                # definition ("what someone thinks or feels"), a clue in the stem (review 229).
                continue
            if claim.kind != "prediction" and _NOTE_CALLS_FORECAST.search(match_form(claim.note).casefold()):
                # "He is talking about what might happen, not what did", the note shown after an
                # "opinion" key, argues for "a prediction" (review 281).
                continue
            if claim.kind == "opinion" and _NOTE_ASKS_FOR_FIGURES.search(match_form(claim.note).casefold()):
                # "The article gives no numbers from before the pandemic to check it", shown after an
                # "opinion" key, argues that it is a report one could count (review 289).
                continue
            if claim.kind == "opinion" and _introduced_as_belief(reading, claim.span, _FEAR_WORDS):
                # "Some residents fear Saltmouth is turning into a retirement village": what people
                # fear is what they think may come, so "a prediction" could be defended (review 157).
                continue
            if claim.kind == "observation" and _STILL_TO_COME.search(quote):
                continue  # "he stands to lose 300 acres": only if the plan goes ahead (review 122)
            if claim.status == "disputed":
                # Another source disagrees: "an opinion" could be defended, and for an opinion the
                # answer to it ("the report's numbers went down") reads as a check of a fact.
                continue
            if claim.kind == "observation" and (
                _VAGUE_AMOUNT.search(quote)
                or NOTE_DENIES_CHECK.search(match_form(claim.note).casefold())
                or _NOTE_CALLS_GUESS.search(match_form(claim.note).casefold())
            ):
                continue  # "many of her pupils struggle": an impression, "could be checked" is arguable
            if _COUNTED_VIEWS.search(quote):
                # "64 per cent supported the change": a count of views, observed, yet by the definitions
                # shown it says what people think, so "an opinion" could be defended (review 93).
                continue
            if claim.kind != "opinion" and _framing_words_in(reading, claim):
                # "People up here will be abandoned" beside the headline's scare-quoted 'Abandoned':
                # the teacher marked the word as framing, so "An opinion" could be defended (review 450).
                continue
            if claim.kind != "opinion" and any(f.span.overlaps(claim.span) for f in reading.article.framing):
                continue  # "families will be left scrambling": words marked as framing are a view too
            if claim.kind != "opinion" and (
                _introduced_as_belief(reading, claim.span)
                # "seven in ten felt they had been kept well informed": a count of feelings is
                # observed, yet "what someone feels" is the opinion's definition (review 181).
                or _holds_belief(words_of(reading.blocks[claim.span.block], claim.span))
                or NOTE_CALLS_OPINION.search(match_form(claim.note).casefold())
                # "here to stay", from the official who decides: a promise, none of the three
                # (review 37), as the teacher's note says.
                or _NOTE_CALLS_COMMITMENT.search(match_form(claim.note).casefold())
                or (claim.kind == "prediction" and _JUDGING.search(quote))
            ):
                # "He believes a ban would only hurt small shops": a view as well as a forecast
                # (review 29).
                continue
            right = ANSWER_OF_KIND[claim.kind]
            reason = _REASONS[claim.kind]
            yield self.choice(
                rng,
                prompt=(
                    f"What kind of statement is this, in {where(claim.span.block)}: "
                    f'"{in_stem(claim.span.quote)}"?'
                ),
                explanation=_notes([reason, claim.note], reason)
                + f" {right}: {STATEMENT_DEFINITIONS[right]}",
                right=right,
                wrong=STATEMENT_CHOICES,
                span=claim.span,
                about=claim_subjects(index, claim, reading.note_describes_source(claim)),
                line=claim.line,
                definitions=STATEMENT_DEFINITIONS,
                extra={"claim": index},
            )


# Words that bring in what someone believes rather than knows ("He believes a ban would ...").
_BELIEF_WORDS = frozenset(
    ["believe", "believes", "believed", "think", "thinks", "thought", "fear", "fears", "feared", "reckon"]
    + ["reckons", "feel", "feels", "felt", "hope", "hopes", "hoped", "worry", "worries", "worried"]
    + ["suspect", "suspects", "suspected", "convinced", "doubt", "doubts", "doubted", "guess", "guesses"]
    # "the trust expects the new prices to raise a further £900,000": what it thinks will come, so
    # "an opinion" could be defended beside "a prediction" (review 228). Not the passive "is expected
    # to", a forecast nobody holds as a view.
    + ["expect", "expects", "anticipate", "anticipates", "predict", "predicts"]
)
# Words of belief after "am", "is", "are" ...: "I'm confident it will make our streets safer" is a
# forecast and a view at once (review 226).  Only there: "certain areas", "make sure".
_STANCE_WORDS = frozenset({"sure", "certain", "confident", "optimistic", "hopeful", "positive"})
_BE_FORMS = frozenset({"am", "is", "are", "was", "were", "be", "been", "remain", "remains"}) | frozenset(
    {"i'm", "we're", "they're", "he's", "she's"}
)
# The words of the opinion's definition ("what someone thinks or feels"), in any form.
_OPINIONS_OWN_WORDS = frozenset(
    {"think", "thinks", "thought", "thinking", "feel", "feels", "felt", "feeling"}
)
# How many words before a claim may bring it in ("Gupta, who runs the shop, believes that ...").
_BELIEF_REACH = 6


def _belief_at(bare: Sequence[str], index: int, words: frozenset[str] = _BELIEF_WORDS) -> bool:
    """``bare[index]`` is one of ``words``; or, for the words of belief, a stance word after a form of
    "be" ("I'm confident")."""
    if bare[index] in words:
        return True
    return (
        words is _BELIEF_WORDS and bare[index] in _STANCE_WORDS and index > 0 and bare[index - 1] in _BE_FORMS
    )


# Words that judge a forecast as they make it ("would only hurt", "will just push", "too late").
_JUDGING = re.compile(
    r"\b(?:only|just|too|merely|simply|"
    # "the rope barriers will be impossible to enforce": a verdict as much as a forecast (review 100)
    r"impossible|pointless|useless|unfair|ridiculous|disaster|disastrous|ruin|ruined|waste|nonsense)\b"
)


# A note that calls the claim a forecast.
_NOTE_CALLS_FORECAST = re.compile(
    r"\b(?:what (?:might|may|could|will) happen|a (?:prediction|forecast)|predicts?|predicting|forecasts?)\b"
)
# A note that treats the claim as a report one could check ("no numbers from before the pandemic to
# check it", "could be checked"), not as a view.
_NOTE_ASKS_FOR_FIGURES = re.compile(
    r"\b(?:(?:could|can|would) be (?:checked|counted|measured)|"
    r"(?:numbers|figures|data|statistics|evidence) (?:\w+ ){0,5}to check (?:it|this|that)|"
    # "the article does not check" (review 365): it could have
    r"(?:does not|doesn't|did not|didn't|never) (?:check|count|measure))\b"
)
_NOTE_CALLS_COMMITMENT = re.compile(
    r"\b(?:promise|promises|promised|pledge|pledges|pledged|vow|vows|vowed|commitment|decision|"
    r"intention|plan|plans|guarantee|guarantees)\b"
)


# A modal with a verb in "-ing" or a past participle: a guess about now or before ("could be putting
# off", "may have spread").
_GUESS_ABOUT_NOW = re.compile(
    r"\b(?:could|may|might|must|can't|cannot) (?:be \w+ing|have (?:been )?\w+(?:ed|en|t))\b"
)


# An impression: how something looks, sounds or seems to the one who says it.
_SEEMING = re.compile(
    r"\b(?:(?:looks?|looked|looking|seems?|seemed|seeming|sounds?|sounded)"
    r"\s+(?!at\b|for\b|after\b|into\b|up\b|out\b|forward\b|round\b|around\b)\w+|"
    r"(?:appears?|appeared) to|(?:feels?|felt) like|"
    # "the road was 'like driving on the moon'", "it felt as if": how it seemed to them (review 232);
    # not "blaming scooters is like blaming roads", an argument
    r"(?:was|were|(?:feels?|felt|looks?|looked|seems?|seemed|sounds?|sounded))\s+"
    r"['‘“\"]?(?:like|as if|as though)|"
    # "described the mood at the count as 'like a funeral'": a witness's likeness (review 378)
    r"\bas\s+['‘“\"]?like\b|"
    # what the speaker has seen or noticed: "more focused than I have seen in twenty years" (review 199)
    r"(?:i|we)(?:'ve|\u2019ve| have| had|'d|\u2019d)? (?:ever )?(?:seen|saw|noticed|watched|heard))\b"
)
# A record's finding with what is made of it: "the figures showed 'strong backing'" pairs a count
# with a judgement, so "observed" and "an opinion" could each be defended (review 199).
_RECORD_NOUNS = r"figures|data|numbers|results|survey|poll|study|report|research|findings"
_RECORD_SHOWS = re.compile(
    r"\b(?:" + _RECORD_NOUNS + r")\s+(?:show|shows|showed|shown|prove|proves|proved|find|finds|found)\b"
)
# Beliefs about what may come: the fear or worry is of something still to happen.
_FEAR_WORDS = frozenset(
    ["fear", "fears", "feared", "worry", "worries", "worried", "afraid", "dread", "dreads", "concerned"]
)


def _holds_belief(bare: Sequence[str]) -> bool:
    return any(_belief_at(bare, i) for i in range(len(bare)))


def _introduced_as_belief(reading: ArticleReading, span: Span, words: frozenset[str] = _BELIEF_WORDS) -> bool:
    """A word of belief (of ``words``) brings the claim in, in its own sentence, just before it."""
    block = reading.blocks[span.block]
    for first, _ in reading.sentences_of(span)[:1]:
        start = max(first, span.start - _BELIEF_REACH)
        bare = [match_form(word).casefold().strip(".,;:!?'\"") for word in block.words]
        # Not a noun: "for fear of losing her job, said she was left ..." (review 200).
        return any(
            _belief_at(bare, i, words) and not (i > 0 and bare[i - 1] in _BEFORE_A_NOUN_OF_FEELING)
            for i in range(start, span.start)
        )
    return False


# Words before "fear" or "hope" that make it a noun, nobody's belief about the claim.
_BEFORE_A_NOUN_OF_FEELING = frozenset(
    {"for", "of", "in", "with", "without", "no", "the", "a", "their", "her", "his"}
)


def _in_future_sentence(reading: ArticleReading, span: Span) -> bool:
    """The sentence around ``span`` speaks of what will or could happen, or of a time to come."""
    block = reading.blocks[span.block]
    for first, last in reading.sentences_of(span)[:1]:  # the sentence the claim starts in
        text = match_form(" ".join(block.words[first:last])).casefold()
        return speaks_of_what_may_happen(text) or _FUTURE_TIME.search(text) is not None
    return False


# A plan is of a time to come: "The supermarket chain wants to build a 6,500-square-metre store" makes
# the store a prediction as much as something observed (review 144); so does a request: "The
# application asks for 14 night-time flights a week" (review 393).
_PLANNED = re.compile(
    r"\b(?:wants?|plans?|planning|aims?|intends?|proposes?|proposing|seeks?|seeking) to\b"
    r"|\b(?:asks?|asking|applies|applied|applying|bids?|bidding|calls?|calling) for\b"
)
# How many words before a claim may say it is planned.
PLAN_REACH = 4


# Evidence as the subject of the claim's verb: "the evidence [does not support a wholesale switch]".
_EVIDENCE_SUBJECT = re.compile(r"\b(?:evidence|studies|" + _RECORD_NOUNS + r")$")


_EVIDENCE_OPENS = re.compile(
    # "Freshway's figures do not add up to less waste": a record's owner before it (review 394)
    r"(?:the |this |that |such |any )?(?:[\w'\u2019-]+ )?(?:evidence|studies|" + _RECORD_NOUNS + r")\b"
)


def _a_records_finding(reading: ArticleReading, span: Span) -> bool:
    """The words just before the claim say a record shows it ("Anita Scott said the figures showed
    that [parking was now a health issue]", review 204), or evidence is what the claim speaks for
    ("told BBC Radio Hartley that the evidence [does not support a wholesale switch]": a reading of
    evidence, so "observed" and "an opinion" could each be defended, review 251)."""
    block = reading.blocks[span.block]
    before = match_form(" ".join(block.words[max(0, span.start - PLAN_REACH) : span.start])).casefold()
    if _RECORD_SHOWS.search(before) is not None or _EVIDENCE_SUBJECT.search(before) is not None:
        return True
    # Or evidence opens the claim itself: "the evidence on four-day weeks was 'thin and mixed'" (review
    # 383).
    return _EVIDENCE_OPENS.match(match_form(span.quote).casefold()) is not None


def _planned(reading: ArticleReading, span: Span) -> bool:
    """The claim is what someone plans, wants or aims to do: the words just before it say so."""
    block = reading.blocks[span.block]
    before = match_form(" ".join(block.words[max(0, span.start - PLAN_REACH) : span.start])).casefold()
    return _PLANNED.search(before) is not None
