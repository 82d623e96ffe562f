"""What a question says about time and source: "latest", "this week", a year, "according to CNN" (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_RECENT = re.compile(r"\b(latest|most recent|recently|newest|this week|this month|today|yesterday|now)\b", re.I)
_WEEK = re.compile(r"\b(this week|today|yesterday)\b", re.I)


@dataclass(frozen=True)
class QueryHints:
    year: int | None = None
    source: str | None = None  # an index source name the question mentions
    recent: bool = False  # prefer newer articles
    within_days: int | None = None  # extra boost for articles this many days before "today"


def parse_hints(question: str, sources: list[str]) -> QueryHints:
    year = _YEAR.search(question)
    lowered = question.lower()
    source = None
    for name in sources:
        if mentions_source(lowered, name):
            source = name
            break
    return QueryHints(
        year=int(year.group(1)) if year else None,
        source=source,
        recent=bool(_RECENT.search(question)),
        within_days=7 if _WEEK.search(question) else None,
    )


_CUE = r"(?:according to|from|by|in|on|at|did|does|do|has|have)\s+(?:the\s+)?"
_REPORTS = r"\s+(?:report|reports|reported|say|says|said|wrote|write|writes|article|story|coverage)\b"


def mentions_source(lowered: str, name: str) -> bool:
    """Only a source named as a source: "according to CNN", "what did USA Today report" (a bare
    "this week" must not select theweek.co.uk)."""
    stem = source_stem(name)
    if len(stem) < 3:
        return False
    spelled = r"\s?".join(re.escape(ch) for ch in stem)  # "usatoday" also matches "usa today"
    return bool(re.search(rf"\b{_CUE}{spelled}(?:\.\w+)*\b", lowered) or re.search(rf"\b{spelled}{_REPORTS}", lowered))


def source_stem(name: str) -> str:
    """"www.theguardian.com" → "guardian", "CNN" → "cnn"."""
    stem = name.lower().removeprefix("www.").split(".")[0]
    return stem.removeprefix("the") if len(stem) > 6 and stem.startswith("the") else stem
