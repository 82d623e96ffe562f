"""Sentence boundaries with character offsets (pure, regex based, tuned for news prose)."""

from __future__ import annotations

import re

import numpy as np

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres st jr sr inc corp co ltd vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos fig al approx dept est mt ft "
    "u.s u.k u.n e.g i.e a.m p.m d.c".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARAGRAPH = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence; paragraphs (lines) always end a sentence."""
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        base, chunk = para.start(), para.group()
        start = 0
        for match in _BOUNDARY.finditer(chunk):
            end = match.end()
            if chunk[match.start()] == "." and _is_abbreviation(chunk[start:match.start()]):
                continue
            if _inside_quote(chunk[start:end]):
                continue
            _append(spans, chunk, base, start, end)
            start = end
        _append(spans, chunk, base, start, len(chunk))
    return spans


def _inside_quote(piece: str) -> bool:
    """A boundary inside an open quotation is not a sentence end (up to a sane length)."""
    if len(piece) > 600:
        return False
    return piece.count("“") > piece.count("”") or piece.count('"') % 2 == 1


def _is_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append(spans: list[tuple[int, int]], chunk: str, base: int, start: int, end: int) -> None:
    piece = chunk[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((base + start + lead, base + start + lead + len(stripped)))


def count_tokens(text: str) -> int:
    """Words and punctuation marks: close to the model's word-piece count for English news."""
    return len(_TOKEN.findall(text))


def sentence_table(text: str, count_terms) -> np.ndarray:
    """A text's sentences as rows of (start, end, terms so far): the third column is how many
    lexical terms (`count_terms` of each sentence, added up) the text has up to that sentence's
    end, so a sentence's terms are a slice of the text's term ids. Computed once when indexing,
    so answering a question never splits or tokenizes sentences again."""
    spans = split_sentences(text)
    table = np.zeros((len(spans), 3), dtype=np.int32)
    total = 0
    for i, (start, end) in enumerate(spans):
        total += count_terms(text[start:end])
        table[i] = (start, end, total)
    return table
