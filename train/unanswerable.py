"""Unanswerable training questions made from answerable ones (seeded by the caller).

SQuAD v1.1 train holds only questions its paragraph answers, so a reader trained on it learns which
sentence answers best, not whether any does: on SQuAD 2.0's unanswerable questions its best
relevance separates them barely better than chance (ROC AUC 0.55), and on news it answers events
that never happened with a sentence about the same people. Here a question is changed so that its
paragraph no longer answers it, and all its candidates become negatives:

- `name`: a name, date or number of the question is swapped for one of the same kind (spaCy's
  entity label) from another article's question: "When did Beyoncé leave Destiny's Child?" ->
  "When did Rihanna leave Destiny's Child?";
- `word`: a noun, verb or adjective the question shares with its answer sentence (what the event is:
  "leave", "sacked", "cancelled") is swapped for another question's word of the same part of speech:
  the people stay, the event is not there — the look-alike answers of the reading issue.

The replacement never occurs in the paragraph, so no other sentence of it answers the changed
question (a synonym could still slip through: rare with words drawn from other articles)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from index.lexical import terms

KINDS = ("name", "word")
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW",
                    "LANGUAGE", "DATE", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
TAGS = frozenset({"NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS"})


@dataclass(frozen=True, slots=True)
class Parts:
    """What of a question can be swapped: (text, character offset, kind) of its entities (kind: the
    entity label) and content words (kind: the fine part-of-speech tag)."""

    names: tuple[tuple[str, int, str], ...]
    words: tuple[tuple[str, int, str], ...]


def parse(questions: Sequence[str], nlp) -> list[Parts]:
    """Each question's swappable parts, with a spaCy pipeline (tagger and entity recogniser)."""
    out = []
    for doc in nlp.pipe(questions, batch_size=256):
        names = tuple((e.text, e.start_char, e.label_) for e in doc.ents if e.label_ in LABELS)
        inside = {i for e in doc.ents for i in range(e.start, e.end)}
        words = tuple((t.text, t.idx, t.tag_) for t in doc
                      if t.tag_ in TAGS and not t.is_stop and t.is_alpha and len(t.text) > 2 and t.i not in inside)
        out.append(Parts(names, words))
    return out


def donor_pools(parts: Sequence[Parts]) -> dict[tuple[str, str], list[str]]:
    """Every entity by label and word by tag of the donor questions: {("name", label): [...], ("word", tag): [...]}."""
    pools: dict[tuple[str, str], list[str]] = {}
    for p in parts:
        for text, _, label in p.names:
            pools.setdefault(("name", label), []).append(text)
        for text, _, tag in p.words:
            pools.setdefault(("word", tag), []).append(text)
    return pools


def swap(question: str, parts: Parts, answer_sentence: str, paragraph: Sequence[str],
         pools: dict[tuple[str, str], list[str]], rng: random.Random, kind: str) -> str | None:
    """The question with one of its entities (`kind` "name": one the paragraph holds) or content words
    ("word": one its answer sentence holds) replaced by a donor of the same label or tag that the
    paragraph does not hold; None when there is nothing to swap."""
    text = " ".join(paragraph)
    if kind == "name":
        own = [p for p in parts.names if p[0].lower() in text.lower()]
    else:
        shared = set(terms(answer_sentence))
        own = [p for p in parts.words if set(terms(p[0])) & shared]
    if not own:
        return None
    target, at, label = rng.choice(own)
    donor = _donor(target, pools.get((kind, label)), text, rng)
    if donor is None:
        return None
    if kind == "word":  # a donor that began its question is written as the target is
        donor = (str.upper if target[0].isupper() else str.lower)(donor[0]) + donor[1:]
        return question[:at] + donor + question[at + len(target):]
    return _replaced(question, at, target, donor)


def look_alike(sentence: str, parts: Parts, paragraph: Sequence[str], pools: dict[tuple[str, str], list[str]],
               rng: random.Random) -> str | None:
    """The answer sentence with one of the question's names it holds (as written) replaced by a donor
    name of the same label that the paragraph does not hold: a sentence about another place, firm,
    side or year, which must rank below the answer (`train.reader.with_look_alikes`); None when the
    sentence holds none of the question's names."""
    own = [p for p in parts.names if p[0] in sentence]
    if not own:
        return None
    target, _, label = rng.choice(own)
    donor = _donor(target, pools.get(("name", label)), " ".join(paragraph), rng)
    return None if donor is None else _replaced(sentence, sentence.find(target), target, donor)


def _donor(target: str, pool: list[str] | None, paragraph: str, rng: random.Random) -> str | None:
    """A donor of `pool` other than `target` that the paragraph holds in no form (so nothing in it
    answers the changed text), in at most 8 draws: most donors are absent at the first."""
    held_terms, held = set(terms(paragraph)), paragraph.lower()
    for _ in range(8 if pool else 0):
        donor = rng.choice(pool)
        if donor.lower() != target.lower() and donor.lower() not in held and not set(terms(donor)) & held_terms:
            return donor
    return None


def _replaced(text: str, at: int, target: str, donor: str) -> str:
    """`text` with the name `target` (at `at`) replaced by `donor`, keeping one "the"."""
    if donor.lower().startswith("the ") and text[:at].lower().endswith("the "):
        donor = donor[4:]
    return text[:at] + donor + text[at + len(target):]
