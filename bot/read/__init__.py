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
