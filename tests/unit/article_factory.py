"""Small annotated articles built directly in Python, for generator and scoring tests.

Quotes are located in the text the way the validator does it (``Block.find_all``
on word boundaries), so tests say "this quote" instead of counting word indexes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from hypothesis import strategies as st

from app.domain.article import (
    CLAIM_KINDS,
    Article,
    Claim,
    Framing,
    HandQuestion,
    Source,
    Span,
    Vocabulary,
    VocabularyEntry,
)
from app.domain.question import Question
from app.domain.text import Block, display_form
from app.domain.vocabulary import load_vocabulary

SOURCE_TYPES = (
    ("named_person", "Named person", "Someone the article names, like a witness or an expert."),
    ("named_official", "Named official", "A named person speaking for a government, police or company."),
    ("named_organisation", "Named organisation", "A group, company or agency the article names."),
    ("news_outlet", "News outlet", "Another newspaper, TV channel or website that reported it first."),
    ("document_or_data", "Document or data", "A report, study, record or set of numbers."),
    ("anonymous", "Anonymous source", "A particular person the article does not name."),
    ("vague", "Vague source", "An unclear group such as 'experts say' or 'people are saying'."),
)
CLAIM_STATUSES = (
    ("hedged", "Hedged", "The writer signals it is not confirmed, with words like 'reportedly'."),
    ("unattributed", "Unattributed", "Stated with no source at all."),
    ("attributed", "Attributed", "Said to come from a source."),
    ("disputed", "Disputed", "A source says it, and someone else says it is not true."),
    ("corroborated", "Corroborated", "More than one independent source confirms it."),
)
TECHNIQUES = (
    ("loaded_language", "Loaded language", "Strong words chosen to make you feel something."),
    ("name_calling_labeling", "Name calling", "Giving someone a label to make you like or dislike them."),
    (
        "exaggeration_minimisation",
        "Exaggeration or minimising",
        "Making something bigger or smaller than it is.",
    ),
    ("appeal_to_fear_prejudice", "Appeal to fear", "Trying to scare you into agreeing."),
    ("flag_waving", "Flag waving", "Pushing an idea by appealing to pride in a group or country."),
    ("doubt", "Doubt", "Questioning whether someone can be trusted, without evidence."),
    ("slogans", "Slogan", "A short catchy phrase that replaces an argument."),
    ("appeal_to_authority", "Appeal to authority", "Saying it is true because an important person says so."),
    ("causal_oversimplification", "Oversimplified cause", "Giving one cause for something with many causes."),
    ("false_dilemma", "False choice", "Pretending there are only two options."),
    ("repetition", "Repetition", "Saying the same thing again and again so it sticks."),
    ("scare_quotes", "Scare quotes", "Quotation marks that make a word look doubtful or borrowed."),
    ("headline_body_mismatch", "Headline does not match", "The headline says more than the article does."),
    ("emotional_appeal", "Emotional appeal", "Working on your feelings instead of giving facts."),
)


def _entries(rows: Sequence[tuple[str, str, str]]) -> tuple[VocabularyEntry, ...]:
    return tuple(VocabularyEntry(id=i, label=label, definition=d) for i, label, d in rows)


QUESTIONS_DIR = Path(__file__).resolve().parents[2] / "questions"


def project_vocabulary() -> Vocabulary:
    """The vocabulary teachers edit, with its rules and word lists (questions/vocabulary.yaml)."""
    path = QUESTIONS_DIR / "vocabulary.yaml"
    loaded, problems = load_vocabulary(path.read_bytes(), str(path))
    assert loaded is not None, problems
    return loaded


def vocabulary() -> Vocabulary:
    """Short test labels, with the project's rules and word lists, so tests follow the rules teachers set."""
    return replace(
        project_vocabulary(),
        source_types=_entries(SOURCE_TYPES),
        claim_statuses=_entries(CLAIM_STATUSES),
        techniques=_entries(TECHNIQUES),
    )


