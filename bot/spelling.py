"""A name the articles spell one letter differently: what a refusal suggests instead ("None of the
passages mention “Jim Boheim” (did you mean “Jim Boeheim”?)"). Suggested, never substituted: one
letter also separates different people (Johnson, Johnston), so the reader decides."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from index.lexical import fold

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*\b")
_POSSESSIVE = re.compile(r"['’]s$")
MIN_LETTERS = 5  # shorter words are one letter from too many others ("Lima", "Lina", "Luna")


def one_edit_apart(a: str, b: str) -> bool:
    """a and b differ by exactly one letter inserted, dropped, replaced, or two neighbours swapped
    (case and accents aside)."""
    a, b = fold(a.lower()), fold(b.lower())
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[i:] == long[i + 1:]


def respelled(name: str, texts: Iterable[str]) -> str | None:
    """The name as the texts spell it, when each of its words they lack (of MIN_LETTERS or more)
    is one edit from a capitalised word they use with the same first letter (the most frequent
    such word); None otherwise."""
    words = Counter(_POSSESSIVE.sub("", w) for text in texts for w in _CAPITALISED.findall(text))
    present = {fold(w.lower()) for w in words}
    parts = name.split()
    changed = False
    for i, part in enumerate(parts):
        if fold(part.lower()) in present:
            continue
        if len(part) < MIN_LETTERS:
            return None
        # the first letter kept: typing rarely changes it, and "Jilly" Cooper is not "Billy" Cooper
        near = [(count, w) for w, count in words.items()
                if w[0].lower() == part[0].lower() and one_edit_apart(part, w)]
        if not near:
            return None
        parts[i] = max(near)[1]
        changed = True
    return " ".join(parts) if changed else None
