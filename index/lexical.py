"""BM25 over chunks (bm25s), and the tokenizer the rest of newsbot shares for lexical evidence."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import re

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN


@lru_cache(maxsize=1)
def _stemmer():
    try:
        import Stemmer

        return Stemmer.Stemmer("english")
    except ImportError:  # PyStemmer is optional: bm25s works without stemming
        return None


_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's default token pattern
_STOPWORDS = frozenset(STOPWORDS_EN)


@lru_cache(maxsize=500_000)
def _stem(word: str) -> str:
    stemmer = _stemmer()
    return stemmer.stemWord(word) if stemmer is not None else word


def terms(text: str) -> list[str]:
    """Lowercased, stop-words removed, stemmed terms: the same tokens bm25s indexes, but with a
    cached stemmer, so re-scoring a query's candidates costs microseconds per chunk."""
    return [_stem(w) for w in _TOKEN.findall(text.lower()) if w not in _STOPWORDS]


def tokenize(texts: list[str]) -> list[list[str]]:
    return [terms(t) for t in texts]


class Bm25Index:
    def __init__(self, model: bm25s.BM25, size: int) -> None:
        self._model = model
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> "Bm25Index":
        model = bm25s.BM25()
        model.index(bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False),
                    show_progress=False)
        return cls(model, len(texts))

    def save(self, folder: Path) -> None:
        self._model.save(str(folder))

    @classmethod
    def load(cls, folder: Path, size: int) -> "Bm25Index":
        return cls(bm25s.BM25.load(str(folder), mmap=True), size)

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Row ids and scores of the best k chunks with a positive score (mask: allowed rows)."""
        return self.top(bm25_scores(self, query), k, mask)

    def top(self, scores: np.ndarray, k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        if self.size == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, scores.shape[0])
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        top = top[scores[top] > 0]
        return top.astype(np.int64), scores[top].astype(np.float32)


def bm25_scores(index: Bm25Index, query: str) -> np.ndarray:
    """BM25 score of every chunk for the query (zeros when no query term is known)."""
    query_terms = [t for t in terms(query) if t in index._model.vocab_dict]
    if not query_terms:
        return np.zeros(index.size, dtype=np.float32)
    return index._model.get_scores(query_terms)
