"""Build or update the index: seeds folder in, a new published version out.

`sync_index` compares the seeds folder with the current version, parses only files whose size or
modification time changed, re-uses the chunks and vectors of unchanged articles, embeds only text
that neither the previous version nor the embedding cache knows, and publishes atomically.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

import numpy as np

from index import static_encoder
from index.articles import Article, Merged, Skipped, dedupe
from index.chunking import chunk_article, embed_key, embed_text
from index.embedder import Embedder, EmbeddingCache, embed_in_batches, resolve_model_path
from index.entity_cache import EntityCache
from index.errors import IndexCorrupt, ModelNotAvailable, NothingToIndex
from index.lexical import Bm25Index, terms
from index.onnx_encoder import load_query_encoder
from index.sentences import sentence_table
from index.near_dup import near_duplicates, signature
from index.nlp import ner_model_name, read_entities
from index.settings import IndexSettings
from index.sources import FolderSource, Item, Source, default_sources, is_fetched
from index.store import CHUNK_DTYPE, FORMAT, IndexVersion, VersionData, write_version
from index.vectors import FaissStore
from index.versions import build_lock, current_version_path, new_version_name, prune, publish, staging_dir

log = logging.getLogger(__name__)


class EmbedProgress(Protocol):
    def begin(self, total: int, label: str | None = None) -> None: ...
    def advance(self, n: int) -> None: ...
    def end(self) -> None: ...


@dataclass
class SyncReport:
    version: str | None = None
    published: bool = False
    files_seen: int = 0
    files_parsed: int = 0
    articles: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks the model embedded in this run
    reused: int = 0  # chunks whose vectors came from the previous version or the cache
    added: list[str] = field(default_factory=list)  # article ids
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)  # read, chunk, embed, entities, index, write
    query_encoder: dict | None = None  # the static question encoder's fit, when one ran now

    def to_dict(self) -> dict:
        return asdict(self)


def sync_index(
    settings: IndexSettings,
    embedder: Embedder,
    *,
    full: bool = False,
    sources: list[Path | Source] | None = None,
    progress: EmbedProgress | None = None,
    lock_wait: float = 0.0,
) -> SyncReport:
    """Bring the index in line with the sources (default: the seeds folder and what feeds and added
    URLs fetched; a Path is a folder). Publishes a new version only when something changed (or
    `full`). Raises NothingToIndex when no article could be read."""
    started = time.perf_counter()
    index_dir = Path(settings.index_dir)
    with build_lock(index_dir, lock_wait):
        prune(index_dir, settings.keep_versions)  # also clears folders left by a crashed build
        previous = _load_previous(index_dir, settings)
        reusable = previous if previous is not None and not full and _compatible(previous, settings, embedder) else None
        report = SyncReport()
        roots = ([FolderSource(s) if isinstance(s, (str, Path)) else s for s in sources] if sources is not None
                 else default_sources(settings.seeds_dir, index_dir))
        unreadable: list[Skipped] = []
        files = [(root, item) for root in roots for item in root.items(unreadable)]
        if not files and not any(root.exists() for root in roots):
            raise NothingToIndex(f"{roots[0].label} does not exist; put articles there or pass --seeds DIR")
        report.files_seen = len(files)
        report.skipped.extend(unreadable)
        for problem in unreadable:
            log.warning("skipped %s: %s", problem.path, problem.reason)

        entries, file_records, carried = _collect_articles(files, reusable, report)
        origin = {id(article): row for article, row in entries}
        articles, syndicated = _merge_syndicated([article for article, _ in entries], file_records, origin)
        kept, merged = dedupe(articles)
        merged = carried + syndicated + merged
        report.merged = merged
        _finish_records(file_records, kept, merged)
        if not kept:
            raise NothingToIndex(
                f"no article could be indexed from {', '.join(r.label for r in roots)} "
                f"({report.files_seen} files, {len(report.skipped)} skipped)"
            )
        _diff(previous, kept, report)
        fingerprint = _fingerprint(settings, embedder, kept)
        if previous is not None and not full and previous.manifest.get("fingerprint") == fingerprint:
            report.version = previous.name
            report.articles = len(kept)
            report.chunks = len(previous)
            _fit_query_encoder(settings, embedder, previous.all_chunk_texts, full, report, time.perf_counter())
            report.seconds = time.perf_counter() - started
            return report

        clock = _lap(report, "read", started)
        rows, keys, texts, title_texts, reused_rows = _chunks(kept, origin, reusable, settings)
        clock = _lap(report, "chunk", clock)
        # BM25 and the sentence tables do not need the vectors: build them while the model embeds
        # (torch releases the GIL)
        with ThreadPoolExecutor(1) as pool:
            bm25 = pool.submit(_bm25, title_texts, reused_rows, reusable)
            sentences = pool.submit(_sentence_tables, texts, reused_rows, reusable)
            vectors = _vectors(keys, title_texts, reusable, index_dir, settings, embedder, progress, report)
            clock = _lap(report, "embed", clock)
            bm25, sentences = bm25.result(), sentences.result()
        entities = (_entity_tables(texts, sentences, reused_rows, reusable, index_dir / "cache" / "entities.sqlite", progress)
                    if settings.entities else None)
        if entities is not None:
            clock = _lap(report, "entities", clock)
        report.articles, report.chunks = len(kept), len(keys)

        name = new_version_name(index_dir)
        report.version = name
        store, qdrant = None, None
        if settings.vector_store == "qdrant":
            qdrant = _write_qdrant(settings, name, vectors, bm25, rows, kept, texts)
        else:
            store = FaissStore.create(embedder.dim, settings.faiss_factory)
            store.add(vectors)
        clock = _lap(report, "index", clock)
        manifest = {
            "format": FORMAT,
            "version": name,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "model": settings.model,
            "dim": embedder.dim,
            "chunk_tokens": settings.chunk_tokens,
            "chunk_overlap_tokens": settings.chunk_overlap_tokens,
            "faiss_factory": settings.faiss_factory,
            "articles": len(kept),
            "chunks": len(keys),
            "files": len(files),
            "fingerprint": fingerprint,
            "sources": [r.label for r in roots],
            "skipped": [asdict(s) for s in report.skipped],
            "merged": [asdict(m) for m in merged],
            "embedded": report.embedded,
            "reused": report.reused,
            "build_seconds": round(time.perf_counter() - started, 3),
            "vector_store": settings.vector_store,
        }
        if qdrant is not None:
            manifest["qdrant"] = qdrant
        if entities is not None:
            manifest["entities"] = {"model": entities[0], "labels": entities[1]}
        data = VersionData(
            manifest=manifest, articles=kept, files=file_records, chunk_rows=rows, chunk_keys=keys,
            chunk_texts=texts, vectors=store, bm25=bm25, sentences=sentences,
            stories=_stories(kept, origin, rows, texts, vectors, reusable),
            entities=entities[2] if entities is not None else None,
        )
        staged = staging_dir(index_dir, name)
        try:
            write_version(staged, data)
            publish(index_dir, staged, name)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        report.published = True
        prune(index_dir, settings.keep_versions)
        if qdrant is not None:
            _publish_qdrant(settings, index_dir, qdrant)
        clock = _lap(report, "write", clock)
        _fit_query_encoder(settings, embedder, lambda: texts, full, report, clock)
        report.seconds = time.perf_counter() - started
        return report


def qdrant_connector(settings: IndexSettings):
    from index.qdrant_store import QdrantConnector

    return QdrantConnector(settings.qdrant_url, settings.qdrant_api_key.get())


def _write_qdrant(settings: IndexSettings, name: str, vectors, bm25, rows, kept, texts) -> dict:
    """The version's collection on Qdrant (written before the folder is published)."""
    from index.qdrant_store import alias_for, write_collection

    alias = alias_for(settings.index_dir)
    collection = f"{alias}-{name}"
    write_collection(qdrant_connector(settings).client(), collection, vectors, bm25, rows, kept, texts)
    # a local folder is recorded as given; a server URL too (its API key comes from the settings)
    return {"url": settings.qdrant_url, "collection": collection, "alias": alias}


