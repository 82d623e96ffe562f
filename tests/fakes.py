"""Test doubles for mechanics only (counting calls); behaviour tests use the real model."""

from __future__ import annotations

import hashlib
import threading

import numpy as np


class HashingEmbedder:
    """Deterministic bag-of-words vectors: cheap, repeatable, similar texts stay similar."""

    name = "hashing-test"
    dim = 64

    def __init__(self) -> None:
        self.texts_embedded = 0
        self.calls = 0
        self._lock = threading.Lock()

    def embed(self, texts):
        with self._lock:
            self.calls += 1
            self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


class CountingEmbedder:
    """Wraps a real embedder and counts what it was asked to embed."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.texts_embedded = 0

    def embed(self, texts):
        self.texts_embedded += len(texts)
        return self.inner.embed(texts)


class FailingEmbedder(HashingEmbedder):
    """Raises after `after` successful calls: a build that crashes half-way."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after

    def embed(self, texts):
        if self.calls >= self.after:
            raise RuntimeError("injected failure in the middle of embedding")
        return super().embed(texts)
