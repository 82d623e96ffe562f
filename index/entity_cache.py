"""A build's cache of the NER model's entities per chunk text (see index.nlp, index.build)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path


class EntityCache:
    """(NER model, chunk text hash) → the chunk's entities as (sentence, start, end, label) rows, in
    one SQLite file beside the embeddings: a build that meets a chunk text again (a moved file, a
    full rebuild) does not run the model over it again (~8 minutes on the RealTime QA corpus)."""

    def __init__(self, path: Path, model: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._model = model
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS entities (key TEXT PRIMARY KEY, rows TEXT NOT NULL)")

    def key(self, chunk_text: str) -> str:
        return hashlib.sha1(f"{self._model}\0{chunk_text}".encode("utf-8")).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, list[tuple[int, int, int, str]]]:
        found: dict[str, list[tuple[int, int, int, str]]] = {}
        for i in range(0, len(keys), 500):
            batch = list(keys[i : i + 500])
            marks = ",".join("?" * len(batch))
            for key, rows in self._db.execute(f"SELECT key, rows FROM entities WHERE key IN ({marks})", batch):
                found[key] = [tuple(r) for r in json.loads(rows)]
        return found

    def put_many(self, items: dict[str, list[tuple[int, int, int, str]]]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO entities (key, rows) VALUES (?, ?)",
                                 ((key, json.dumps(rows)) for key, rows in items.items()))

    def close(self) -> None:
        self._db.close()
