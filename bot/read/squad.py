"""SQuAD paragraphs as reader examples: (question, the sentences of its paragraph, which sentence
holds the answer and where). Pure functions over the official JSON layout; the files stay in
../shared/data/squad (CC BY-SA 4.0) and are read from there.

Labelling follows the data's README: `answer_start` is the *first* occurrence of the answer text,
so when the text occurs in several sentences the one sharing most words with the question is the
answer sentence, and no sentence holding the text is ever used as a negative.
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

from index.lexical import terms
from index.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Example:
    """One question over one paragraph, split into sentences."""

    id: str
    question: str
    sentences: tuple[str, ...]
    answer_sentence: int | None  # None: no sentence answers (SQuAD 2.0 unanswerable)
    answers_in: frozenset[int]  # every sentence holding some gold answer text (never a negative)
    span: tuple[int, int] | None  # the answer's character offsets inside the answer sentence
    answers: tuple[str, ...]  # the gold answer texts (for F1)
    title: str = ""


def read_squad(path: Path) -> list[dict]:
    """The `data` list of a SQuAD JSON file (gzipped or not)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)["data"]


def examples(data: list[dict]) -> list[Example]:
    """Every question: `span` is None where the splitter cut the answer in two (training skips
    those; evaluation counts them), `answer_sentence` None for an unanswerable one."""
    out: list[Example] = []
    for article in data:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            spans = split_sentences(context)
            if not spans:
                continue
            sentences = tuple(context[s:e] for s, e in spans)
            lowered = [s.lower() for s in sentences]
            for qa in paragraph["qas"]:
                answers = tuple(dict.fromkeys(a["text"] for a in qa.get("answers", [])))
                if qa.get("is_impossible") or not answers:
                    out.append(Example(qa["id"], qa["question"], sentences, None, frozenset(), None, (),
                                       article.get("title", "")))
                    continue
                holding = frozenset(i for i, s in enumerate(lowered) if any(a.lower() in s for a in answers))
                best = _answer_sentence(qa["question"], answers[0], sentences)
                if best is None:  # the splitter cut the answer in two: the sentence where it starts
                    at = qa["answers"][0].get("answer_start", 0)
                    best = next((i for i, (s, e) in enumerate(spans) if s <= at < e), None)
                    if best is None:
                        continue
                    out.append(Example(qa["id"], qa["question"], sentences, best, holding | {best}, None,
                                       answers, article.get("title", "")))
                    continue
                at = sentences[best].find(answers[0])
                out.append(Example(qa["id"], qa["question"], sentences, best, holding | {best},
                                   (at, at + len(answers[0])), answers, article.get("title", "")))
    return out


def _answer_sentence(question: str, answer: str, sentences: tuple[str, ...]) -> int | None:
    """The sentence holding the answer text that shares most words with the question (first on ties)."""
    wanted = set(terms(question))
    holding = [i for i, s in enumerate(sentences) if answer in s]
    if not holding:
        return None
    return max(holding, key=lambda i: (len(wanted & set(terms(sentences[i]))), -i))


def overlap(question: str, sentence: str) -> int:
    """Question words (stemmed, no stop words) the sentence shares: the baseline to beat."""
    return len(set(terms(question)) & set(terms(sentence)))


def context_of(example: Example) -> str:
    """What a candidate is read with: the article's title ("Super_Bowl_50" → "Super Bowl 50")."""
    return example.title.replace("_", " ")


def negatives(example: Example, others: list[str], rng: random.Random, hard: bool = False) -> list[tuple[str, str]]:
    """(sentence, context) negatives for a training group: the paragraph's other sentences in
    random order (never one holding the answer), then sentences of the article's other paragraphs
    (on topic, answering nothing). With `hard`, the sentence sharing most question words comes
    first. (Two runs with the hardest sentence as a negative learned slowly: answer sentence first
    in 46% and 48% of SQuAD dev paragraphs after ~15k pairs, where easy negatives reach ~84%.)"""
    pool = [i for i in range(len(example.sentences)) if i not in example.answers_in]
    rng.shuffle(pool)
    if hard and pool:
        best = max(pool, key=lambda i: overlap(example.question, example.sentences[i]))
        pool.remove(best)
        pool.insert(0, best)
    context = context_of(example)
    out = [(example.sentences[i], context) for i in pool]
    picks = rng.sample(others, min(len(others), 2)) if others else []
    return out + [(s, context) for s in picks]


def positive(example: Example) -> tuple[str, str]:
    """The answer sentence and its context."""
    return example.sentences[example.answer_sentence], context_of(example)
