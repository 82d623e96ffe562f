"""BM25 over chunks (bm25s), and the tokenizer the rest of newsbot shares for lexical evidence."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import re
import unicodedata

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN
from bm25s.tokenization import Tokenized

from index.files import mapped


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



class Bm25Index:
    """bm25s over chunk texts, keeping each chunk's term ids so an update tokenizes only new text."""

    def __init__(self, model: bm25s.BM25, size: int, term_ids: np.ndarray, term_offsets: np.ndarray) -> None:
        self._model = model
        self.size = size
        self._term_ids = term_ids
        self._term_offsets = term_offsets
        self._accented: dict[str, list[str]] | None = None  # made on first use (`accented`)

    @classmethod
    def build(cls, texts: list[str], reused: dict[int, np.ndarray] | None = None,
              vocab: dict[str, int] | None = None) -> "Bm25Index":
        """Index texts; `reused[i]` holds text i's term ids in `vocab` (from a previous version),
        so it is not tokenized again. Terms no chunk uses any more stay in the vocabulary, unused."""
        vocab = dict(vocab or {})
        ids: list[np.ndarray] = []
        for i, text in enumerate(texts):
            if reused is not None and i in reused:
                ids.append(np.asarray(reused[i], dtype=np.int32))
            else:
                ids.append(np.array([vocab.setdefault(t, len(vocab)) for t in terms(text)], dtype=np.int32))
        offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum([len(x) for x in ids], out=offsets[1:])
        flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32)
        model = bm25s.BM25()
        if offsets[-1] == 0:  # nothing to score: let bm25s set up its empty state
            model.index(Tokenized(ids=[x.tolist() for x in ids], vocab=vocab), show_progress=False)
        else:
            model.scores = score_matrix(flat, offsets, len(vocab), model.k1, model.b)
            model.vocab_dict = vocab
            model.unique_token_ids_set = set(vocab.values())
            model.nonoccurrence_array = None
        return cls(model, len(texts), flat, offsets)

    @property
    def vocab(self) -> dict[str, int]:
        return self._model.vocab_dict

    def doc_freq(self, ids: list[int]) -> np.ndarray:
        """How many chunks hold each term id (0 for an id < 0: a term in no chunk)."""
        indptr = self._model.scores["indptr"]
        return np.array([indptr[i + 1] - indptr[i] if 0 <= i < len(indptr) - 1 else 0 for i in ids], dtype=np.float64)

    def idf(self, ids: list[int]) -> np.ndarray:
        """BM25's idf of each term id (a term in no chunk, id < 0, gets the idf of one that is in none)."""
        df = self.doc_freq(ids)
        return np.log1p((self.size - df + 0.5) / (df + 0.5))

    def tf_weights(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every chunk's BM25 term weights without the idf, with this index's k1 and b (tf_weights)."""
        return tf_weights(self._term_ids, self._term_offsets, max(len(self.vocab), 1), self._model.k1, self._model.b)

    def term_ids(self, row: int) -> np.ndarray:
        return self._term_ids[self._term_offsets[row] : self._term_offsets[row + 1]]

    def save(self, folder: Path) -> None:
        self._model.save(str(folder))
        np.save(Path(folder) / "chunk_terms.npy", self._term_ids)
        np.save(Path(folder) / "chunk_terms_offsets.npy", self._term_offsets)

    @classmethod
    def load(cls, folder: Path, size: int) -> "Bm25Index":
        folder = Path(folder)
        return cls(bm25s.BM25.load(str(folder), mmap=True), size,
                   mapped(folder / "chunk_terms.npy"), mapped(folder / "chunk_terms_offsets.npy"))

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


def tf_weights(flat_ids: np.ndarray, offsets: np.ndarray, n_vocab: int, k1: float,
               b: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(chunk, term, weight) of each distinct term of each chunk, sorted by chunk then term: BM25's
    saturated, length-normalised term frequency tf / (tf + k1·(1 - b + b·len/avglen)), without the
    idf (bm25s multiplies it in below; Qdrant's IDF modifier applies it in the engine)."""
    lengths = np.diff(offsets)
    docs = np.repeat(np.arange(len(offsets) - 1, dtype=np.int64), lengths)
    pairs, tf = np.unique(docs * n_vocab + flat_ids.astype(np.int64), return_counts=True)
    doc, term = pairs // n_vocab, pairs % n_vocab
    norm = (k1 * ((1 - b) + b * lengths / (lengths.mean() if len(lengths) else 1.0))).astype(np.float32)
    tf = tf.astype(np.float32)
    return doc, term, tf / (norm[doc] + tf)


def score_matrix(flat_ids: np.ndarray, offsets: np.ndarray, n_vocab: int, k1: float, b: float) -> dict:
    """bm25s's score matrix (Lucene BM25: term × chunk, CSC by term) computed in a few numpy passes
    from the stored term ids. bm25s builds the same matrix with a Python loop per chunk: at 27k
    chunks the whole build took 2.5 s that way and 1.1 s this way, and every update rebuilds it
    (equality is tested)."""
    n_docs = len(offsets) - 1
    doc, term, weight = tf_weights(flat_ids, offsets, n_vocab, k1, b)
    df = np.bincount(term, minlength=n_vocab)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    scores = idf[term] * weight
    order = np.argsort(term, kind="stable")  # pairs come sorted by chunk: stable keeps chunks in order
    indptr = np.zeros(n_vocab + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    return {"data": scores[order].astype(np.float32), "indices": doc[order].astype(np.int32),
            "indptr": indptr, "num_docs": n_docs}


def bm25_scores(index: Bm25Index, query: str) -> np.ndarray:
    """BM25 score of every chunk for the query (zeros when no query term is known). A term typed
    without the accents the articles write ("Brasilia", "Pele") matches their spelling."""
    vocab = index._model.vocab_dict
    query_terms = []
    for t in terms(query):
        query_terms += ([t] if t in vocab else []) + accented(index).get(t, [])
    if not query_terms:
        return np.zeros(index.size, dtype=np.float32)
    return index._model.get_scores(query_terms)


def fold(word: str) -> str:
    """The word without accents: "brasília" → "brasilia"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def accented(index: Bm25Index) -> dict[str, list[str]]:
    """The index's accented terms by their plain spelling ("pele" → ["pelé"]), made on the first
    query (401 of the 50,838 terms of the RealTime QA index)."""
    if index._accented is None:
        table: dict[str, list[str]] = {}
        for word in index._model.vocab_dict:
            if not word.isascii() and (plain := fold(word)) != word:
                table.setdefault(plain, []).append(word)
        index._accented = table
    return index._accented
