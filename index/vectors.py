"""Vector storage behind one small interface; FAISS is the embedded default.

A distributed vector database can stand in by implementing `VectorStore` (add, search, all_vectors,
save, load): nothing else in newsbot touches FAISS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import faiss
import numpy as np

FAISS_FILE = "vectors.faiss"



class VectorStore(Protocol):
    dim: int

    def __len__(self) -> int: ...
    def add(self, vectors: np.ndarray) -> None: ...
    def search(self, query: np.ndarray, k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]: ...
    def all_vectors(self) -> np.ndarray: ...
    def save(self, folder: Path) -> None: ...


class FaissStore:
    """Inner-product FAISS index over L2-normalised vectors (so scores are cosines)."""

    def __init__(self, index: faiss.Index) -> None:
        self._index = index
        self.dim = index.d
        self._flat: np.ndarray | None = None  # a numpy view of an exact index's vectors, no copy

    def _flat_view(self) -> np.ndarray | None:
        """For an exact (Flat) index: its vectors as a numpy array sharing FAISS's memory. On large
        indexes one query is then a BLAS matrix-vector product, faster than FAISS's single-query
        search; below 200k rows FAISS on one thread is as fast and never contends with torch."""
        if self._flat is None and isinstance(self._index, faiss.IndexFlat) and len(self):
            self._flat = faiss.rev_swig_ptr(self._index.get_xb(), len(self) * self.dim).reshape(len(self), self.dim)
        return self._flat

    @classmethod
    def create(cls, dim: int, factory: str = "Flat") -> "FaissStore":
        return cls(faiss.index_factory(dim, factory, faiss.METRIC_INNER_PRODUCT))

    @classmethod
    def load(cls, folder: Path) -> "FaissStore":
        path = str(Path(folder) / FAISS_FILE)
        try:
            index = faiss.read_index(path, faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
        except RuntimeError:  # not every index type maps; read it whole
            index = faiss.read_index(path)
        return cls(index)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, vectors: np.ndarray) -> None:
        if len(vectors):
            vectors = np.ascontiguousarray(vectors, dtype=np.float32)
            if not self._index.is_trained:  # IVF-style factories learn from the first vectors
                self._index.train(vectors)
            self._index.add(vectors)
            self._flat = None  # the storage may have moved

    def search(self, query: np.ndarray, k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Rows and cosine scores of the k nearest vectors to one query (mask: allowed rows)."""
        k = min(k, len(self))
        if k == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        flat = self._flat_view() if len(self) >= 200_000 else None
        if flat is not None:
            scores = flat @ np.asarray(query, dtype=np.float32).reshape(-1)
            if mask is not None:
                if not mask.any():
                    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
                scores = np.where(mask, scores, -np.inf)
                k = min(k, int(mask.sum()))
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top], kind="stable")]
            return top.astype(np.int64), scores[top].astype(np.float32)
        query = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        params = None
        if mask is not None:
            allowed = np.flatnonzero(mask).astype(np.int64)
            if allowed.size == 0:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed))
        # one query on a small index: a single thread avoids OpenMP contention with torch's pool
        faiss.omp_set_num_threads(1 if len(self) < 200_000 else 2)
        scores, rows = self._index.search(query, k, params=params)
        keep = rows[0] >= 0
        return rows[0][keep].astype(np.int64), scores[0][keep]

    def all_vectors(self) -> np.ndarray:
        if len(self) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._index.reconstruct_n(0, len(self))

    def save(self, folder: Path) -> None:
        faiss.write_index(self._index, str(Path(folder) / FAISS_FILE))


def vectors_of(store: FaissStore, rows: np.ndarray) -> np.ndarray:
    """The stored vectors of some rows (for re-scoring candidates the dense search did not return)."""
    if len(rows) == 0:
        return np.zeros((0, store.dim), dtype=np.float32)
    flat = store._flat_view()
    if flat is not None:
        return flat[np.asarray(rows, dtype=np.int64)]
    return store._index.reconstruct_batch(np.asarray(rows, dtype=np.int64))
