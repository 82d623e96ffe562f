"""The seam between retrieval and the engines that hold the vectors: what the retriever asks of an
index version's store, and the embedded implementation (FAISS + bm25s, in the version folder).
`index/qdrant_store.py` implements the same on Qdrant.

Rows are a version's chunk numbers (the version folder keeps each row's text, article, offsets and
neighbours); a store answers with rows, so everything after candidate search is the same code
whichever store holds the vectors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from index.articles import Article
from index.lexical import Bm25Index, bm25_scores
from index.vectors import FaissStore, vectors_of


@dataclass(frozen=True)
class Filters:
    """Which chunks may be returned: by source, publication date (ISO, inclusive), article."""

    sources: frozenset[str] = frozenset()
    published_from: str | None = None
    published_to: str | None = None
    exclude_articles: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.sources or self.published_from or self.published_to or self.exclude_articles)


@dataclass
class Candidates:
    """Dense and lexical candidates, each best first. `lexical_of(rows)` gives the BM25 score of
    any rows (0 where the store cannot tell); `max_lexical` normalises BM25 in re-scoring."""

    dense_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    dense_scores: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    lexical_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    lexical_scores: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    lexical_of: Callable[[np.ndarray], np.ndarray] | None = None  # None: no lexical search was asked
    max_lexical: float = 1.0
    timings_ms: dict[str, float] = field(default_factory=dict)


class ChunkSearch(Protocol):
    name: str  # "faiss" or "qdrant": the manifest's vector_store

    def __len__(self) -> int: ...

    def candidates(self, query_vector: np.ndarray | None, query: str, n: int, filters: Filters,
                   *, lexical: bool = True) -> Candidates:
        """Up to n dense (when query_vector is given) and n lexical candidates within the filters."""
        ...

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of some rows (to score candidates only one search returned)."""
        ...

    def all_vectors(self) -> np.ndarray:
        """Every row's vector, in row order (a build re-uses them instead of re-embedding)."""
        ...


class FaissBm25Search:
    """FAISS for dense search, bm25s for lexical, both files in the version folder; filters become
    a boolean mask over rows."""

    name = "faiss"

    def __init__(self, vectors: FaissStore, bm25: Bm25Index, articles: list[Article],
                 chunk_article_rows: np.ndarray) -> None:
        self.store = vectors
        self.bm25 = bm25
        self.articles = articles
        self.chunk_article_rows = chunk_article_rows

    def __len__(self) -> int:
        return len(self.store)

    def candidates(self, query_vector: np.ndarray | None, query: str, n: int, filters: Filters,
                   *, lexical: bool = True) -> Candidates:
        import time

        mask = self.mask(filters)
        out = Candidates()
        clock = time.perf_counter()
        if query_vector is not None:
            out.dense_rows, out.dense_scores = self.store.search(query_vector, n, mask)
            out.timings_ms["dense"] = (time.perf_counter() - clock) * 1000
        clock = time.perf_counter()
        if lexical:
            scores = bm25_scores(self.bm25, query)
            out.lexical_rows, out.lexical_scores = self.bm25.top(scores, n, mask)
            out.lexical_of = lambda rows: scores[rows]
            out.max_lexical = float(scores.max()) if scores.size and scores.max() > 0 else 1.0
        out.timings_ms["bm25"] = (time.perf_counter() - clock) * 1000
        return out

    def mask(self, filters: Filters) -> np.ndarray | None:
        """Allowed rows, or None when every row is allowed (or none would be: a filter that matches
        nothing is ignored rather than answering from nothing)."""
        if not filters:
            return None
        allowed = np.ones(len(self.articles), dtype=bool)
        if filters.sources:
            allowed &= np.array([a.source in filters.sources for a in self.articles])
        if filters.published_from or filters.published_to:
            low, high = filters.published_from or "", filters.published_to or "9999"
            allowed &= np.array([bool(a.published) and low <= a.published[:10] <= high for a in self.articles])
        if filters.exclude_articles:
            allowed &= np.array([a.id not in filters.exclude_articles for a in self.articles])
        if allowed.all() or not allowed.any():
            return None
        return allowed[self.chunk_article_rows]

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        return vectors_of(self.store, rows)

    def all_vectors(self) -> np.ndarray:
        return self.store.all_vectors()
