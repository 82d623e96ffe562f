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


def _plain(word: str) -> str:
    """Lower case, without accents (plain ASCII words skip the Unicode pass)."""
    word = word.lower()
    return word if word.isascii() else fold(word)


def one_edit_apart(a: str, b: str) -> bool:
    """a and b differ by exactly one letter inserted, dropped, replaced, or two neighbours swapped
    (case and accents aside)."""
    return _one_edit(_plain(a), _plain(b))


def _one_edit(a: str, b: str) -> bool:
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
    texts = list(texts)
    return None if written(name, texts) else variant(name, texts)


def written(name: str, texts: list[str]) -> bool:
    """The name stands in some text as asked, case aside (the common case: read without splitting
    the texts into words; as typed first, lower-cased only when that fails)."""
    return any(name in text for text in texts) or any(name.lower() in text.lower() for text in texts)


def variant(name: str, texts: Iterable[str]) -> str | None:
    """`respelled` for a name already known not to be written as asked in the texts."""
    wanted = [_plain(p) for p in name.split()]
    n = len(wanted)
    variants: Counter = Counter()
    for text in texts:
        for run in _RUN.findall(text):
            words = [_POSSESSIVE.sub("", w) for w in run.split()]
            if len(words) < n:
                continue
            plain = [_plain(w) for w in words]
            for i in range(len(words) - n + 1):
                window = plain[i:i + n]
                if all(_same(a, b) for a, b in zip(wanted, window)):
                    return None  # written as asked, or as a form of it
                if all(_close(a, b) for a, b in zip(wanted, window)):
                    variants[" ".join(words[i:i + n])] += 1
    return max(variants, key=lambda v: (variants[v], v)) if variants else None


def _same(a: str, b: str) -> bool:
    """The same word (both plain), or a form of it one letter longer or shorter at the end
    ("America" and "North American", "Powel" and "Powell", "Jilly" and "Jill"): no typo."""
    return a == b or (abs(len(a) - len(b)) == 1 and (a.startswith(b) or b.startswith(a)))


def _close(a: str, b: str) -> bool:
    """The same word (both plain), or one edit from it with its first letter kept: typing rarely
    changes the first letter, and "Jilly" Cooper is not "Billy" Cooper."""
    if _same(a, b):
        return True
    return len(a) >= MIN_LETTERS and a[:1] == b[:1] and _one_edit(a, b)


def near_words(word: str, vocabulary: Iterable[str]) -> list[str]:
    """The vocabulary's words one edit from `word` with its first letter (of MIN_LETTERS or more),
    forms of it aside (a letter more or less at the end)."""
    word = _plain(word)
    if len(word) < MIN_LETTERS:
        return []
    return [w for w in vocabulary if w[:1] == word[:1] and abs(len(w) - len(word)) <= 1
            and not _same(word, w) and _one_edit(word, _plain(w))]


def surface_form(term: str, text: str, terms_of) -> str | None:
    """The capitalised word of `text` that the index reads as `term` ("Bakhmut" for "bakhmut")."""
    for w in _CAPITALISED.findall(text):
        w = _POSSESSIVE.sub("", w)
        if terms_of(w) == [term]:
            return w
    return None
