"""The seam in front of answer composition: retrieved passages in, an `Answer` out.

`Composer.compose` returns the finished answer; `Composer.stream` yields the answer's text as it is
written and then the finished `Answer` (last), so the CLI and Slack can show text early. The
extractive composer (quoted sentences, the default) is one implementation; a generative one
(an LLM writing cited sentences, checked afterwards) is another.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from bot.answer import compose
from bot.retrieve import Retrieval
from bot.settings import AnswerSettings
from bot.types import Answer


class Composer(Protocol):
    mode: str

    def compose(self, question: str, retrieval: Retrieval, *, query: str = "", focus: str | None = None,
                history: Sequence[tuple[str, str]] = ()) -> Answer:
        """The answer to `question` from `retrieval` (`query`: the retrieval query after follow-up
        resolution; `focus`: the person a follow-up's pronoun stands for; `history`: the
        conversation's earlier (question, answer text) pairs, oldest first)."""
        ...

    def stream(self, question: str, retrieval: Retrieval, *, query: str = "",
               focus: str | None = None, history: Sequence[tuple[str, str]] = ()) -> Iterator[str | Answer]:
        """Text as it is written, then the finished `Answer`."""
        ...

    def condense(self, question: str, turns: Sequence) -> str | None:
        """A follow-up rewritten as a standalone retrieval query, or None (the conversation's own
        heuristic then carries the earlier turn's names forward)."""
        ...

    def choose(self, question: str, choices: list[str], passages: list) -> int | None:
        """The index of the choice the passages support, or None when the composer cannot tell
        (the evaluation then uses its lexical chooser)."""
        ...


class ExtractiveComposer:
    """Sentences quoted from the passages, each cited; offline, instant, never invents."""

    mode = "extractive"

    def __init__(self, settings: AnswerSettings, reader=None) -> None:
        self.settings = settings
        self.reader = reader  # a SentenceReader (answer.reader = "model", reader_judge or a span reader_short), or None

    def compose(self, question: str, retrieval: Retrieval, *, query: str = "", focus: str | None = None,
                history: Sequence[tuple[str, str]] = ()) -> Answer:
        return compose(question, query or question, retrieval, self.settings, focus=focus, reader=self.reader)

    def stream(self, question: str, retrieval: Retrieval, *, query: str = "",
               focus: str | None = None, history: Sequence[tuple[str, str]] = ()) -> Iterator[str | Answer]:
        answer = self.compose(question, retrieval, query=query, focus=focus)
        for segment in answer.segments:  # nothing is generated: the text is whole at once
            yield segment.text
        yield answer

    def condense(self, question: str, turns: Sequence) -> str | None:
        return None  # no model to rewrite with: the conversation's heuristic resolves follow-ups

    def choose(self, question: str, choices: list[str], passages: list) -> int | None:
        return None
