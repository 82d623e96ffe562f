"""Result types shared by the CLI, Slack and the evaluation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from index.articles import Article


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the scores that ranked it."""

    chunk_id: str
    article: Article
    text: str
    start: int
    end: int
    score: float  # final score after re-scoring
    dense: float = 0.0  # cosine similarity with the question
    bm25: float = 0.0
    row: int = -1
    # where the chunk that matched sits in `text` (text may carry neighbouring chunks as context)
    match_start: int = 0
    match_end: int | None = None
    # the chunks `text` is made of: (row, where the chunk's text starts in `text`), in text order
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def matched(self) -> str:
        return self.text[self.match_start : self.match_end]

    def to_dict(self) -> dict:
        return {
            "chunk_id": self.chunk_id, "article_id": self.article.id, "title": self.article.title,
            "source": self.article.source, "published": self.article.published, "url": self.article.url,
            "path": self.article.path, "text": self.text,
            "matched": [self.match_start, len(self.text) if self.match_end is None else self.match_end],
            "score": round(self.score, 4),
            "dense": round(self.dense, 4), "bm25": round(self.bm25, 4),
        }


@dataclass(frozen=True)
class Citation:
    n: int
    article_id: str
    title: str
    source: str
    published: str | None
    url: str
    path: str
    quote: str  # the supporting sentence(s), verbatim
    passage: str  # the passage the quote sits in
    highlights: tuple[tuple[int, int], ...] = ()  # quote offsets inside passage

    def to_dict(self) -> dict:
        data = asdict(self)
        data["highlights"] = [list(h) for h in self.highlights]
        return data


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    found: bool
    citations: tuple[Citation, ...] = ()
    passages: tuple[Passage, ...] = ()
    query: str = ""  # the retrieval query after follow-up resolution
    index_version: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "query": self.query,
            "index_version": self.index_version,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }
