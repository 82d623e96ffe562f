"""Qdrant as the vector store (index.vector_store = "qdrant").

One collection per index version, named `<alias>-<version>`, with a named dense vector ("dense",
cosine) and a sparse vector ("bm25") holding each chunk's BM25 term weights (index/lexical.tf_weights, the
same as bm25s's with its k1 and b), the engine applying the IDF (Modifier.IDF, the
same ln(1 + (N - n + 0.5) / (n + 0.5)) as bm25s's Lucene variant, so scores match). Point ids are
the version's rows; the payload carries the article id, title, source, published (RFC 3339),
url, chunk text, offsets and position.

A build writes the collection, then publishes the version folder (whose manifest names the
collection) and points the alias `newsbot-<index>` at it in one call: readers of the folder use the
collection their version names, other readers the alias. Collections of pruned versions are
deleted. The version folder keeps the chunk texts, sentence tables and BM25 term ids the answer
code reads; only candidate search and vectors go to Qdrant.

`index.qdrant_url` is a server URL (http://host:6333) or `local:DIR` for qdrant-client's embedded
mode (one process per folder; for tests and small indexes).
"""

from __future__ import annotations

import atexit
import hashlib
import time
from collections import Counter
from pathlib import Path

import numpy as np

from index.articles import Article
from index.lexical import Bm25Index, terms
from index.search import Candidates, Filters

DENSE, SPARSE = "dense", "bm25"


class QdrantConnector:
    """One client per URL in a process (qdrant-client's local mode allows one per folder)."""

    _clients: dict[str, object] = {}

    def __init__(self, url: str, api_key: str = "") -> None:
        self.url = url
        self.api_key = api_key

    def client(self):
        from qdrant_client import QdrantClient

        if self.url not in self._clients:
            if self.url.startswith("local:"):
                folder = Path(self.url.removeprefix("local:")).expanduser()
                folder.mkdir(parents=True, exist_ok=True)
                client = QdrantClient(path=str(folder))
            else:
                client = QdrantClient(url=self.url, api_key=self.api_key or None, timeout=30)
            atexit.register(client.close)  # before interpreter teardown, where its own __del__ fails
            self._clients[self.url] = client
        return self._clients[self.url]


def alias_for(index_dir: Path) -> str:
    """`newsbot-<folder name>-<hash of its path>`: two indexes on one server never share a name."""
    path = Path(index_dir).resolve()
    return f"newsbot-{path.name}-{hashlib.sha1(str(path).encode()).hexdigest()[:6]}"


def sparse_weights(bm25: Bm25Index, rows: int) -> list[tuple[list[int], list[float]]]:
    """Each chunk's BM25 term weights without the IDF (the engine applies it)."""
    doc, term, weight = bm25.tf_weights()
    bounds = np.searchsorted(doc, np.arange(rows + 1))
    return [(term[bounds[r]:bounds[r + 1]].tolist(), weight[bounds[r]:bounds[r + 1]].tolist()) for r in range(rows)]


def write_collection(client, collection: str, vectors: np.ndarray, bm25: Bm25Index, chunk_rows: np.ndarray,
                     articles: list[Article], texts: list[str], batch: int = 256) -> None:
    from qdrant_client import models as m
    from qdrant_client.local.qdrant_local import QdrantLocal

    if client.collection_exists(collection):
        client.delete_collection(collection)
    client.create_collection(
        collection, vectors_config={DENSE: m.VectorParams(size=vectors.shape[1], distance=m.Distance.COSINE)},
        sparse_vectors_config={SPARSE: m.SparseVectorParams(modifier=m.Modifier.IDF)})
    if not isinstance(client._client, QdrantLocal):  # a server uses them; the embedded mode warns and ignores them
        for field, schema in (("source", m.PayloadSchemaType.KEYWORD), ("article_id", m.PayloadSchemaType.KEYWORD),
                              ("published", m.PayloadSchemaType.DATETIME)):
            client.create_payload_index(collection, field, schema)
    weights = sparse_weights(bm25, len(texts))
    for start in range(0, len(texts), batch):
        points = []
        for row in range(start, min(start + batch, len(texts))):
            meta = chunk_rows[row]
            article = articles[int(meta["article"])]
            ids, values = weights[row]
            points.append(m.PointStruct(
                id=row, vector={DENSE: vectors[row].tolist(), SPARSE: m.SparseVector(indices=ids, values=values)},
                payload={"article_id": article.id, "title": article.title, "source": article.source,
                         "published": f"{article.published}T00:00:00Z" if article.published else None,
                         "url": article.url, "text": texts[row], "start": int(meta["start"]),
                         "end": int(meta["end"]), "position": int(meta["position"])}))
        client.upsert(collection, points, wait=True)


def switch_alias(client, alias: str, collection: str) -> None:
    """Point the alias at the collection in one call (the server's counterpart of `current`)."""
    from qdrant_client import models as m

    ops = []
    if any(a.alias_name == alias for a in client.get_aliases().aliases):
        ops.append(m.DeleteAliasOperation(delete_alias=m.DeleteAlias(alias_name=alias)))
    ops.append(m.CreateAliasOperation(create_alias=m.CreateAlias(collection_name=collection, alias_name=alias)))
    client.update_collection_aliases(change_aliases_operations=ops)


