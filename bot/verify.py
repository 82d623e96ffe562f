"""Checking a generated answer against the passages it cites (pure).

The model is asked to cite every sentence with `[n]`. After generation each sentence is checked:
citation numbers that name no passage are removed; a sentence left without a citation is dropped;
a cited sentence must be supported by its passages — most of its content words in them, and every
number and every name it states found in them — or it is dropped. What was removed and why goes
into the answer's notes. The passage sentence that best supports each kept sentence is returned
too, so a reader can check the claim in one glance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.question import mentioned, names_in
from index.lexical import terms
from index.sentences import split_sentences

_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CANNOT = re.compile(r"\b(?:passages?|articles?|sources?|context)\b.{0,40}\b(?:do(?:es)? not|don't|doesn't|cannot|can't|"
                     r"no information|not (?:say|mention|contain|provide))|\bI (?:cannot|can't|could not|couldn't) "
                     r"(?:find|answer|tell)", re.I)


@dataclass(frozen=True)
class Checked:
    text: str  # the sentence without its markers
    citations: tuple[int, ...]  # passage numbers that support it
    support: tuple[tuple[int, int, int], ...]  # (passage number, start, end) of its best supporting sentences


@dataclass(frozen=True)
class Verdict:
    kept: tuple[Checked, ...]
    notes: tuple[str, ...]
    dropped: int
    declined: bool  # the model said the passages do not answer


def says_cannot_answer(text: str) -> bool:
    return bool(_CANNOT.search(text))


def verify(generated: str, passages: dict[int, str], min_support: float = 0.6) -> Verdict:
    """`passages`: the text of each passage by its number in the prompt."""
    notes: list[str] = []
    kept: list[Checked] = []
    dropped = 0
    text = " ".join(generated.split())
    if not text or says_cannot_answer(text) and not _MARKER.search(text):
        return Verdict((), ("the model said the passages do not answer the question",) if text else
                       ("the model returned no text",), 0, True)
    passage_terms = {n: set(terms(t)) for n, t in passages.items()}
    for start, end in _sentences(text):
        sentence = text[start:end]
        numbers = [int(n) for group in _MARKER.findall(sentence) for n in re.split(r"\s*,\s*", group)]
        invented = sorted({n for n in numbers if n not in passages})
        if invented:
            notes.append(f"removed citation {', '.join(f'[{n}]' for n in invented)}: no such passage")
        cited = tuple(dict.fromkeys(n for n in numbers if n in passages))
        bare = " ".join(_MARKER.sub("", sentence).split()).replace(" .", ".").replace(" ,", ",")
        if not bare.strip(" .") or not re.search(r"\w", bare):
            continue
        if not cited:
            dropped += 1
            notes.append(f"dropped a sentence citing no passage: “{_clip(bare)}”")
            continue
        problem = _unsupported(bare, [passages[n] for n in cited], set().union(*(passage_terms[n] for n in cited)),
                               min_support)
        if problem:
            dropped += 1
            notes.append(f"dropped a sentence its passages do not support ({problem}): “{_clip(bare)}”")
            continue
        kept.append(Checked(bare, cited, _best_support(bare, cited, passages)))
    return Verdict(tuple(kept), tuple(notes), dropped, False)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of generated text; a marker after the full stop ("… troops. [1]") stays with its sentence."""
    spans = split_sentences(text)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _MARKER.fullmatch(text[start:end].strip(" .")):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _unsupported(sentence: str, cited_texts: list[str], cited_terms: set[str], min_support: float) -> str:
    own = [t for t in dict.fromkeys(terms(sentence))]
    if own:
        share = sum(t in cited_terms for t in own) / len(own)
        if share < min_support:
            return f"{share:.0%} of its words are in them"
    joined = " ".join(cited_texts)
    plain_numbers = {n.replace(",", "") for n in _NUMBER.findall(joined)}
    for number in _NUMBER.findall(sentence):
        if number.replace(",", "") not in plain_numbers:
            return f"the number {number} is not in them"
    for name in names_in(sentence):
        if any(not mentioned(t, cited_terms) for t in terms(name) if len(t) >= 3):
            return f"the name {name} is not in them"
    return ""


def _best_support(sentence: str, cited: tuple[int, ...], passages: dict[int, str]) -> tuple[tuple[int, int, int], ...]:
    """For each cited passage, its sentence sharing the most content words with the claim."""
    own = set(terms(sentence))
    out = []
    for n in cited:
        text = passages[n]
        spans = split_sentences(text)
        if not spans:
            continue
        best = max(spans, key=lambda span: (len(own & set(terms(text[span[0]:span[1]]))), -span[0]))
        out.append((n, best[0], best[1]))
    return tuple(out)


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