def _publish_qdrant(settings: IndexSettings, index_dir: Path, qdrant: dict) -> None:
    """Point the alias at the new collection; delete the collections of pruned versions."""
    from index.qdrant_store import prune_collections, switch_alias
    from index.versions import VERSIONS

    client = qdrant_connector(settings).client()
    switch_alias(client, qdrant["alias"], qdrant["collection"])
    kept = set()
    for manifest in (Path(index_dir) / VERSIONS).glob("v*/manifest.json"):
        named = json.loads(manifest.read_text()).get("qdrant") or {}
        if named.get("collection"):
            kept.add(named["collection"])
    prune_collections(client, qdrant["alias"], kept)


def _fit_query_encoder(settings: IndexSettings, embedder: Embedder, chunk_texts: Callable[[], list[str]],
                       full: bool, report: SyncReport, clock: float) -> None:
    """With query_encoder = "static": (re)fit the question encoder when there is none, on a full
    build, or when the index grew or shrank a lot since the last fit. The version is already
    published: a failure here costs the fast encoder (questions fall back to ONNX), never the index."""
    if settings.query_encoder != "static":
        return
    if not static_encoder.needs_fit(settings.index_dir, settings.model, report.chunks, full):
        if report.chunks < static_encoder.MIN_CHUNKS:
            log.info("index too small for a static question encoder (%d chunks < %d); questions use ONNX",
                     report.chunks, static_encoder.MIN_CHUNKS)
        return
    try:  # the model's ONNX export runs the spans (twice as fast as torch on short texts)
        model = load_query_encoder(resolve_model_path(settings.model), settings.model, settings.model_cache,
                                   "fp32", reference=lambda: embedder)
        fitted = static_encoder.fit(settings.index_dir, settings.model, chunk_texts(), model)
    except (ModelNotAvailable, ValueError, OSError, RuntimeError) as exc:
        log.warning("could not fit the static question encoder (%s); questions use ONNX", exc)
        return
    report.query_encoder = asdict(fitted)
    _lap(report, "query_encoder", clock)


