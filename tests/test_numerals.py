"""Numbered events in both spellings (bot/numerals.py): pure functions, no model."""

from __future__ import annotations

from bot.numerals import another_edition, another_year, editions, years_named, is_roman_numeral, roman_value, with_arabic_numerals
from bot.question import name_terms


def test_a_roman_numeral_after_a_name_is_searched_with_its_digits_too():
    assert with_arabic_numerals("Who won Super Bowl LVII?") == "Who won Super Bowl LVII (57)?"
    assert with_arabic_numerals("WrestleMania XL and Louis XIV") == "WrestleMania XL (40) and Louis XIV (14)"
    assert with_arabic_numerals("Super Bowl LVII (57)") == "Super Bowl LVII (57)"  # said once
    # single letters, C/D/M abbreviations, a numeral after a lowercase word and malformed ones stay
    for text in ("World War I", "Washington DC", "Baltimore MD", "the XL size", "Bowl IIII", "Bowl VX"):
        assert with_arabic_numerals(text) == text
    assert [roman_value(n) for n in ("II", "IV", "IX", "XIV", "XL", "XLIX", "LVII", "LXXXIX")] == [2, 4, 9, 14, 40, 49, 57, 89]
    assert is_roman_numeral("XII") and not is_roman_numeral("I") and not is_roman_numeral("MIX")


def test_a_names_numeral_is_not_a_word_the_passages_must_hold():
    assert name_terms("Super Bowl LVII") == name_terms("Super Bowl 57") == ["super", "bowl"]


def test_an_article_about_another_edition_is_told_apart_from_a_recap_that_recalls_past_ones():
    assert editions("Super Bowl 56 and Super Bowl LVII and Super Bowl 57") == {"bowl": {56: 1, 57: 2}}
    # dates and sentence openers are no editions
    assert editions("On January 6, At 36 she ran; Sunday 12 Feb 3") == {}
    last_year = "The Rams won Super Bowl 56. Super Bowl 56 drew 100 million. Super Bowl 57 is in Glendale."
    assert another_edition(editions("Super Bowl LVII"), last_year)
    recap = "The Chiefs won Super Bowl 57, after Super Bowl 54 and a loss in Super Bowl 55. Super Bowl 57 drew 113 million."
    assert not another_edition(editions("Super Bowl LVII"), recap)
    assert not another_edition(editions("Super Bowl LVII"), "The Chiefs won the game.")  # no edition named: not another's
    assert not another_edition(editions("Oscars 2023"), "The 2022 Oscars")  # years are not editions


def test_a_topic_naming_a_year_leaves_out_another_years_articles_but_keeps_those_looking_ahead_to_it():
    asked = years_named("Oscars 2023")
    assert asked == {"2023"} and years_named("the Oscars") == frozenset()
    assert another_year(asked, "2022-03-27", "CODA won best picture at Sunday's 94th Academy Awards.")
    assert not another_year(asked, "2022-11-07", "All eyes are on the 2023 Oscars after the slap of the 2022 show.")
    assert not another_year(asked, "2023-03-12", "Everything Everywhere All at Once ruled the night.")
    assert not another_year(years_named("the Oscars"), "2022-03-27", "CODA won best picture.")  # no year asked


def test_a_vector_computed_once_for_several_modes_is_the_one_retrieval_searches_with():
    """`newsbot eval` embeds each question once for its four retrieval modes: the vector must be of
    the question as retrieval reads it (numerals spelled out), as a user's question is."""
    import numpy as np

    from bot.retrieve import Retriever
    from bot.settings import AnswerSettings
    from tests.fakes import HashingEmbedder

    embedder = HashingEmbedder()
    vector = Retriever(None, embedder, AnswerSettings()).embed_query("Who won Super Bowl LVII?")
    assert np.allclose(vector, embedder.embed(["Who won Super Bowl LVII (57)?"])[0])
    assert not np.allclose(vector, embedder.embed(["Who won Super Bowl LVII?"])[0])
