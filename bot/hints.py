"""What a question says about time and source: "latest", "this week", a year, "according to CNN" (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_RECENT = re.compile(r"\b(latest|most recent|recently|new|newest|this week|this month|today|yesterday|now)\b", re.I)
_WEEK = re.compile(r"\b(this week|today|yesterday)\b", re.I)


@dataclass(frozen=True)
class QueryHints:
    year: int | None = None
    source: str | None = None  # an index source name the question mentions (the first, if several)
    sources: tuple[str, ...] = ()  # every index source name the question mentions
    recent: bool = False  # prefer newer articles
    within_days: int | None = None  # extra boost for articles this many days before "today"


def parse_hints(question: str, sources: list[str]) -> QueryHints:
    year = _YEAR.search(question)
    lowered = question.lower()
    named = []
    for name in sources:  # longest first: "usatoday.com" before "usa"
        if mentions_source(lowered, name) and not any(source_stem(name) in source_stem(n) for n in named):
            named.append(name)
    named.sort(key=lambda n: _position(lowered, n))  # in the order the question names them
    return QueryHints(
        year=int(year.group(1)) if year else None,
        source=named[0] if named else None,
        sources=tuple(named),
        recent=bool(_RECENT.search(question)),
        within_days=7 if _WEEK.search(question) else None,
    )


_CUE = r"(?:according to|from|by|in|on|at|did|does|do|has|have|and)\s+(?:the\s+)?"
_REPORTS = (r"\s+(?:report|reports|reported|say|says|said|wrote|write|writes|article|story|coverage|describe|"
            r"described|describes|cover|covered|covers|portray|portrayed|characteri[sz]ed?|frame|framed)\b")


def mentions_source(lowered: str, name: str) -> bool:
    """Only a source named as a source: "according to CNN", "what did USA Today report" (a bare
    "this week" must not select theweek.co.uk)."""
    stem = source_stem(name)
    if len(stem) < 3:
        return False
    spelled = _spelled(name)
    return bool(re.search(rf"\b{_CUE}{spelled}(?:\.\w+)*\b", lowered) or re.search(rf"\b{spelled}{_REPORTS}", lowered))


def _spelled(name: str) -> str:
    return r"\s?".join(re.escape(ch) for ch in source_stem(name))  # "usatoday" also matches "usa today"


def _position(lowered: str, name: str) -> int:
    match = re.search(_spelled(name), lowered)
    return match.start() if match else len(lowered)


def source_stem(name: str) -> str:
    """"www.theguardian.com" → "guardian", "CNN" → "cnn"."""
    stem = name.lower().removeprefix("www.").split(".")[0]
    return stem.removeprefix("the") if len(stem) > 6 and stem.startswith("the") else stem
