"""A name the articles spell one letter differently: what a refusal suggests instead ("None of the
passages mention “Jim Boheim” (did you mean “Jim Boeheim”?)"). Suggested, never substituted: one
letter also separates different people (Johnson, Johnston), so the reader decides."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from index.lexical import fold

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*\b")
_POSSESSIVE = re.compile(r"['’]s?$")
_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")  # capitalised words in a row
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
    """How the texts spell the name when they never write it as the question does: the most
    frequent run of capitalised words, as many as the name has, each the same word or one edit
    from it with its first letter kept (of MIN_LETTERS or more); None when they write it as asked,
    or nothing is that close. "Kevin McCarty" → "Kevin McCarthy", though an "Oseola McCarty" is
    there too."""
    parts = name.split()
    texts = list(texts)
    if any(name.lower() in text.lower() for text in texts):
        return None  # written as asked (the common case, read without splitting the texts into words)
    wanted = [fold(p.lower()) for p in parts]
    variants: Counter = Counter()
    for text in texts:
        for run in _RUN.findall(text):
            words = [_POSSESSIVE.sub("", w) for w in run.split()]
            for i in range(len(words) - len(parts) + 1):
                window = words[i:i + len(parts)]
                if all(_same(part, w) for part, w in zip(wanted, window)):
                    return None  # written as asked, or as a form of it
                if all(_close(part, w) for part, w in zip(parts, window)):
                    variants[" ".join(window)] += 1
    return max(variants, key=lambda v: (variants[v], v)) if variants else None


def _same(part: str, word: str) -> bool:
    """The same word, or a form of it one letter longer or shorter at the end ("America" and
    "North American", "Powel" and "Powell", "Jilly" and "Jill"): no evidence of a typo."""
    a, b = fold(part.lower()), fold(word.lower())
    return a == b or (abs(len(a) - len(b)) == 1 and (a.startswith(b) or b.startswith(a)))


def _close(part: str, word: str) -> bool:
    """The same word, or one edit from it with its first letter kept: typing rarely changes the
    first letter, and "Jilly" Cooper is not "Billy" Cooper."""
    if _same(part, word):
        return True
    return len(part) >= MIN_LETTERS and part[0].lower() == word[0].lower() and one_edit_apart(part, word)


def near_words(word: str, vocabulary: Iterable[str]) -> list[str]:
    """The vocabulary's words one edit from `word` with its first letter (of MIN_LETTERS or more),
    forms of it aside (a letter more or less at the end)."""
    word = word.lower()
    if len(word) < MIN_LETTERS:
        return []
    return [w for w in vocabulary if w[:1] == word[:1] and abs(len(w) - len(word)) <= 1
            and not _same(word, w) and one_edit_apart(word, w)]


def surface_form(term: str, text: str, terms_of) -> str | None:
    """The capitalised word of `text` that the index reads as `term` ("Bakhmut" for "bakhmut")."""
    for w in _CAPITALISED.findall(text):
        w = _POSSESSIVE.sub("", w)
        if terms_of(w) == [term]:
            return w
    return None