def prune_collections(client, alias: str, keep: set[str]) -> list[str]:
    """Delete this index's collections that no kept version names."""
    gone = []
    for c in client.get_collections().collections:
        if c.name.startswith(alias + "-") and c.name not in keep:
            client.delete_collection(c.name)
            gone.append(c.name)
    return gone


class QdrantSearch:
    name = "qdrant"

    def __init__(self, client, collection: str, bm25: Bm25Index) -> None:
        self.client = client
        self.collection = collection
        self.bm25 = bm25  # its vocabulary turns a question into term ids
        self._size = client.count(collection, exact=True).count

    def __len__(self) -> int:
        return self._size

    def candidates(self, query_vector: np.ndarray | None, query: str, n: int, filters: Filters,
                   *, lexical: bool = True) -> Candidates:
        from qdrant_client import models as m

        out = Candidates()
        where = self._filter(filters)
        requests, kinds = [], []
        if query_vector is not None:
            requests.append(m.QueryRequest(query=np.asarray(query_vector, dtype=np.float32).tolist(), using=DENSE,
                                           limit=n, filter=where))
            kinds.append("dense")
        counts = Counter(self.bm25.vocab[t] for t in terms(query) if t in self.bm25.vocab) if lexical else None
        if counts:
            requests.append(m.QueryRequest(query=m.SparseVector(indices=list(counts), values=list(map(float, counts.values()))),
                                           using=SPARSE, limit=n, filter=where))
            kinds.append("bm25")
        clock = time.perf_counter()
        # both searches in one round trip; fused by our own RRF, so the ranking code is the same for every store
        results = self.client.query_batch_points(self.collection, requests=requests) if requests else []
        spent = (time.perf_counter() - clock) * 1000
        for kind, result in zip(kinds, results):
            rows = np.array([p.id for p in result.points], dtype=np.int64)
            scores = np.array([p.score for p in result.points], dtype=np.float32)
            if kind == "dense":
                out.dense_rows, out.dense_scores = rows, scores
            else:
                positive = scores > 0
                out.lexical_rows, out.lexical_scores = rows[positive], scores[positive]
        out.timings_ms["dense"] = spent  # one call for both searches
        out.timings_ms["bm25"] = 0.0
        if lexical:
            known = dict(zip(out.lexical_rows.tolist(), out.lexical_scores.tolist()))
            sparse = requests[-1].query if counts else None
            out.lexical_of = lambda rows: self._lexical_of(rows, known, sparse)
            out.max_lexical = float(out.lexical_scores.max()) if len(out.lexical_scores) else 1.0
        return out

    def _lexical_of(self, rows: np.ndarray, known: dict[int, float], sparse) -> np.ndarray:
        """BM25 scores of the re-scored candidates: those the lexical search did not return are
        scored by the engine in one more request restricted to their ids (as bm25s scores every
        chunk; without it Hit@10 on RealTime QA fell 0.742 → 0.731)."""
        from qdrant_client import models as m

        missing = [int(r) for r in rows if int(r) not in known]
        if missing and sparse is not None:
            result = self.client.query_points(
                self.collection, query=sparse, using=SPARSE, limit=len(missing),
                query_filter=m.Filter(must=[m.HasIdCondition(has_id=missing)]))
            known = {**known, **{p.id: p.score for p in result.points}}
        return np.array([known.get(int(r), 0.0) for r in rows], dtype=np.float32)

    @staticmethod
    def _filter(filters: Filters):
        from qdrant_client import models as m

        if not filters:
            return None
        must, must_not = [], []
        if filters.sources:
            must.append(m.FieldCondition(key="source", match=m.MatchAny(any=sorted(filters.sources))))
        if filters.published_from or filters.published_to:
            must.append(m.FieldCondition(key="published", range=m.DatetimeRange(
                gte=f"{filters.published_from}T00:00:00Z" if filters.published_from else None,
                lte=f"{filters.published_to}T23:59:59Z" if filters.published_to else None)))
        if filters.exclude_articles:
            must_not.append(m.FieldCondition(key="article_id", match=m.MatchAny(any=sorted(filters.exclude_articles))))
        return m.Filter(must=must or None, must_not=must_not or None)

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros((0, 0), dtype=np.float32)
        points = self.client.retrieve(self.collection, ids=[int(r) for r in rows], with_vectors=[DENSE])
        by_id = {p.id: p.vector[DENSE] for p in points}
        return np.array([by_id[int(r)] for r in rows], dtype=np.float32)

    def all_vectors(self) -> np.ndarray:
        vectors: dict[int, list[float]] = {}
        offset = None
        while True:
            points, offset = self.client.scroll(self.collection, limit=1024, offset=offset, with_vectors=[DENSE],
                                                with_payload=False)
            vectors.update((p.id, p.vector[DENSE]) for p in points)
            if offset is None:
                break
        return np.array([vectors[i] for i in range(len(vectors))], dtype=np.float32)
