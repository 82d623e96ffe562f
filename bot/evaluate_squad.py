"""`newsbot eval squad`: the reader on SQuAD (v1.1 dev, or 2.0 dev for "no answer"), read from
../shared/data/squad. For each question the reader scores every sentence of its paragraph (with
the article title as context, as in answering) and reads the span of the three most relevant; the
answer's sentence (`bot.read.best_reading`: relevance and the span's surety together, as in
answering) is right when it holds a gold answer, and its span is scored by exact match and F1. SQuAD 2.0 adds the unanswerable questions:
the paragraph is declined when no sentence reaches the reader's threshold. Its articles are split in
two by title (sorted, alternating): the first half calibrated the threshold (train/card.py), only
the second half is reported.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from bot.read import Reading, SentenceReader, best_reading
from index.lexical import terms
from bot.read.metrics import exact, f1, prf
from bot.read.squad import Example, context_of, examples, read_squad


class OverlapReader:
    """The baseline any reader must beat: a sentence's share of the question's words (stemmed, no
    stop words), earlier sentences first on ties; it declines below half and gives no span."""

    name = "overlap"
    threshold = 0.5

    def read(self, question: str, candidates: list[tuple[str, str]], spans: int = 0) -> list[Reading]:
        wanted = set(terms(question))
        out = []
        for i, (sentence, _) in enumerate(candidates):
            share = len(wanted & set(terms(sentence))) / max(1, len(wanted)) - i * 1e-6
            out.append(Reading(share, share >= self.threshold, None))
        return out


class CosineReader:
    """The second baseline: the packaged MiniLM's own cosine between the question and each sentence
    (it was trained on question-answer pairs among others). Declines below 0.5 (not tuned) and gives
    no span. `embedder` is any `index.embedder.Embedder` (unit vectors)."""

    name = "cosine"
    threshold = 0.5

    def __init__(self, embedder) -> None:
        self.embedder = embedder

    def read(self, question: str, candidates: list[tuple[str, str]], spans: int = 0) -> list[Reading]:
        if not candidates:
            return []
        vectors = self.embedder.embed([question, *(s for s, _ in candidates)])
        scores = vectors[1:] @ vectors[0]
        return [Reading(float(c) - i * 1e-6, float(c) >= self.threshold, None) for i, c in enumerate(scores)]


def calibration_titles(data: list[Example]) -> tuple[set[str], set[str]]:
    """(calibration, held-out) article titles of a SQuAD 2.0 file: sorted, alternating."""
    titles = sorted({ex.title for ex in data})
    return set(titles[0::2]), set(titles[1::2])


def read_paragraph(reader: SentenceReader, ex: Example):
    """The readings of every sentence of the example's paragraph."""
    pairs = [(s, context_of(ex)) for s in ex.sentences]
    return reader.read(ex.question, pairs)


def run_squad(path: Path, reader: SentenceReader, limit: int | None = None, progress=None) -> dict:
    started = time.perf_counter()
    data = examples(read_squad(path))
    two = any(ex.answer_sentence is None for ex in data)
    if two:
        _, held = calibration_titles(data)
        data = [ex for ex in data if ex.title in held]
    if limit is not None and limit < len(data):
        data = random.Random(0).sample(data, limit)  # seeded: the same questions every run
    answerable = [ex for ex in data if ex.answer_sentence is not None]
    right = em = score = 0.0
    tp = fp = fn = 0
    if progress is not None:
        progress.begin(len(data))
    for ex in data:
        readings = read_paragraph(reader, ex)
        declined = not any(r.answers for r in readings)
        top = best_reading(readings)
        if ex.answer_sentence is None:
            tp += declined
            fn += not declined
        else:
            fp += declined
            right += top in ex.answers_in
            span = readings[top].span
            text = ex.sentences[top][span[0]: span[1]] if span else ""
            em += exact(text, ex.answers)
            score += f1(text, ex.answers)
        if progress is not None:
            progress.advance(1)
    if progress is not None:
        progress.end()
    n = max(1, len(answerable))
    out = {"questions": len(data), "sentence_top1": round(right / n, 4), "exact_match": round(em / n, 4),
           "f1": round(score / n, 4), "seconds": round(time.perf_counter() - started, 1),
           "reader": reader.name, "data": str(path)}
    if two:
        out["no_answer"] = {**prf(tp, fp, fn), "unanswerable": tp + fn, "answerable": len(answerable),
                            "split": "held-out half of the articles (the other half calibrated the threshold)"}
    return out