def word_span(block: Block, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Word indexes [start, end) of the n-th occurrence of ``quote`` in ``block``."""
    found = block.find_all(quote)
    if len(found) < occurrence:
        raise ValueError(f"{quote!r} occurs {len(found)} times in {block.text!r}")
    return block.word_range(*found[occurrence - 1])


class ArticleBuilder:
    """Builds an :class:`Article` from quotes; every quote must be found in the text."""

    def __init__(
        self,
        title: str,
        paragraphs: Sequence[str],
        *,
        article_id: str = "test-article",
        quiz_length: int = 12,
    ) -> None:
        self.title = display_form(title)
        self.paragraphs = tuple(display_form(p) for p in paragraphs)
        self.article_id = article_id
        self.quiz_length = quiz_length
        self.blocks = tuple(Block.from_text(t) for t in (self.title, *self.paragraphs))
        self.sources: list[Source] = []
        self.claims: list[Claim] = []
        self.framing: list[Framing] = []
        self.questions: list[HandQuestion] = []
        self.framing_complete: set[int] = set()  # blocks where every framing word is marked

    def span(self, quote: str, *, block: int | None = None, occurrence: int = 1) -> Span:
        """The span of ``quote``; without ``block`` the quote must occur exactly once in the article."""
        if block is None:
            places = [i for i, b in enumerate(self.blocks) for _ in b.find_all(quote)]
            if len(places) != 1:
                raise ValueError(f"{quote!r} occurs {len(places)} times; pass block=")
            block = places[0]
        start, end = word_span(self.blocks[block], quote, occurrence)
        return Span(block=block, start=start, end=end, quote=quote)

    def _inside(self, outer: Span, quote: str) -> Span:
        for occurrence, _ in enumerate(self.blocks[outer.block].find_all(quote), start=1):
            candidate = self.span(quote, block=outer.block, occurrence=occurrence)
            if outer.contains(candidate):
                return candidate
        raise ValueError(f"{quote!r} is not inside {outer.quote!r}")

    def _as_span(self, quote: str | Span) -> Span:
        return quote if isinstance(quote, Span) else self.span(quote)

    def source(
        self,
        source_id: str,
        name: str,
        source_type: str,
        mentions: Sequence[str | Span],
        *,
        via: str | None = None,
        note: str = "",
    ) -> ArticleBuilder:
        spans = tuple(self._as_span(m) for m in mentions)
        self.sources.append(Source(source_id, name, source_type, spans, via=via, note=note))
        return self

    def claim(
        self,
        quote: str | Span,
        status: str,
        *,
        source: str | None = None,
        cues: Sequence[str] = (),
        note: str = "",
        kind: str | None = None,
    ) -> ArticleBuilder:
        span = self._as_span(quote)
        cue_spans = tuple(self._inside(span, cue) for cue in cues)
        self.claims.append(
            Claim(span=span, status=status, source=source, cues=cue_spans, note=note, kind=kind)
        )
        return self

    def frame(self, quote: str | Span, technique: str, *, note: str = "") -> ArticleBuilder:
        self.framing.append(Framing(span=self._as_span(quote), technique=technique, note=note))
        return self

    def hand_choice(
        self, skill: str, prompt: str, choices: Sequence[str], answer: str, *, note: str = ""
    ) -> ArticleBuilder:
        self.questions.append(
            HandQuestion("choice", skill, prompt, note, tuple(choices), (list(choices).index(answer),))
        )
        return self

    def hand_multiple(
        self, skill: str, prompt: str, choices: Sequence[str], answers: Sequence[str], *, note: str = ""
    ) -> ArticleBuilder:
        indexes = tuple(list(choices).index(a) for a in answers)
        self.questions.append(HandQuestion("multiple", skill, prompt, note, tuple(choices), indexes))
        return self

    def hand_select(
        self,
        skill: str,
        prompt: str,
        block: int,
        answers: Sequence[str],
        *,
        note: str = "",
        keys: Sequence[tuple[str, str]] = (),
    ) -> ArticleBuilder:
        """``keys``: (answer, key words inside it) pairs."""
        spans = tuple(self.span(a, block=block) for a in answers)
        key_spans = tuple(self._inside(spans[list(answers).index(a)], k) for a, k in keys)
        self.questions.append(
            HandQuestion("select", skill, prompt, note, block=block, spans=spans, keys=key_spans)
        )
        return self

    def build(self) -> Article:
        return Article(
            id=self.article_id,
            title=self.title,
            paragraphs=self.paragraphs,
            sources=tuple(self.sources),
            claims=tuple(self.claims),
            framing=tuple(self.framing),
            framing_complete=frozenset(self.framing_complete),
            questions=tuple(self.questions),
            fictional=True,
            quiz_length=self.quiz_length,
        )


# A paragraph naming a record of its own: "how would you check it" offers looking at it as the real
# step in the wrong place, without which only steps that check nothing stand beside the key and it
# asks nothing (reviews 224 and 225).  Add it with ``add_other_record``.
OTHER_RECORD = "Separately, figures from the Greenway Trust show that most people in the area walk to work."


def add_other_record(b: ArticleBuilder) -> ArticleBuilder:
    """Mark the source of OTHER_RECORD, which must be the builder's last paragraph."""
    last = len(b.paragraphs)
    assert b.paragraphs[-1] == OTHER_RECORD, "pass OTHER_RECORD as the last paragraph"
    b.source(
        "other-record",
        "figures from the Greenway Trust",
        "document_or_data",
        [b.span("figures from the Greenway Trust show", block=last)],
    )
    return b


LIBRARY_TITLE = "Council 'Slashes' Library Hours as Parents Fume"
LIBRARY_PARAGRAPHS = (
    "The Riverside public library will reportedly close two hours earlier on weekdays from next month, "
    "a move that has angered many families in the town.",
    "Council spokesperson Maria Lopez said the change would save about 40,000 dollars a year. "
    '"We had to find savings somewhere, and the library is used least in the evening," '
    "she told reporters on Tuesday.",
    "One parent told the Riverside Gazette that the evening hours were the only time working families "
    "were free to visit. According to the Gazette, more than 300 people have signed a petition "
    "against the plan.",
    "Critics say the cuts are a disaster for children who have nowhere else to study. "
    "The library was built in 1952 and is one of the oldest in the county.",
    "The new hours are expected to start on 1 March, and the decision is unlikely to be reversed.",
)


# A second unnamed person: "who said it" asks about an unnamed key only beside another one.
ANOTHER_UNNAMED_PARAGRAPH = (
    "A librarian, who asked not to be named, said evening staff would move to Saturday shifts instead."
)


def library_builder(quiz_length: int = 12, another_unnamed: bool = False) -> ArticleBuilder:
    """A fictional local-news article annotated with every kind of annotation; ``another_unnamed`` adds
    a paragraph where a second unnamed person speaks."""
    paragraphs = (*LIBRARY_PARAGRAPHS, ANOTHER_UNNAMED_PARAGRAPH) if another_unnamed else LIBRARY_PARAGRAPHS
    b = ArticleBuilder(LIBRARY_TITLE, paragraphs, article_id="library-hours", quiz_length=quiz_length)
    if another_unnamed:
        b.source(
            "librarian", "an unnamed librarian", "anonymous", ["A librarian, who asked not to be named, said"]
        )
        b.claim("evening staff would move to Saturday shifts instead", "attributed", source="librarian")
    b.source(
        "lopez",
        "Maria Lopez, the council spokesperson",
        "named_official",
        ["Council spokesperson Maria Lopez said", "she told reporters"],
        note="A named official speaks for the council, so she defends its decision.",
    )
    b.source("gazette", "the Riverside Gazette", "news_outlet", ["According to the Gazette"])
    b.source(
        "parent",
        "one unnamed parent",
        "anonymous",
        ["One parent told the Riverside Gazette"],
        via="gazette",
        note="We only know this parent through the Gazette.",
    )
    b.source("critics", "unnamed critics", "vague", ["Critics say"])
    b.claim("will reportedly close two hours earlier", "hedged", cues=["reportedly"], note="Who reported it?")
    b.claim("the change would save about 40,000 dollars a year", "attributed", source="lopez")
    b.claim("the library is used least in the evening", "disputed", source="lopez")
    b.claim(
        "the evening hours were the only time working families were free to visit",
        "attributed",
        source="parent",
    )
    b.claim("more than 300 people have signed a petition against the plan", "corroborated", source="gazette")
    b.claim("the cuts are a disaster for children", "attributed", source="critics")
    b.claim("is one of the oldest in the county", "unattributed", note="The writer gives no source for this.")
    b.claim("the decision is unlikely to be reversed", "hedged", cues=["unlikely"])
    b.frame("'Slashes'", "scare_quotes", note="The quotation marks make the cut sound dramatic.")
    b.frame("a move that has angered many families", "emotional_appeal")
    b.frame("a disaster", "exaggeration_minimisation")
    b.frame("a disaster for children", "loaded_language")
    b.frame("Fume", "loaded_language", note="Parents are angry, but 'fume' makes them sound furious.")
    b.framing_complete = {0, 1, 2, 3, 4, 5}
    b.hand_choice(
        "framing",
        "Why does the headline put 'Slashes' in quotation marks?",
        ["It is the council's own word", "It makes the cut sound dramatic", "It is the library's name"],
        "It makes the cut sound dramatic",
        note="Nobody in the article uses the word 'slashes'.",
    )
    b.hand_multiple(
        "sources",
        "Which sources does the article name?",
        ["Maria Lopez", "the Riverside Gazette", "one parent", "critics"],
        ["Maria Lopez", "the Riverside Gazette"],
    )
    b.hand_select("claims", "Select the words that show the writer is guessing.", 5, ["expected", "unlikely"])
    return b


def library_article(quiz_length: int = 12, another_unnamed: bool = False) -> Article:
    return library_builder(quiz_length, another_unnamed).build()


def one_source_article() -> Article:
    """Only one source: nobody to confuse it with, so no who_said_it question."""
    b = ArticleBuilder(
        "Bakery Wins Prize",
        [
            "The bakery on Mill Street won first prize at the regional fair on Saturday, "
            "its owner Sam Reed said in an interview with our reporter.",
        ],
    )
    b.source("reed", "Sam Reed, the owner", "named_person", ["its owner Sam Reed said"])
    b.claim("won first prize at the regional fair", "attributed", source="reed")
    return b.build()


# --- Random articles for property tests -------------------------------------------------------------

_RANDOM_WORDS = ("the", "council", "said", "river", "school", "new", "plan", "people", "city", "report")
_RANDOM_NAMES = ("Ana Silva", "the Daily Post", "officials", "a nurse", "experts", "Ana Silva")
_STATUSES = tuple(row[0] for row in CLAIM_STATUSES)


@st.composite
def random_articles(draw: st.DrawFn) -> Article:
    """Arbitrary annotated articles: overlapping spans, repeated names, relays, hedged claims with sources."""
    word_lists = st.lists(st.sampled_from(_RANDOM_WORDS), min_size=3, max_size=30)
    title = " ".join(draw(word_lists))
    paragraphs = tuple(" ".join(words) + "." for words in draw(st.lists(word_lists, min_size=1, max_size=4)))
    blocks = tuple(Block.from_text(t) for t in (title, *paragraphs))

    def span(first_block: int = 0, inside: Span | None = None) -> Span:
        if inside is not None:
            block, low, high = inside.block, inside.start, inside.end
        else:
            block = draw(st.integers(first_block, len(blocks) - 1))
            low, high = 0, len(blocks[block].words)
        start = draw(st.integers(low, high - 1))
        end = draw(st.integers(start + 1, min(high, start + 8)))
        text = blocks[block]
        return Span(block, start, end, text.text[text.starts[start] : text.ends[end - 1]])

    source_ids: list[str] = []
    sources = []
    for number in range(draw(st.integers(0, 5))):
        source_id = f"s{number}"
        via = draw(st.none() | st.sampled_from(source_ids)) if source_ids else None
        mentions = tuple(span(1) for _ in range(draw(st.integers(1, 3))))
        source_type = draw(st.sampled_from([row[0] for row in SOURCE_TYPES]))
        sources.append(
            Source(source_id, draw(st.sampled_from(_RANDOM_NAMES)), source_type, mentions, via=via)
        )
        source_ids.append(source_id)
    claims = []
    for _ in range(draw(st.integers(0, 6))):
        claim_span = span(1)
        status = draw(st.sampled_from(_STATUSES if source_ids else ("hedged", "unattributed")))
        needs_source = status in ("attributed", "disputed", "corroborated")
        may_have_source = status == "hedged" and source_ids and draw(st.booleans())
        source = draw(st.sampled_from(source_ids)) if needs_source or may_have_source else None
        cues = tuple(span(inside=claim_span) for _ in range(draw(st.integers(0, 2))))
        kind = draw(st.none() | st.sampled_from(CLAIM_KINDS))
        claims.append(Claim(claim_span, status, source=source, cues=cues, kind=kind))
    framing = [
        Framing(span(0), draw(st.sampled_from([row[0] for row in TECHNIQUES])))
        for _ in range(draw(st.integers(0, 4)))
    ]
    questions = []
    if draw(st.booleans()):
        choices = ("first", "second", "third", "fourth")
        answers = tuple(sorted(set(draw(st.lists(st.integers(0, 3), min_size=1, max_size=4)))))
        answer_type = "choice" if len(answers) == 1 else "multiple"
        questions.append(HandQuestion(answer_type, "framing", "Which?", "", choices, answers))
    if draw(st.booleans()):
        block = draw(st.integers(0, len(blocks) - 1))
        spans = (span(inside=Span(block, 0, len(blocks[block].words), "")),)
        questions.append(HandQuestion("select", "claims", "Select.", "", block=block, spans=spans))
    return Article(
        id="random",
        title=title,
        paragraphs=paragraphs,
        sources=tuple(sources),
        claims=tuple(claims),
        framing=tuple(framing),
        questions=tuple(questions),
        quiz_length=draw(st.integers(1, 15)),
    )


def select_phrases(question: Question, *phrases: str) -> tuple[int, ...]:
    """The word indexes of a select question's passage that a student picks by selecting each
    phrase (its first place; words as the passage splits them, without punctuation)."""
    chosen: list[int] = []
    for phrase in phrases:
        wanted = phrase.split()
        starts = [
            i for i in range(len(question.words)) if list(question.words[i : i + len(wanted)]) == wanted
        ]
        chosen += range(starts[0], starts[0] + len(wanted))
    return tuple(chosen)
