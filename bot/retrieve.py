"""Hybrid retrieval: dense (FAISS) + BM25 candidates, reciprocal-rank fusion, re-scoring, diversity.

The hot path is numpy and FAISS; llama-index sees it through `bot.llama.NewsbotRetriever`.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from bot.hints import QueryHints, parse_hints
from bot.numerals import with_arabic_numerals
from bot.settings import AnswerSettings
from bot.types import Passage
from index.embedder import Embedder
from index.lexical import terms
from index.search import Filters
from index.store import ChunkRef, IndexVersion
from index.versions import IndexReader

MODES = ("dense", "bm25", "hybrid", "rescored")
QUESTION_WORDS = frozenset(terms(
    "who whom whose what which when where why how many much did does do say said tell told about "
    "according happen happened latest recent recently week today news article report reported"
))
# re-scoring weights; each feature's effect on RealTime QA is in docs/EVALUATION_LOG.md
# (an entity-overlap feature was measured too and dropped: without it Hit@10 rose 0.645 → 0.663)
W = {"cosine": 1.0, "bm25": 0.25, "coverage": 0.35, "time": 1.0}
_ENTITY = re.compile(r"\b(?:[A-Z][\w’'-]+|\d[\d,.]*)")


@dataclass
class Retrieval:
    passages: list[Passage]
    version: IndexVersion
    hints: QueryHints
    timings_ms: dict[str, float] = field(default_factory=dict)


def rrf(ranked_lists: list[np.ndarray], k: int = 60) -> dict[int, float]:
    """Reciprocal rank fusion of several ranked lists of row ids."""
    fused: dict[int, float] = {}
    for rows in ranked_lists:
        for rank, row in enumerate(rows.tolist()):
            fused[row] = fused.get(row, 0.0) + 1.0 / (k + rank + 1)
    return fused


def query_terms(text: str) -> list[str]:
    """Content terms of a question: stemmed, without stop words and question words."""
    return [t for t in dict.fromkeys(terms(text)) if t not in QUESTION_WORDS]


def entities(text: str) -> list[str]:
    """Capitalised words and numbers, except a sentence-initial question word."""
    found = []
    for match in _ENTITY.finditer(text):
        word = match.group().rstrip(".,")
        if word.lower() in QUESTION_WORDS or word.lower() in {"the", "a", "an", "and", "in", "of", "is", "was"}:
            continue
        found.append(word)
    return list(dict.fromkeys(found))


def coverages(texts: list[np.ndarray], needles: list[int], weights: np.ndarray | None = None,
              forms: list[list[int]] | None = None) -> np.ndarray:
    """For each term-id array, the share of the (distinct) needles it contains (weighted by
    `weights` when given: e.g. each needle's idf): one comparison over all their terms, then a
    logical-or per array. `forms`: for each needle, the ids of its other forms, which count as it
    ("fought" holds "fight", `question.event_forms`)."""
    out = np.zeros(len(texts), dtype=np.float64)
    lengths = np.array([len(t) for t in texts])
    if not needles or not lengths.any():
        return out
    owner = [i for i, extra in enumerate(forms or ()) for _ in extra]
    columns = list(needles) + [f for extra in (forms or ()) for f in extra]
    found = np.concatenate(texts)[:, None] == np.asarray(columns)[None, :]
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    nonempty = lengths > 0
    per_text = np.logical_or.reduceat(found, starts[nonempty], axis=0)
    if owner:  # a form found counts as its needle
        held = per_text[:, : len(needles)].copy()
        for j, i in enumerate(owner):
            held[:, i] |= per_text[:, len(needles) + j]
        per_text = held
    if weights is None:
        out[nonempty] = per_text.sum(axis=1) / len(needles)
    else:
        out[nonempty] = per_text @ weights / max(float(weights.sum()), 1e-9)
    return out


class Retriever:
    def __init__(self, reader: IndexReader, embedder: Embedder, settings: AnswerSettings) -> None:
        self.reader = reader
        self.embedder = embedder
        self.settings = settings
        self._sources_cache: tuple[str, list[str]] | None = None
        self._days_cache: tuple[str, np.ndarray] | None = None

    def embed_query(self, query: str) -> np.ndarray:
        """The vector `retrieve` searches with for this query (its Roman numerals spelled out too; `retrieve`
        calls it, so a caller that asks one question in several modes can compute it once): a vector of
        the bare question missed the numerals' digits (`newsbot eval` did, on one dev question about
        "Benedict XVI")."""
        return self.embedder.embed([with_arabic_numerals(query)])[0]

    def retrieve(
        self, query: str, k: int | None = None, *, mode: str = "rescored",
        prefer_articles: tuple[str, ...] = (), query_vector: np.ndarray | None = None,
        as_of: date | None = None,
    ) -> Retrieval:
        """Top k passages for a query. `as_of` anchors "this week"/"latest" (default: today, or the
        newest article's date when the index holds nothing newer). `query_vector`, when given, is
        `embed_query(query)` computed once.
        A question naming several outlets ("how did CNN and the BBC describe …") gets passages
        from each of them, best first within each, taken in turn."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        query = with_arabic_numerals(query)  # "Super Bowl LVII" finds "Super Bowl 57" too
        k = k or self.settings.k
        version = self.reader.snapshot()
        hints = parse_hints(query, self._sources(version))
        if len(hints.sources) < 2:
            return self._retrieve(query, k, mode, prefer_articles, query_vector, as_of, version, hints)
        if query_vector is None and mode != "bm25":
            query_vector = self.embed_query(query)
        each = [self._retrieve(query, k, mode, prefer_articles, query_vector, as_of, version,
                               replace(hints, source=source, sources=(source,))) for source in hints.sources]
        taken: list[Passage] = []
        for rank in range(k):
            taken += [r.passages[rank] for r in each if rank < len(r.passages)]
        timings = {name: sum(r.timings_ms.get(name, 0.0) for r in each) for name in each[0].timings_ms}
        return Retrieval(taken[:k], version, hints, timings)

    def _retrieve(self, query: str, k: int, mode: str, prefer_articles: tuple[str, ...],
                  query_vector: np.ndarray | None, as_of: date | None, version: IndexVersion,
                  hints: QueryHints) -> Retrieval:
        timings: dict[str, float] = {}
        clock = time.perf_counter()
        today = (as_of or _anchor(version)).toordinal()
        n = self.settings.candidates

        if mode != "bm25" and query_vector is None:
            query_vector = self.embed_query(query)
        if mode != "bm25":
            timings["embed"] = _lap(clock)
        found = version.search.candidates(query_vector if mode != "bm25" else None, query, n, self._filters(hints),
                                          lexical=mode != "dense")
        timings.update(found.timings_ms)
        dense_rows, dense_scores = found.dense_rows, found.dense_scores
        lexical_of = found.lexical_of
        bm25_rows = found.lexical_rows
        clock = time.perf_counter()
        of_the_week = self._week_candidates(version, query, query_vector, lexical_of, today, hints) if mode == "rescored" else []
        if of_the_week:
            timings["week"] = _lap(clock)

        clock = time.perf_counter()
        if mode == "dense":
            ranked = [(int(r), float(s)) for r, s in zip(dense_rows, dense_scores)]
        elif mode == "bm25":
            ranked = [(int(r), float(s)) for r, s in zip(bm25_rows, found.lexical_scores)]
        else:
            fused = rrf([dense_rows, bm25_rows, *of_the_week])
            ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))
        timings["fuse"] = _lap(clock)

        clock = time.perf_counter()
        rows = np.array([r for r, _ in ranked[: max(3 * k, self.settings.rescore_depth)]], dtype=np.int64)
        cosines = self._cosines(version, rows, dense_rows, dense_scores, query_vector)
        max_bm25 = found.max_lexical
        lexical_scores = lexical_of(rows) if lexical_of is not None else np.zeros(len(rows))
        vocab = version.bm25.vocab
        q_terms = [vocab.get(t, -1) for t in query_terms(query)]  # -1: in no chunk
        preferred = set(prefer_articles)
        term_ids = {row: version.text_term_ids(row) for row in rows.tolist()}
        covered = coverages([term_ids[row] for row in rows.tolist()], q_terms) if mode == "rescored" else None
        article_rows = version.chunk_article_rows[rows] if len(rows) else np.zeros(0, dtype=np.int64)
        scored = []
        for position, (row, base) in enumerate(ranked[: len(rows)]):
            article = version.articles[int(article_rows[position])]
            bm25 = float(lexical_scores[position])
            score = base
            if covered is not None:
                score = (
                    W["cosine"] * cosines[position] + W["bm25"] * bm25 / max_bm25
                    + W["coverage"] * covered[position]
                    + W["time"] * self._time_boost(article.published, today, hints, self.settings.w_undated_recent)
                    + (0.05 if article.id in preferred else 0.0)
                )
            scored.append((-float(score), row, article, float(cosines[position]), bm25))
        scored.sort(key=lambda item: item[:2])
        # made as diversify asks for them (it rarely reads past the first dozen); text and offsets
        # only for the passages kept (`widen` below)
        candidates = (Passage(chunk_id=version.chunk_id(row), article=article, text="", start=0, end=0,
                              score=-negated, dense=dense, bm25=bm25, row=row)
                      for negated, row, article, dense, bm25 in scored)
        passages = diversify(candidates, k, self.settings.max_per_article,
                             shingles=lambda p: id_shingles(term_ids[p.row]))
        passages = widen(passages, version, self.settings.context_chunks)
        timings["rescore"] = _lap(clock)
        return Retrieval(passages, version, hints, timings)

    # -- helpers

    def _week_candidates(self, version: IndexVersion, query: str, query_vector: np.ndarray | None,
                         lexical_of, today: int, hints: QueryHints) -> list[np.ndarray]:
        """For a "this week" question, the best dense and lexical rows among the chunks of that
        week's articles (plus 3 days: dates lag), as fused lists of their own, so they reach
        re-scoring (see `week_candidates`). Scored from the stored vectors and the BM25 scores the
        search already computed: 0.08–0.09 ms at p50, where a second filtered search cost 1.1 ms."""
        n = self.settings.week_candidates
        if not n or not hints.within_days or query_vector is None or lexical_of is None:
            return []
        days = self._chunk_days(version)
        rows = np.flatnonzero((days >= today - hints.within_days - 3) & (days <= today + 1))
        if hints.source:
            sources = [version.articles[a].source for a in version.chunk_article_rows[rows].tolist()]
            rows = rows[np.array([s == hints.source for s in sources], dtype=bool)] if len(rows) else rows
        if len(rows) == 0 or len(rows) == len(days):
            return []  # no chunk of the week, or every chunk: the lists above already say it
        if len(rows) > _WEEK_SCAN_LIMIT:  # a busy index: let the store search its filter
            window = replace(self._filters(hints),
                             published_from=date.fromordinal(today - hints.within_days - 3).isoformat(),
                             published_to=date.fromordinal(today + 1).isoformat())
            found = version.search.candidates(query_vector, query, n, window)
            return [found.dense_rows, found.lexical_rows]
        dense = version.search.vectors(rows) @ query_vector
        lexical = lexical_of(rows)
        lexical_order = np.argsort(-lexical, kind="stable")[:n]
        return [rows[np.argsort(-dense, kind="stable")[:n]], rows[lexical_order[lexical[lexical_order] > 0]]]

    def _chunk_days(self, version: IndexVersion) -> np.ndarray:
        """Each chunk's article publication day number, 0 when undated (computed once per version)."""
        if self._days_cache is None or self._days_cache[0] != str(version.path):
            article_days = np.array([_ordinal(a.published) for a in version.articles] or [0], dtype=np.int64)
            self._days_cache = (str(version.path), article_days[version.chunk_article_rows])
        return self._days_cache[1]

    def _cosines(self, version, rows, dense_rows, dense_scores, query_vector) -> np.ndarray:
        if query_vector is None or len(rows) == 0:
            return np.zeros(len(rows), dtype=np.float32)
        known = dict(zip(dense_rows.tolist(), dense_scores.tolist()))
        missing = np.array([r for r in rows.tolist() if r not in known], dtype=np.int64)
        if len(missing):
            sims = version.search.vectors(missing) @ query_vector
            known.update(zip(missing.tolist(), sims.tolist()))
        return np.array([known[r] for r in rows.tolist()], dtype=np.float32)

    def _sources(self, version: IndexVersion) -> list[str]:
        """The version's source names, longest first (computed once per version)."""
        if self._sources_cache is None or self._sources_cache[0] != str(version.path):
            sources = sorted({a.source for a in version.articles if a.source}, key=len, reverse=True)
            self._sources_cache = (str(version.path), sources)
        return self._sources_cache[1]

    @staticmethod
    def _filters(hints: QueryHints) -> Filters:
        return Filters(sources=frozenset((hints.source,))) if hints.source else Filters()

    @staticmethod
    def _time_boost(published: str | None, today: int, hints: QueryHints, undated: float = 0.0) -> float:
        boost = 0.0
        if undated and published and not hints.year and not hints.recent:
            boost += undated * max(0.0, 1.0 - abs(today - _ordinal(published)) / 365.0)
        if hints.year and published and published.startswith(str(hints.year)):
            boost += 0.05
        if hints.recent and published:
            # a boost, not a filter: publication dates are often missing or off by days
            age = today - _ordinal(published)
            boost += 0.1 * max(0.0, 1.0 - abs(age) / 30.0)
            if hints.within_days and -1 <= age <= hints.within_days:
                boost += 0.1
        return boost


