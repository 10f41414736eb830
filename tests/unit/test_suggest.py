"""The suggester's rules, each on sentences written for the test, with small word lists of its own
(so a test shows the rule, not the contents of questions/lexicons)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.lexicons import Lexicons, parse_lexicons
from app.domain.suggest import Place, Suggestions, headline_hedged, suggest

LEXICONS = Lexicons(
    hedges=("reportedly", "may", "could", "set to", "appears"),
    reporting_verbs=(
        "said",
        "says",
        "say",
        "told",
        "added",
        "argue",
        "found",
        "warned",
        "warning",
        "reported",
    ),
    attribution_phrases=("according to",),
    official_titles=("mayor", "minister", "councillor"),
    person_nouns=("resident", "fighter", "worker"),
    anonymous_cues=("who asked not to be named",),
    vague_sources=("experts", "critics"),
    document_sources=("report", "study", "figures"),
    news_outlets=("gazette", "cnn", "newspaper"),
    organisations=("council", "company"),
    loaded_words=("slammed", "chaos"),
    intensifiers=("never", "massive"),
    fear_words=("deadly",),
    false_dilemma=("the only way",),
    flag_waving=("our country",),
)
LEXICON_FOLDER = Path(__file__).resolve().parents[2] / "questions" / "lexicons"


def run(paragraphs: list[str], title: str = "A plain headline") -> tuple[Suggestions, list[str]]:
    return suggest(title, paragraphs, LEXICONS), [title, *paragraphs]


def words(blocks: list[str], place: Place) -> str:
    return blocks[place.block][place.start : place.end]


def mentions(result: Suggestions, blocks: list[str]) -> dict[str, list[str]]:
    return {s.name: [words(blocks, m) for m in s.mentions] for s in result.sources}


def types(result: Suggestions) -> dict[str, str]:
    return {s.name: s.type for s in result.sources}


# --------------------------------------------------------------------------- sources


def test_speaker_before_the_verb_is_a_source_with_the_verb_in_its_mention() -> None:
    result, blocks = run(["The mayor of Dunmore said the bridge would reopen in June."])
    assert mentions(result, blocks) == {"The mayor of Dunmore": ["The mayor of Dunmore said"]}


def test_speaker_after_a_quotation_and_the_verb() -> None:
    result, blocks = run(['"We will rebuild the bridge quickly," said Councillor Ana Ruiz.'])
    assert mentions(result, blocks) == {"Councillor Ana Ruiz": ["said Councillor Ana Ruiz"]}
    assert types(result) == {"Councillor Ana Ruiz": "named_official"}
    [claim] = result.claims
    assert (claim.status, words(blocks, claim.place)) == ("attributed", "We will rebuild the bridge quickly")


def test_a_title_and_a_dot_do_not_end_the_name() -> None:
    result, blocks = run(['"It works," said Dr. Lena Moss, who ran the trial.'])
    assert mentions(result, blocks) == {"Dr. Lena Moss": ["said Dr. Lena Moss"]}


def test_according_to_names_the_source_and_the_sentence_before_is_its_claim() -> None:
    result, blocks = run(["Bus fares will rise by a tenth next year, according to a report by the council."])
    assert mentions(result, blocks) == {"a report by the council": ["according to a report by the council"]}
    assert types(result) == {"a report by the council": "document_or_data"}
    [claim] = result.claims
    assert words(blocks, claim.place) == "Bus fares will rise by a tenth next year"
    assert claim.source == result.sources[0].key


def test_told_an_outlet_makes_the_outlet_a_source_and_the_speaker_comes_via_it() -> None:
    result, blocks = run(["A local builder, Sam Reid, told the Gazette that the work was rushed."])
    by_name = {s.name: s for s in result.sources}
    outlet = by_name["the Gazette"]
    assert outlet.type == "news_outlet"
    assert [words(blocks, m) for m in outlet.mentions] == ["told the Gazette"]
    speaker = by_name["A local builder, Sam Reid"]
    assert speaker.via == outlet.key
    assert speaker.type == "named_person"


def test_an_appositive_that_hides_a_name_makes_the_source_anonymous() -> None:
    result, blocks = run(["One resident, who asked not to be named, said the water smelled of oil."])
    assert mentions(result, blocks) == {
        "One resident": ["One resident, who asked not to be named, said"],
    }
    assert types(result) == {"One resident": "anonymous"}


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("Critics argue that the plan is too expensive.", "Critics", "vague"),
        ("A fighter told reporters the town had fallen.", "A fighter", "anonymous"),
        ("The study found that most pupils slept less.", "The study", "document_or_data"),
        ("The company said its products are safe.", "The company", "named_organisation"),
        ("Maria Lopez said the shop had closed.", "Maria Lopez", "named_person"),
        ("Housing Minister Tom Hale said prices would fall.", "Housing Minister Tom Hale", "named_official"),
    ],
)
def test_the_source_type_is_guessed_from_the_wording(sentence: str, name: str, expected: str) -> None:
    result, _ = run([sentence])
    assert types(result) == {name: expected}


def test_a_pronoun_joins_the_nearest_earlier_person() -> None:
    result, blocks = run(["Maria Lopez said the shop had closed. She added that rents had doubled."])
    assert mentions(result, blocks) == {"Maria Lopez": ["Maria Lopez said", "She added"]}
    assert result.sources[0].flags == []


def test_a_pronoun_that_could_mean_two_people_is_flagged() -> None:
    result, blocks = run(
        ["Maria Lopez said the shop had closed. Tom Hale said it would reopen. He added that it was sold."]
    )
    hale = next(s for s in result.sources if s.name == "Tom Hale")
    assert [words(blocks, m) for m in hale.mentions] == ["Tom Hale said", "He added"]
    assert hale.flags == ['"He added" could also mean Maria Lopez']


def test_the_same_person_by_surname_is_one_source() -> None:
    result, blocks = run(["Maria Lopez said the shop had closed.", "Later, Ms Lopez said it was sold."])
    assert len(result.sources) == 1
    assert [words(blocks, m) for m in result.sources[0].mentions] == ["Maria Lopez said", "Ms Lopez said"]


def test_a_passive_or_a_noun_is_not_an_attribution() -> None:
    result, _ = run(["Dead fish were found in the river. A warning sign stands by the gate."])
    assert result.sources == []


def test_a_continuing_verb_of_saying_counts() -> None:
    result, blocks = run(["Experts are warning that the ice is thin."])
    assert mentions(result, blocks) == {"Experts": ["Experts are warning"]}


# --------------------------------------------------------------------------- claims


def test_a_hedge_outside_an_attribution_is_a_hedged_claim_with_the_hedge_as_its_cue() -> None:
    result, blocks = run(["The library is reportedly set to close in May, and the staff will move."])
    [claim] = result.claims
    assert claim.status == "hedged"
    assert words(blocks, claim.place) == "is reportedly set to close in May"
    assert [words(blocks, cue) for cue in claim.cues] == ["reportedly", "set to"]


def test_a_hedge_inside_what_a_source_said_is_a_cue_of_that_claim() -> None:
    result, blocks = run(["The mayor said the bridge could reopen in June."])
    [claim] = result.claims
    assert claim.status == "attributed"
    assert words(blocks, claim.place) == "the bridge could reopen in June"
    assert [words(blocks, cue) for cue in claim.cues] == ["could"]


def test_a_month_is_not_a_hedge() -> None:
    result, _ = run(["The pool opens in May after repairs."])
    assert all(claim.status != "hedged" for claim in result.claims)


def test_a_sentence_with_numbers_and_no_source_is_an_unattributed_claim_flagged_as_less_certain() -> None:
    result, blocks = run(["About 4,000 people live in the valley. It is a quiet place."])
    [claim] = result.claims
    assert (claim.status, words(blocks, claim.place)) == (
        "unattributed",
        "About 4,000 people live in the valley",
    )
    assert claim.flag


# --------------------------------------------------------------------------- framing


def framing(result: Suggestions, blocks: list[str]) -> list[tuple[str, str]]:
    return [(words(blocks, f.place), f.technique) for f in result.framing]


def test_list_words_suggest_their_technique() -> None:
    result, blocks = run(
        ["The plan caused chaos and massive queues. A deadly bend is the only way for our country."]
    )
    assert framing(result, blocks) == [
        ("chaos", "loaded_language"),
        ("massive", "exaggeration_minimisation"),
        ("deadly", "appeal_to_fear_prejudice"),
        ("the only way", "false_dilemma"),
        ("our country", "flag_waving"),
    ]


def test_a_short_quoted_phrase_with_no_speaker_is_scare_quotes() -> None:
    result, blocks = run(['The new "cleaning plan" starts on Monday.'])
    assert framing(result, blocks) == [('"cleaning plan"', "scare_quotes")]


def test_a_quotation_with_a_speaker_is_not_scare_quotes() -> None:
    result, blocks = run(['The mayor said the plan was "very good".'])
    assert framing(result, blocks) == []


def test_single_quotes_in_a_headline_are_scare_quotes_but_an_apostrophe_is_not() -> None:
    result, blocks = run(["The park opens soon."], title="Town's 'Dream' Park Opens")
    assert framing(result, blocks) == [("'Dream'", "scare_quotes")]


def test_headline_words_that_the_body_only_hedges() -> None:
    title = "Storm Will Close Schools for a Week"
    paragraphs = ["The council said schools may close for a week if the storm comes."]
    result = suggest(title, paragraphs, LEXICONS)
    places = headline_hedged([title, *paragraphs], result.claims)
    # "Will Close" where the body says "may close"; "a Week", words of the hedged claim.
    assert [title[p.start : p.end] for p in places] == ["Close", "a Week"]
    assert ("a Week", "headline_body_mismatch") in framing(result, [title, *paragraphs])


def test_suggestions_of_one_kind_never_overlap() -> None:
    result, _ = run(["The chaos was never massive, and chaos never came. Chaos chaos chaos."])
    spans = [f.place for f in result.framing]
    assert all(not a.overlaps(b) for i, a in enumerate(spans) for b in spans[i + 1 :])
    claims = [c.place for c in result.claims]
    assert all(not a.overlaps(b) for i, a in enumerate(claims) for b in claims[i + 1 :])


def test_the_projects_lexicon_files_parse_and_hold_the_words_the_issue_names() -> None:
    lexicons = parse_lexicons({p.name: p.read_text(encoding="utf-8") for p in LEXICON_FOLDER.glob("*.txt")})
    for hedge in ("reportedly", "allegedly", "may", "might", "could", "likely", "set to", "expected to"):
        assert hedge in lexicons.hedges
    for verb in ("said", "says", "told", "added", "claimed", "announced", "warned", "wrote", "reported"):
        assert verb in lexicons.reporting_verbs
    assert "according to" in lexicons.attribution_phrases
    for word in ("always", "never", "crisis"):
        assert word in lexicons.intensifiers
    assert "slams" in lexicons.loaded_words


def test_what_comes_before_a_speaker_at_the_end_of_a_sentence_is_the_claim() -> None:
    result, blocks = run(["The pool will close for a month, the Leisure Workers' Council said on Monday."])
    assert mentions(result, blocks) == {"the Leisure Workers' Council": ["the Leisure Workers' Council said"]}
    [claim] = result.claims
    assert (claim.status, words(blocks, claim.place)) == ("attributed", "The pool will close for a month")


def test_told_a_newspaper_that_is_no_outlet_of_its_own_but_its_content_is_a_claim() -> None:
    result, blocks = run(["One worker told this newspaper that the lift had failed twice."])
    assert mentions(result, blocks) == {"One worker": ["One worker told"]}
    [claim] = result.claims
    assert words(blocks, claim.place) == "the lift had failed twice"


def test_a_quotation_before_a_pronoun_and_an_outlet_is_that_speakers_claim() -> None:
    result, blocks = run(['Maria Lopez said she was moving. "Rents have doubled in a year," she told CNN.'])
    claims = {words(blocks, c.place): c.source for c in result.claims}
    lopez = next(s for s in result.sources if s.name == "Maria Lopez")
    assert claims == {"she was moving": lopez.key, "Rents have doubled in a year": lopez.key}