def _stories(kept: list[Article], origin: dict[int, int | None], rows: np.ndarray, texts: list[str],
             vectors: np.ndarray, reusable: IndexVersion | None) -> dict:
    """Stories of this version: unchanged articles keep theirs, new and changed ones join one or
    start one (index/stories.py). ~0.2 s for 2,388 articles."""
    from index.stories import article_names, article_vectors, coherence_of, group, leads, stories_of

    article_rows = np.asarray(rows["article"])
    names = article_names(kept, leads(article_rows, rows["position"], texts.__getitem__, len(kept)))
    per_article = article_vectors(article_rows, vectors, len(kept))
    before = reusable.story_assignments() if reusable is not None else {}
    previous = {a.id: before[a.id] for a in kept if origin.get(id(a)) is not None and a.id in before}
    assigned = group(kept, names, per_article, previous, coherence_of(article_rows, vectors, per_article))
    stories = stories_of(kept, names, per_article, assigned)
    return {"assignments": assigned, "stories": [asdict(s) for s in stories]}


def _lap(report: SyncReport, stage: str, since: float) -> float:
    now = time.perf_counter()
    report.stage_seconds[stage] = round(now - since, 3)
    return now


def _load_previous(index_dir: Path, settings: IndexSettings) -> IndexVersion | None:
    path = current_version_path(index_dir)
    if path is None:
        return None
    try:
        return IndexVersion(path, qdrant_connector(settings) if settings.qdrant_url else None)
    except IndexCorrupt:
        log.warning("current index version %s is unreadable; building from scratch", path)
        return None


def _compatible(previous: IndexVersion, settings: IndexSettings, embedder: Embedder) -> bool:
    m = previous.manifest
    return (
        m.get("model") == settings.model and m.get("dim") == embedder.dim
        and m.get("chunk_tokens") == settings.chunk_tokens
        and m.get("chunk_overlap_tokens") == settings.chunk_overlap_tokens
    )


