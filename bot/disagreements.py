"""Outlets that give different figures for the same count (pure functions).

For a "how many <noun>" question, every sentence read that states a number next to that noun (and
covers enough of the question) is a claim; the best claim of each outlet stands for it. When two
outlets' figures differ by more than 10%, the answer says so and cites both, instead of picking one
silently. Spans of time ("how many years") are left out: news text is full of unrelated ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.numerals import figures
from bot.question import CASUALTY, QuestionKind
from index.lexical import terms

_NUMBER = re.compile(
    r"(?P<phrase>(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|fewer than|less than)\s+)?"
    r"(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand|hundred))?)"
    r"(?P<after>(?:\s+[\w’'-]+){0,3})", re.I)
_WORD_NUMBERS = {"million": 1_000_000, "thousand": 1_000, "hundred": 100}
_SPANS = frozenset(terms("years year months month weeks week days day hours hour minutes times decades decade "
                         "centuries century"))


@dataclass(frozen=True)
class Claim:
    value: str  # as written: "at least 40"
    number: float
    source: str
    sentence: int  # index into the sentences given


@dataclass(frozen=True)
class Disagreement:
    about: str  # the counted thing, as the question names it
    claims: tuple[Claim, ...]


def claims_in(text: str, counted: tuple[str, ...], deaths: bool = False) -> list[tuple[str, float]]:
    """(phrase, number) for each number followed within three words by a counted noun. For a
    question about deaths (`deaths`), a number is a claim when the sentence says it is a toll
    (`_told_as_toll`: "killing at least 23 people", "the death toll … has risen to 31", "31 dead"),
    whether or not the counted noun follows it, and not otherwise ("Another 40 people are missing"
    counts no dead)."""
    out = []
    for match in _NUMBER.finditer(text):
        if deaths:
            if not _told_as_toll(text, match.start("value"), match.end("value")):
                continue
        elif not set(terms(match.group("after"))) & set(counted):
            continue
        number = float(match.group("value").replace(",", ""))
        for word, factor in _WORD_NUMBERS.items():
            if match.group("phrase").endswith(word):
                number *= factor
        if 1900 <= number <= 2100 and "," not in match.group("value"):
            continue  # a year
        out.append((match.group("phrase"), number))
    return out


def _told_as_toll(text: str, start: int, end: int) -> bool:
    """A word of dying just before or after the number ("killing at least 23", "23 died", "31 dead"),
    or a toll named before it in its clause ("the death toll … has risen to 31")."""
    clause = _CLAUSE.split(text[max(0, start - 100): start])[-1]  # ("The toll stood at 12, and 40 were hurt")
    after = _CLAUSE.split(text[end: end + 40])[0]
    return bool(CASUALTY.search(clause[-30:]) or CASUALTY.search(after) or re.search(r"\btoll\b", clause, re.I))


_CLAUSE = re.compile(r"[;:]|,\s+(?:but|while|and|as|with)\b")


def find_disagreements(question: str, kind: QuestionKind, sentences: list[tuple[str, str, float, str]],
                       min_coverage: float) -> list[Disagreement]:
    """sentences: (text, source, coverage of the question, story id) of the sentences read, best
    first. Only outlets reporting the same story (index/stories.py) are compared: two figures from
    two events are not a disagreement."""
    if not (kind.wants_number and kind.counted) or set(kind.counted) <= _SPANS:
        return []  # "how many years …": spans of time in news text are mostly about other things
    best: dict[tuple[str, str], Claim] = {}
    for i, (text, source, coverage, story) in enumerate(sentences):
        if not source or (story, source) in best or coverage < min_coverage:
            continue
        found = claims_in(text, kind.counted, kind.deaths)
        if found:
            phrase, number = found[0]
            best[(story, source)] = Claim(phrase, number, source, i)
    by_story: dict[str, list[Claim]] = {}
    for (story, _), claim in best.items():
        by_story.setdefault(story, []).append(claim)
    for claims in sorted(by_story.values(), key=lambda c: (-len(c), c[0].sentence)):
        if _differ(claims):
            return [Disagreement(_about(question, kind), tuple(claims))]
    return []


def _differ(claims: list[Claim]) -> bool:
    """Two figures at least 10% apart ("almost 600" and "600" agree)."""
    numbers = sorted(c.number for c in claims)
    return len(numbers) >= 2 and numbers[-1] > numbers[0] * 1.1


def _about(question: str, kind: QuestionKind) -> str:
    match = re.search(r"how many\s+(.+?)(?:\s+(?:did|do|does|were|was|are|is|have|has|had)\b|[?]|$)", question, re.I)
    return match.group(1).strip() if match else " ".join(kind.counted)


def figure_of(span: str) -> float | None:
    """The number an answer span states ("at least 23" → 23, "1.2 million" → 1,200,000), not a year
    (`bot.numerals.figures`)."""
    return next((value for _, value in figures(span)), None)


def disagreements_in_spans(question: str, kind: QuestionKind, spans: list[tuple[str, str, float, str]],
                           min_relevance: float) -> list[Disagreement]:
    """The reader's answers compared across outlets: spans are (answer span, source, relevance,
    story id) of the sentences it read, in any order. Each outlet's surest span per story stands for
    it; for a how-many/how-much question two figures 10% apart disagree. Which quantity a span
    is about is the reader's to judge: a count of the missing scores low on "how many died"."""
    if not kind.wants_number:
        return []
    best: dict[tuple[str, str], tuple[float, Claim]] = {}
    for i, (span, source, relevance, story) in enumerate(spans):
        number = figure_of(span) if span and relevance >= min_relevance else None
        if number is None or not source:
            continue
        key = (story, source)
        if key not in best or relevance > best[key][0]:
            best[key] = (relevance, Claim(span, number, source, i))
    by_story: dict[str, list[Claim]] = {}
    for (story, _), (_, claim) in best.items():
        by_story.setdefault(story, []).append(claim)
    for claims in sorted(by_story.values(), key=lambda c: (-len(c), c[0].sentence)):
        if _differ(claims):
            return [Disagreement(_about(question, kind), tuple(sorted(claims, key=lambda c: c.sentence)))]
    return []


def figures_across_outlets(texts: list[tuple[str, str]], limit: int = 3) -> list[Disagreement]:
    """Where outlets' articles of one story state different figures for the same thing, without a
    question (a link's unfurl): texts are (source, text). Each number is keyed by the first word
    after it ("23 people" → people); an outlet's first figure per key stands for it; keys that two
    outlets give figures 10% apart for are reported, most outlets first. Spans of time and years
    are left out, as for questions."""
    by_key: dict[str, dict[str, Claim]] = {}
    for i, (source, text) in enumerate(texts):
        if not source:
            continue
        for match in _NUMBER.finditer(text):
            following = terms(match.group("after"))
            if not following or following[0] in _SPANS:
                continue
            found = claims_in(match.group(0), (following[0],))
            if not found:
                continue
            phrase, number = found[0]
            word = match.group("after").split()[0].strip("’'-").lower()
            by_key.setdefault(word, {}).setdefault(source, Claim(phrase, number, source, i))
    found = [Disagreement(word, tuple(claims.values())) for word, claims in by_key.items()
             if _differ(list(claims.values()))]
    return sorted(found, key=lambda d: (-len(d.claims), d.about))[:limit]
