"""Numbered events: their two spellings and their editions. Pure functions.

One outlet writes "Super Bowl LVII", another "Super Bowl 57" ("WrestleMania XL", "Title IX",
"Benedict XVI" likewise): a query naming the Roman form is searched with the digits added beside it
("Super Bowl LVII (57)"), so that retrieval (BM25 and the dense vector) finds the articles that use
either. And last year's game report is not this year's: `another_edition` tells a text about
another edition of the topic's numbered series (bot/timeline leaves such articles out; answers
weigh such sentences down like another year's figure).
"""

from __future__ import annotations

import re
from collections import Counter

from index.nlp import MONTHS

# a numeral of two or more letters from I, V, X, L (2-89) after a capitalised word: "Bowl LVII",
# "Elizabeth II". Single letters ("World War I", "Grand Theft Auto V") and C/D/M ("Washington DC",
# "Baltimore MD") are left alone: too often a word, an initial or an abbreviation.
_NAMED = re.compile(r"\b([A-Z][\w'’-]*)\s+([IVXL]{2,})\b(?!\s*\(\d)")
_CANONICAL = re.compile(r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int:
    """The value of a numeral written with I, V, X and L ("LVII" → 57)."""
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " "):
        value = _VALUES[letter]
        total += -value if following != " " and _VALUES[following] > value else value
    return total


def is_roman_numeral(word: str) -> bool:
    """"LVII", "XII", "II": a numeral of two or more letters as written after a name."""
    return len(word) >= 2 and bool(_CANONICAL.fullmatch(word))


def with_arabic_numerals(text: str) -> str:
    """`text` with each Roman numeral of a name followed by its value in digits:
    "Who won Super Bowl LVII?" → "Who won Super Bowl LVII (57)?"; text without one is returned as is."""
    def spelled(match: re.Match) -> str:
        numeral = match.group(2)
        return f"{match.group(0)} ({roman_value(numeral)})" if is_roman_numeral(numeral) else match.group(0)

    return _NAMED.sub(spelled, text)


# "Bowl 57", "Bowl LVII", "WrestleMania 39", "Apollo 11": a capitalised word and the edition's number
# (not a date: "January 6", "Sunday 12"; not an opener: "At 36, she …")
_EDITION = re.compile(rf"\b(?!{MONTHS}\s|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:At|In|On|By|Of|To|A|An|The|No)\s)"
                      r"([A-Z][\w'’-]*)\s+(\d{1,3}|[IVXL]{2,})\b(?![-/.,]\d)")


def editions(text: str) -> dict[str, Counter]:
    """The numbered editions a text names, counted, by the word before the number: "Super Bowl 56,
    Super Bowl LVII and Super Bowl 57" → {"bowl": Counter({57: 2, 56: 1})}."""
    found: dict[str, Counter] = {}
    for match in _EDITION.finditer(text):
        word, number = match.group(1).lower(), match.group(2)
        if number.isdigit():
            found.setdefault(word, Counter())[int(number)] += 1
        elif is_roman_numeral(number):
            found.setdefault(word, Counter())[roman_value(number)] += 1
    return found


YEAR = re.compile(r"\b((?:19|20)\d\d)\b")  # a year 1900–2099 (group 1)


def years_named(text: str) -> frozenset[str]:
    """The years (1900–2099) a text names: "Oscars 2023" → {"2023"}."""
    return frozenset(YEAR.findall(text))


def another_year(asked: frozenset[str], published: str | None, text: str) -> bool:
    """Whether an article is about another year's edition of what a topic naming `asked` years
    (`years_named`) is about: published in none of them and naming none of them ("CODA won best
    picture at Sunday's 94th Academy Awards", March 2022, in a timeline of "Oscars 2023"). An
    article of another year that names the asked one (a host announced in November 2022 for "the
    2023 Oscars") is about it."""
    if not asked:
        return False
    return (published or "")[:4] not in asked and not asked & years_named(text)


def another_edition(asked: dict[str, Counter], text: str) -> bool:
    """Whether `text` is about another edition of the numbered event whose `editions` are `asked`
    (those of the topic or question, read once by the caller): another edition of the same series
    is named more often than the asked one ("Super Bowl 56" twenty times and "Super Bowl 57" once in
    last year's game report, for a timeline of "Super Bowl LVII"; a recap naming past games once or
    twice each is still about its own)."""
    if not asked:
        return False
    named = editions(text)
    for word, numbers in asked.items():
        counts = named.get(word, Counter())
        own = sum(counts[n] for n in numbers)
        if max((c for n, c in counts.items() if n not in numbers), default=0) > own:
            return True
    return False


# a figure as news writes it: "50,000", "2.4 million", "$2tn", "4.3%", "1.1bn" (the value, scaled)
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(trillion|billion|million|thousand|hundred|tn|bn|m|k)\b)?",
                     re.I)
_SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
          "hundred": 1e2}


def figures(text: str) -> list[tuple[str, float]]:
    """(as written, value) of each figure of a text, years (1900–2099 written bare) left out:
    "a gift of 50,000 pounds" → [("50,000", 50000.0)], "$2tn" → [("2tn", 2e12)]."""
    out = []
    for match in _FIGURE.finditer(text):
        number, scale = match.group(1), (match.group(2) or "").lower()
        if not scale and "," not in number and YEAR.fullmatch(number):
            continue
        out.append((match.group(0), float(number.replace(",", "")) * _SCALE.get(scale, 1.0)))
    return out