def _collect_articles(files: list[tuple[Source, Item]], reusable: IndexVersion | None, report: SyncReport):
    """Articles of every item: unchanged items come from the previous version, others are read."""
    entries: list[tuple[Article, int | None]] = []  # (article, row in previous version or None)
    records: dict[str, dict] = {}
    carried: list[Merged] = []  # duplicates inside unchanged files, as reported when they were read
    previous_files = reusable.files if reusable is not None else {}
    for source, item in files:
        key = item.key
        old = previous_files.get(key)
        if old and old["key"] == item.token and not old.get("cross_file"):
            rows = [reusable.article_row.get(aid) for aid in old["articles"]]
            if all(r is not None for r in rows):
                entries.extend((reusable.articles[r], r) for r in rows)
                report.skipped.extend(Skipped(**s) for s in old.get("skipped", []))
                carried.extend(Merged(**m) for m in old.get("merged", []))
                records[key] = dict(old)
                continue
        parsed = source.read(item)
        report.files_parsed += 1
        report.skipped.extend(parsed.skipped)
        for problem in parsed.skipped:
            log.warning("skipped %s: %s", problem.path, problem.reason)
        entries.extend((a, None) for a in parsed.articles)
        records[key] = {
            "key": item.token,
            "articles": [a.id for a in parsed.articles],
            "skipped": [asdict(s) for s in parsed.skipped],
        }
        if parsed.articles and is_fetched(parsed.articles[0]):  # one article per fetched item
            records[key]["signature"] = signature(parsed.articles[0].text)
    return entries, records, carried


def _merge_syndicated(kept: list[Article], records: dict[str, dict], origin: dict[int, int | None]):
    """A fetched article whose text nearly repeats an earlier one (the same story syndicated under
    another URL) is dropped; the one kept lists its source and link in `also`. Files in the seeds
    folder are only de-duplicated on their exact text: a curated folder means what it holds."""
    fetched = [(i, a) for i, a in enumerate(kept) if is_fetched(a) and records.get(a.path, {}).get("signature")]
    if len(fetched) < 2:
        return kept, []
    pairs = near_duplicates([records[a.path]["signature"] for _, a in fetched])
    if not pairs:
        return kept, []
    copies: dict[int, list[Article]] = {}
    for first, later in pairs:
        copies.setdefault(fetched[first][0], []).append(fetched[later][1])
    dropped = {id(a) for group in copies.values() for a in group}
    out: list[Article] = []
    merged: list[Merged] = []
    for i, article in enumerate(kept):
        if id(article) in dropped:
            continue
        if i in copies:
            links = [(article.source, article.url)] + [(c.source, c.url) for c in copies[i]]
            also = tuple(dict.fromkeys(pair for pair in links[1:] if pair[1] and pair[1] != article.url))
            merged.extend(Merged(article.id, article.path, c.path) for c in copies[i])
            replaced = replace(article, also=also)
            origin[id(replaced)] = origin.get(id(article))
            article = replaced
        out.append(article)
    return out, merged


def _finish_records(records: dict[str, dict], kept: list[Article], merged: list[Merged]) -> None:
    """Per file: the ids it contributes and the duplicates it held. A file involved in a duplicate
    across files is re-read next time, so which copy is kept stays right when one of them changes."""
    for record in records.values():
        record.pop("cross_file", None)
        record["articles"], record["merged"] = [], []
    for article in kept:
        owner = _file_of(article.path, records)
        if owner:
            records[owner]["articles"].append(article.id)
    for m in merged:
        dropped, kept_in = _file_of(m.dropped_path, records), _file_of(m.kept_path, records)
        if dropped:
            records[dropped]["merged"].append(asdict(m))
        if dropped != kept_in:
            for key in (dropped, kept_in):
                if key:
                    records[key]["cross_file"] = True


def _file_of(article_path: str, records: dict[str, dict]) -> str | None:
    if article_path in records:
        return article_path
    for sep in (":", "#"):
        head = article_path.rsplit(sep, 1)[0]
        if head in records:
            return head
    return None


