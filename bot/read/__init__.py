"""Reading: which candidate sentences answer the question, and which words are the answer.

`SentenceReader` is the seam: `read(question, candidates, spans) -> [Reading]`, one batched call
over the (sentence, context) pairs of the passages read (the context: the sentence's article title),
with the answer span of the `spans` most relevant. The trained sentence and span readers
(`bot.read.model.ModelReader`, int8 ONNX shipped in bot/read/weights/ with their card) are one
implementation; `answer.reader = "rules"` keeps the hand-tuned sentence features instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Reading:
    """What the reader made of one candidate sentence."""

    relevance: float  # calibrated: P(this sentence answers the question), comparable across passages
    answers: bool  # relevance at or above the card's threshold ("no sentence here answers" below it)
    span: tuple[int, int] | None  # the answer's character offsets inside the sentence
    span_score: float = 0.0  # start + end logits of that span (higher is surer)


class SentenceReader(Protocol):
    name: str
    threshold: float  # the relevance below which a sentence does not answer ("answers" False)

    def read(self, question: str, candidates: list[tuple[str, str]], spans: int = 1) -> list[Reading]:
        """One Reading per (sentence, context) candidate, in the same order; the answer span of the
        `spans` most relevant (a reader without spans leaves every span None)."""
        ...


# The answer is chosen over the sentences whose span was read, by relevance + SPAN_WEIGHT × the
# span's start + end logits: a sure span in the second most relevant sentence beats a vague one in
# the first. Chosen on 1,500 answerable questions of SQuAD 2.0 dev's calibration half (seeded; F1
# 0.696 with the first sentence alone; 0.726 / 0.732 / 0.730 at 0.02 / 0.03 / 0.05 over three
# sentences; 0.725 / 0.726 over two), never on SQuAD dev-v1.1 or news.
SPAN_WEIGHT = 0.03


def answer_score(reading: Reading) -> float:
    """How sure the reader is that this sentence holds the answer and its span is it."""
    return reading.relevance + (SPAN_WEIGHT * reading.span_score if reading.span is not None else 0.0)


def best_reading(readings: list[Reading]) -> int:
    """The index of the reading the answer comes from: the best `answer_score` among those with a
    span (the most relevant when none has one)."""
    with_span = [i for i, r in enumerate(readings) if r.span is not None]
    pool = with_span or range(len(readings))
    return max(pool, key=lambda i: (answer_score(readings[i]), -i))
