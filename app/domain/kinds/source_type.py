"""Kind of source: what kind of source the article relies on at a mention that names it (a
named person, an organisation, a document or data ...), once per source, with a stem that never
names the type."""

from __future__ import annotations

import random
from collections.abc import Iterator

from app.domain.article import Article, Source, Span, VocabularyEntry
from app.domain.kinds.base import (
    BODY_TYPE,
    RECORD_TYPES,
    TIED_BY,
    _defined,
    _notes,
    _relays_of,
    _source_features,
    _types_suggested_by_words,
    person_types,
    source_label,
    where,
)
from app.domain.kinds.name_from_vocabulary import (
    MAX_VOCABULARY_DISTRACTORS,
    NameFromVocabulary,
    _wrong_candidates,
)
from app.domain.passage import PRONOUNS, ArticleReading, overlaps, trim_attribution, words_of
from app.domain.question import CHOICE, Question
from app.domain.quiz_rules import gives_key_away
from app.domain.text import display_form, match_form


class SourceType(NameFromVocabulary):
    """What kind of source: once per source, at a mention that names it, with a stem that never
    names the type."""

    name = "source_type"
    title = "Kind of source"
    confusion_title = "Kinds of source"
    skill = "sources"
    type = CHOICE

    def questions(self, reading: ArticleReading, rng: random.Random) -> Iterator[Question | None]:
        article, vocabulary = reading.article, reading.vocabulary
        for source in article.sources:
            try:
                right = vocabulary.source_type(source.type)
            except KeyError:
                continue
            if source.type in vocabulary.told_by_name:
                # "said headteacher Karen Doyle": the other person type is too close to offer, so the
                # wrong answers are a document, an outlet or someone unnamed, and the name in the stem
                # alone gives the key (reviews 92, 94, 96 and 97, and many before them).
                continue
            mentions = reading.naming_mentions(source)
            if not mentions:
                continue

            # A mention no other source shares, and the fullest one, says the most about the source;
            # one whose words give the type away ("who asked not to be named") is tried last.
            ordered = sorted(
                mentions, key=lambda m: (len(self._shared(article, source, m)), -m.length, m.block, m.start)
            )
            for mention in ordered:
                question = self._for_mention(reading, source, right, mention, rng)
                if question is not None and not gives_key_away(question):
                    yield question
                    break

    @staticmethod
    def defensible_in_its_sentences(reading: ArticleReading, source: Source) -> set[str]:
        """Types a student could defend for a person from the sentences that introduce them, up to
        each mention: a role in a body, capitalised or not ("Board member Gregory Tan", "The
        council's elections officer, Martin Okonjo"), makes an organisation defensible; a record
        ("In a statement, he said") a document (review 48)."""
        vocabulary = reading.vocabulary
        if source.type not in person_types(vocabulary):
            return set()
        defensible: set[str] = set()
        bodies_and_roles = set(vocabulary.institution_words) | set(vocabulary.role_words)
        description = match_form(source.name.split(",", 1)[1] if "," in source.name else "").casefold()
        if TIED_BY.search(description) or set(description.split()) & bodies_and_roles:
            # "Tom Becker, chief executive of the installers' association", "Graham Pilling, the
            # league chairman"
            defensible.add(BODY_TYPE)
        for mention in source.mentions:
            block = reading.blocks[mention.block]
            starts = [
                start for start, end in reading.sentences(mention.block) if start <= mention.start < end
            ]
            lead_in = (starts[0] if starts else mention.start, mention.end)
            lead_words = set(words_of(block, lead_in))
            # "Its chief executive, Tom Becker, said": "its" is the body named before (review 51).
            if lead_words & (bodies_and_roles | {"its", "their"}):
                defensible.add(BODY_TYPE)
            if any(lead_in[0] <= s and e <= lead_in[1] for s, e in reading.record_hits(mention.block)):
                defensible |= RECORD_TYPES
        return defensible

    @staticmethod
    def _shared(article: Article, source: Source, mention: Span) -> list[Source]:
        return [
            other
            for other in article.sources
            if other.id != source.id and any(m.overlaps(mention) for m in other.mentions)
        ]

    def _for_mention(
        self,
        reading: ArticleReading,
        source: Source,
        right: VocabularyEntry,
        mention: Span,
        rng: random.Random,
    ) -> Question | None:
        article, vocabulary = reading.article, reading.vocabulary
        # Another source quoted in the same words (a fighter "told CNN") makes its type right too,
        # and so does any source named in the same sentence ("a firefighter ... told Channel 7"),
        # or in the same paragraph when the mention has a pronoun ("he told Sportsline Radio").
        block = reading.blocks[mention.block]
        pronoun = any(word in PRONOUNS for word in words_of(block, mention))
        near = reading.sentences_of(mention) if not pronoun else [(0, len(block.words))]
        also_right = {other.type for other in self._shared(article, source, mention)} | {
            other.type
            for other in article.sources
            if other.id != source.id
            and any(
                overlaps(sentence, (m.start, m.end))
                for m in other.mentions
                if m.block == mention.block
                for sentence in near
            )
        }
        # Whoever the words passed through ("he told the Westshire Echo") could be named as well.
        also_right |= {other.type for other in _relays_of(article, source)}
        also_right |= _types_suggested_by_words(reading, source, mention)
        # "Board member Gregory Tan": a student could name the board, so a named organisation is
        # not offered; a news outlet or a record still plainly is not it (review 46).
        not_offered = self.defensible_in_its_sentences(reading, source)
        if source.type in vocabulary.person_source_types:
            # "Mr Lyle said", where an earlier mention says he is "director of enforcement at the
            # Consumer Advertising Council": he speaks for the organisation, which is right too.
            for other in reading.naming_mentions(source):
                also_right |= _types_suggested_by_words(reading, source, other)
        candidates = [
            entry
            for entry in _wrong_candidates(vocabulary, vocabulary.source_types, right.id, also_right)
            if entry.id not in not_offered
        ]
        # The wrong answers must look like the key at a glance both ways: one named (or not) as the
        # key is, and one people (or not) as the key is. With only far-off types left ("An unnamed
        # source" for "said Dana Mensah"), "is someone named here?" alone finds the key; with only
        # people ("A named person" for "the Evening Post reported"), "is it a person?" does.
        named, people = _source_features(vocabulary, right.id)
        same_naming = [e for e in candidates if _source_features(vocabulary, e.id)[0] == named]
        same_people = [e for e in candidates if _source_features(vocabulary, e.id)[1] == people]
        if not same_naming or not same_people:
            return None
        if not named and not any(e in same_people for e in same_naming):
            # "Many locals say" against named people and a document: with its close partner
            # ("An unnamed source") left out, no wrong answer is unnamed people too (review 27).
            return None
        first = rng.choice(same_naming)
        second = rng.choice([e for e in same_people if e is not first] or [first])
        picked = [first] if second is first else [first, second]
        rest = [entry for entry in candidates if entry not in picked]
        wrong = [*picked, *rng.sample(rest, min(MAX_VOCABULARY_DISTRACTORS - len(picked), len(rest)))]
        start, end = trim_attribution(block, mention, vocabulary.attribution_words)
        quote = display_form(block.text[block.starts[start] : block.ends[end - 1]])
        return self.name_it(
            rng,
            right,
            wrong,
            prompt=f'What kind of source does the article rely on in "{quote}" ({where(mention.block)})?',
            explanation=_defined(
                _notes([f"Here the article relies on {source_label(source)}.", source.note], ""), right
            ),
            span=Span(mention.block, start, end, quote),
            # "Pritchard told the Courier": the fighter and the outlet are one attribution.
            about=[f"source:{source.id}", *(f"source:{other.id}" for other in _relays_of(article, source))],
            line=source.line,
            extra={"source": source.id},
        )