def _diff(previous: IndexVersion | None, kept: list[Article], report: SyncReport) -> None:
    """Added, changed, removed article ids. An article without a url is identified by its content,
    so an edited file shows up as one id gone and one new from the same path: that is a change."""
    old = {a.id: a for a in previous.articles} if previous is not None else {}
    new = {a.id: a for a in kept}
    added = [i for i in new if i not in old]
    removed = [i for i in old if i not in new]
    removed_paths = {old[i].path: i for i in removed}
    edited = {i: removed_paths[new[i].path] for i in added if new[i].path in removed_paths}
    report.added = [i for i in added if i not in edited]
    report.changed = [i for i in new if i in old and old[i].content_hash != new[i].content_hash] + list(edited)
    report.removed = [i for i in removed if i not in edited.values()]


def _fingerprint(settings: IndexSettings, embedder: Embedder, articles: list[Article]) -> str:
    h = hashlib.sha1()
    store = [settings.model, embedder.dim, settings.chunk_tokens, settings.chunk_overlap_tokens, settings.faiss_factory]
    h.update(json.dumps(store + ([settings.vector_store] if settings.vector_store != "faiss" else [])).encode())
    if settings.entities and (model := ner_model_name()):  # a version without them is rebuilt with them
        h.update(f"entities:{model}".encode())
    for a in articles:
        fields = [a.id, a.content_hash, a.title, a.source, a.url, a.published, a.path]
        h.update(json.dumps(fields + [a.also] if a.also else fields).encode())
    return h.hexdigest()


def _chunks(kept: list[Article], origin: dict[int, int | None], reusable: IndexVersion | None,
            settings: IndexSettings):
    rows: list[tuple[int, int, int, int]] = []
    reused_rows: dict[int, int] = {}  # new row → row in the previous version (same title and text)
    keys: list[str] = []
    texts: list[str] = []
    title_texts: list[str] = []
    by_article = _rows_by_article(reusable) if reusable is not None else {}
    old_texts = old_rows = old_keys = None
    for number, article in enumerate(kept):
        previous_row = origin.get(id(article))
        if previous_row is not None and reusable is not None:
            if old_texts is None:  # read the previous version once, in bulk
                old_texts = reusable.all_chunk_texts()
                old_rows = np.asarray(reusable.chunk_rows).tolist()
                old_keys = [k.decode() for k in np.asarray(reusable.chunk_keys).tolist()]
            for r in by_article.get(previous_row, ()):
                _, position, start, end = old_rows[r]
                reused_rows[len(rows)] = int(r)
                rows.append((number, position, start, end))
                keys.append(old_keys[r])
                texts.append(old_texts[r])
                title_texts.append(embed_text(article.title, old_texts[r]))
            continue
        for chunk in chunk_article(article, settings.chunk_tokens, settings.chunk_overlap_tokens):
            full = embed_text(article.title, chunk.text)
            rows.append((number, chunk.position, chunk.start, chunk.end))
            keys.append(embed_key(settings.model, full))
            texts.append(chunk.text)
            title_texts.append(full)
    return np.array(rows, dtype=CHUNK_DTYPE), keys, texts, title_texts, reused_rows


def _bm25(title_texts: list[str], reused_rows: dict[int, int], reusable: IndexVersion | None) -> Bm25Index:
    """Re-use the term ids of unchanged chunks; tokenize only the new ones."""
    if reusable is None or not reused_rows:
        return Bm25Index.build(title_texts)
    reused = {new: reusable.bm25.term_ids(old) for new, old in reused_rows.items()}
    return Bm25Index.build(title_texts, reused, reusable.bm25.vocab)


def _sentence_tables(texts: list[str], reused_rows: dict[int, int], reusable: IndexVersion | None) -> list[np.ndarray]:
    """Each chunk's sentence table; unchanged chunks keep the previous version's."""
    tables = []
    for row, text in enumerate(texts):
        old = reused_rows.get(row)
        table = reusable.sentences(old) if old is not None and reusable is not None else None
        tables.append(table if table is not None else sentence_table(text, lambda s: len(terms(s))))
    return tables


