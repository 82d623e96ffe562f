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
from bot.text import clip
from index.lexical import terms
from index.sentences import split_sentences

NOTE_CHARS = 120  # a dropped sentence as quoted in the notes
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


@dataclass(frozen=True)
class SupportRule:
    """When a claim counts as supported: enough of its words in the cited passages, and either
    enough of them in one window of one or two sentences or (with an embedder) a window whose
    meaning is close. Numbers and names are checked separately, always."""

    # chosen with `python -m bench.verify_rules` on 23 hand-labelled claims the model wrote for January
    # questions (bench/verify_labels.tsv): 60% of the words in the passages alone kept 21, precision
    # 0.62; a window at 70% and figures in the windows kept 14, precision 0.93, every supported one
    # kept. A cosine to the windows (0.7 or 0.8) changed no decision there, so it is off by default.
    min_passage_share: float = 0.6
    min_window_share: float = 0.7
    min_similarity: float = 1.01  # above any cosine: off unless set
    numbers_near: bool = True  # figures must be in the best windows, not anywhere in the passage

    def accepts(self, s: Support) -> bool:
        return s.passage_share >= self.min_passage_share and (
            s.window_share >= self.min_window_share
            or (s.similarity is not None and s.similarity >= self.min_similarity))

    def reason(self, s: Support) -> str:
        if s.passage_share < self.min_passage_share:
            return f"{s.passage_share:.0%} of its words are in them"
        close = f", meaning similarity {s.similarity:.2f}" if s.similarity is not None else ""
        return f"no sentence of them restates it ({s.window_share:.0%} of its words at best{close})"


@dataclass(frozen=True)
class Claim:
    """One sentence of generated text: its words without markers, the passages it cites, and the
    citation numbers it gave that name no passage."""

    text: str
    cited: tuple[int, ...]
    invented: tuple[int, ...]


def claims(generated: str, passages) -> list[Claim]:
    """The generated text's sentences with their citations (`passages`: the valid numbers)."""
    out = []
    text = " ".join(generated.split())
    for start, end in _sentences(text):
        sentence = text[start:end]
        numbers = [int(n) for group in _MARKER.findall(sentence) for n in re.split(r"\s*,\s*", group)]
        bare = " ".join(_MARKER.sub("", sentence).split()).replace(" .", ".").replace(" ,", ",")
        if not bare.strip(" .") or not re.search(r"\w", bare):
            continue
        out.append(Claim(bare, tuple(dict.fromkeys(n for n in numbers if n in passages)),
                         tuple(sorted({n for n in numbers if n not in passages}))))
    return out


def verify(generated: str, passages: dict[int, str], rule: SupportRule = SupportRule(),
           similarity=None) -> Verdict:
    """`passages`: the text of each passage by its number in the prompt; `similarity(text, others)`:
    cosines of a text to others (the embedding model), optional."""
    notes: list[str] = []
    kept: list[Checked] = []
    dropped = 0
    text = " ".join(generated.split())
    if not text or says_cannot_answer(text) and not _MARKER.search(text):
        return Verdict((), ("the model said the passages do not answer the question",) if text else
                       ("the model returned no text",), 0, True)
    for claim in claims(text, passages):
        bare, cited = claim.text, claim.cited
        if claim.invented:
            notes.append(f"removed citation {', '.join(f'[{n}]' for n in claim.invented)}: no such passage")
        if not cited:
            dropped += 1
            notes.append(f"dropped a sentence citing no passage: “{clip(bare, NOTE_CHARS)}”")
            continue
        problem, support = check(bare, cited, passages, rule, similarity)
        if problem:
            dropped += 1
            notes.append(f"dropped a sentence its passages do not support ({problem}): “{clip(bare, NOTE_CHARS)}”")
            continue
        kept.append(Checked(bare, cited, support.windows))
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


@dataclass(frozen=True)
class Support:
    """How well a claim's cited passages support it."""

    passage_share: float  # share of the claim's content words anywhere in the cited passages
    window_share: float  # … in the best window (one sentence, or two adjacent ones) of a cited passage
    similarity: float | None  # cosine of the claim to that window's text (None: no embedder given)
    windows: tuple[tuple[int, int, int], ...]  # (passage number, start, end) of the best window per passage
    near: str = ""  # the text of those windows: where the claim's figures should be
    words: frozenset[str] = frozenset()  # every content word of the cited passages (where names must be)


def support_of(claim: str, cited: tuple[int, ...], passages: dict[int, str], similarity=None) -> Support:
    """The claim's support in the passages it cites: word overlap with the passages and with their
    best one- or two-sentence window, and (with `similarity(text, others) -> cosines`) the claim's
    embedding similarity to the best windows. A window, not the whole passage, is what a claim
    should restate: a long passage holds most common words somewhere."""
    own = list(dict.fromkeys(terms(claim)))
    own_set = set(own)
    union: set[str] = set()
    scored: list[tuple[float, int, int, int, str]] = []  # (share, passage, start, end, text)
    for n in cited:
        text = passages[n]
        spans = split_sentences(text) or [(0, len(text))]
        words = [set(terms(text[a:b])) for a, b in spans]
        union.update(*words)
        for i, (a, b) in enumerate(spans):
            for j in (i, i + 1):
                if j >= len(spans):
                    continue
                covered = words[i] | words[j]
                share = len(own_set & covered) / len(own_set) if own_set else 1.0
                scored.append((share, n, a, spans[j][1], text[a:spans[j][1]]))
    passage_share = sum(t in union for t in own) / len(own) if own else 1.0
    if not scored:
        return Support(passage_share, 0.0, None, (), "", frozenset(union))
    scored.sort(key=lambda w: (-w[0], w[2] - w[3]))  # best share first; the shorter window on a tie
    best: dict[int, tuple[int, int, int]] = {}
    for share, n, a, b, _ in scored:
        best.setdefault(n, (n, a, b))
    cosine = None
    if similarity is not None:
        top = scored[:3]
        cosine = max(similarity(claim, [w[4] for w in top]))
    windows = tuple(best[n] for n in cited if n in best)
    return Support(passage_share, scored[0][0], cosine, windows, " ".join(passages[n][a:b] for n, a, b in windows),
                   frozenset(union))


def check(claim: str, cited: tuple[int, ...], passages: dict[int, str], rule: SupportRule = SupportRule(),
          similarity=None) -> tuple[str, Support]:
    """Why the cited passages do not support the claim ("" when they do), and the support found."""
    support = support_of(claim, cited, passages, similarity)
    if not rule.accepts(support):
        return rule.reason(support), support
    # figures must be where the claim is restated (a year elsewhere in the article does not count)
    where = support.near if rule.numbers_near else " ".join(passages[n] for n in cited)
    plain_numbers = {n.replace(",", "") for n in _NUMBER.findall(where)}
    for number in _NUMBER.findall(claim):
        if number.replace(",", "") not in plain_numbers:
            where_said = "next to what it restates" if rule.numbers_near else "in them"
            return f"the number {number} is not {where_said}", support
    for name in names_in(claim):
        if any(not mentioned(t, support.words) for t in terms(name) if len(t) >= 3):
            return f"the name {name} is not in them", support
    return "", support


def embedding_similarity(embedder):
    """`similarity(text, others)` from an embedder of L2-normalised vectors: cosines of text to each."""
    def similarity(text: str, others: list[str]) -> list[float]:
        vectors = embedder.embed([text, *others])
        return (vectors[1:] @ vectors[0]).tolist()

    return similarity