_WEEK_SCAN_LIMIT = 50_000  # chunks of one week scored directly; past it the store's filtered search


def diversify(ranked: Iterable[Passage], k: int, max_per_article: int,
              shingles: Callable[[Passage], frozenset] | None = None) -> list[Passage]:
    """Best-first, near-duplicate passages collapsed, at most `max_per_article` per article while
    other articles can fill the list (a one-article index still gets k passages)."""
    shingles = shingles or (lambda p: text_shingles(p.text))
    unique: list[tuple[Passage, frozenset]] = []
    chosen: list[Passage] = []
    per_article: dict[str, int] = {}
    for passage in ranked:
        mine = shingles(passage)
        if any(_near_duplicate(mine, other) for _, other in unique):
            continue
        unique.append((passage, mine))
        if per_article.get(passage.article.id, 0) < max_per_article:
            chosen.append(passage)
            per_article[passage.article.id] = per_article.get(passage.article.id, 0) + 1
            if len(chosen) == k:
                break
    for passage, _ in unique:  # top up from capped articles only when nothing else is left
        if len(chosen) >= k:
            break
        if all(passage is not c for c in chosen):
            chosen.append(passage)
    chosen.sort(key=lambda p: (-p.score, p.row))
    return chosen


def widen(passages: list[Passage], version: IndexVersion, neighbours: int) -> list[Passage]:
    """Each passage's text: its chunk with up to `neighbours` chunks of its article on either side:
    chunks are small so they rank precisely, but the sentence that answers often sits just before or
    after the one that matched. A neighbour already shown (itself a passage, or in a better passage's
    window) is not repeated. Scores and chunk ids stay those of the matched chunk."""
    if not passages:
        return passages
    taken = {p.row for p in passages}
    widened = []
    for passage in passages:
        core = version.chunk(passage.row)
        parts = [core]
        for step in (-1, 1):
            for distance in range(1, neighbours + 1):
                row = passage.row + step * distance
                if row < 0 or row >= len(version) or row in taken:
                    break
                neighbour = version.chunk(row)
                if neighbour.article.id != core.article.id or neighbour.position != core.position + step * distance:
                    break
                parts.append(neighbour)
                taken.add(row)
        parts.sort(key=lambda c: c.start)
        text, start, end, offsets = stitch(parts)
        offset = offsets[parts.index(core)]
        widened.append(replace(passage, text=text, start=start, end=end, match_start=offset,
                               match_end=offset + len(core.text),
                               parts=tuple((c.row, o) for c, o in zip(parts, offsets))))
    return widened