def _entity_tables(texts: list[str], sentences: list[np.ndarray], reused_rows: dict[int, int],
                   reusable: IndexVersion | None, cache_path: Path, progress: EmbedProgress | None):
    """(model, labels, per chunk (sentence, start, end, label id) rows): the NER model's entities of
    every sentence, read once here so answers look them up. Unchanged chunks keep the previous
    version's; a chunk text read before (a moved file, a full rebuild) comes from the cache beside
    the embeddings; a sentence two new chunks share (their overlap) is read once. None without spaCy."""
    model = ner_model_name()
    if model is None:
        return None
    same_model = (reusable is not None and reusable.has_entities
                  and reusable.manifest.get("entities", {}).get("model") == model)
    old_labels = reusable.entity_labels if same_model else []
    named: dict[int, list[tuple[int, int, int, str]]] = {}  # row → (sentence, start, end, label)
    for row in range(len(texts)):
        old = reused_rows.get(row)
        if same_model and old is not None:
            named[row] = [(i, s, e, old_labels[k]) for i, s, e, k in reusable.entity_rows(old).tolist()]
    cache = EntityCache(cache_path, model)
    try:
        keys = {row: cache.key(texts[row]) for row in range(len(texts)) if row not in named}
        cached = cache.get_many(list(set(keys.values())))
        named.update({row: cached[key] for row, key in keys.items() if key in cached})
        wanted: dict[str, int] = {}  # sentence text → its position in the texts read
        for row in keys:
            if row not in named:
                for start, end, _ in sentences[row].tolist():
                    wanted.setdefault(texts[row][start:end], len(wanted))
        if progress:
            progress.begin(len(wanted), "Reading names (NER)")
        try:
            found = read_entities(list(wanted), progress.advance if progress else None) if wanted else []
        finally:
            if progress:
                progress.end()
        if found is None:
            return None
        fresh: dict[str, list] = {}
        for row in keys:
            if row in named:
                continue
            text = texts[row]
            named[row] = [(i, e.start, e.end, e.label) for i, (start, end, _) in enumerate(sentences[row].tolist())
                          for e in found[wanted[text[start:end]]]]
            fresh[keys[row]] = named[row]
        cache.put_many(fresh)
    finally:
        cache.close()
    label_id: dict[str, int] = {}
    tables = [np.array([(i, s, e, label_id.setdefault(label, len(label_id))) for i, s, e, label in named[row]],
                       dtype=np.int32).reshape(-1, 4) for row in range(len(texts))]
    return model, sorted(label_id, key=label_id.get), tables


def _rows_by_article(version: IndexVersion) -> dict[int, np.ndarray]:
    articles = version.chunk_article_rows
    order = np.argsort(articles, kind="stable")
    bounds = np.flatnonzero(np.diff(articles[order])) + 1
    return {int(articles[group[0]]): group for group in np.split(order, bounds) if len(group)}


def _vectors(keys, title_texts, reusable, index_dir, settings, embedder, progress, report) -> np.ndarray:
    vectors = np.zeros((len(keys), embedder.dim), dtype=np.float32)
    missing = list(range(len(keys)))
    if reusable is not None and len(reusable):
        previous_rows = {k.decode(): i for i, k in enumerate(reusable.chunk_keys)}
        hits = [(i, previous_rows[keys[i]]) for i in missing if keys[i] in previous_rows]
        if hits:
            old = reusable.search.all_vectors()
            mine, theirs = zip(*hits)
            vectors[list(mine)] = old[list(theirs)]
        found = {i for i, _ in hits}
        missing = [i for i in missing if i not in found]
    cache = EmbeddingCache(Path(index_dir) / "cache" / "embeddings.sqlite")
    try:
        cached = cache.get_many([keys[i] for i in missing], embedder.dim)
        for i in missing:
            if keys[i] in cached:
                vectors[i] = cached[keys[i]]
        missing = [i for i in missing if keys[i] not in cached]
        report.reused = len(keys) - len(missing)
        if progress:
            progress.begin(len(missing))
        try:
            # embed and cache batch by batch, so a crash keeps what was already paid for
            step = max(settings.batch_size * 8, 1)
            for start in range(0, len(missing), step):
                part = missing[start : start + step]
                fresh = embed_in_batches(embedder, [title_texts[i] for i in part], settings.batch_size,
                                         progress.advance if progress else None)
                vectors[part] = fresh
                cache.put_many({keys[i]: fresh[j] for j, i in enumerate(part)})
                report.embedded += len(part)
        finally:
            if progress:
                progress.end()
    finally:
        cache.close()
    return vectors