def stitch(chunks: list[ChunkRef]) -> tuple[str, int, int, list[int]]:
    """One text from consecutive chunks of an article (their overlaps counted once), with its
    offsets in the article and where each chunk's text starts inside it."""
    text, start, end = chunks[0].text, chunks[0].start, chunks[0].end
    offsets = [0]
    for chunk in chunks[1:]:
        if chunk.start < end:
            offsets.append(len(text) - (end - chunk.start))
            text += chunk.text[end - chunk.start:]
        else:
            text += " "
            offsets.append(len(text))
            text += chunk.text
        end = max(end, chunk.end)
    return text, start, end, offsets


def text_shingles(text: str) -> frozenset:
    return id_shingles(np.array([zlib.crc32(w.encode()) for w in terms(text)], dtype=np.uint64))


def id_shingles(term_ids: np.ndarray, n: int = 5, keep_one_in: int = 4) -> frozenset:
    """Hashes of term 5-grams (stemmed, stop words out), one in four kept by hash value: the same
    sample is taken from every text, so Jaccard over the samples estimates Jaccard over all shingles
    at a quarter of the cost. Vectorised over a chunk's stored term ids: no re-tokenising."""
    ids = np.asarray(term_ids, dtype=np.uint64)
    if ids.size == 0:
        return frozenset()
    width = max(1, ids.size - n + 1)
    grams = np.zeros(width, dtype=np.uint64)
    for j in range(min(n, ids.size)):
        grams = grams * np.uint64(1_000_003) + ids[j : j + width] + np.uint64(1)
    grams ^= grams >> np.uint64(29)  # mix the high bits into the low ones the sample looks at
    return frozenset(grams[grams % np.uint64(keep_one_in) == 0].tolist())


def _near_duplicate(a: frozenset, b: frozenset, threshold: float = 0.5) -> bool:
    if not a or not b or min(len(a), len(b)) < threshold * max(len(a), len(b)):
        return False  # sizes alone rule it out
    return len(a & b) / len(a | b) >= threshold


def _anchor(version: IndexVersion) -> date:
    """"Today" for recency: today, or the newest article's date when the index holds nothing newer
    (an archive asked for "the latest" means the latest it holds)."""
    today = date.today()
    try:
        newest = date.fromisoformat(version.newest_published) if version.newest_published else today
    except ValueError:
        newest = today
    return min(today, newest)


def _ordinal(published: str | None) -> int:
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else 0
    except ValueError:
        return 0


def _lap(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0
