"""One index version on disk: a folder of plain files, written aside and loaded with memory maps.

    versions/<id>/manifest.json   model, dimension, counts, build time, fingerprint (written last)
                  articles.json   article metadata (no full text)
                  files.json      source file → size:mtime and article ids (for incremental updates)
                  chunks.npy      per chunk: article row, position, start, end  (int32, memory-mapped)
                  chunk_keys.npy  embedding cache key of each chunk
                  chunk_text.bin  UTF-8 chunk texts back to back; chunk_text_offsets.npy
                  sentences.npy   per sentence of each chunk: start, end, terms so far (see
                                  sentences.sentence_table); sentence_offsets.npy. Optional: a
                                  version without them has its sentences split when answering
                  entities.npy    per chunk, the NER model's entities of its sentences: sentence,
                                  start, end (inside the sentence), label (manifest "entities"
                                  names the labels and the model); entity_offsets.npy. Optional
                  vectors.faiss   the vector store (see vectors.py)
                  bm25/           the BM25 index (bm25s files)
                  stories.json    article id → story id, and each story (index/stories.py)
"""

from __future__ import annotations

import json
import mmap
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from index.articles import Article
from index.errors import IndexCorrupt
from index.files import mapped
from index.lexical import Bm25Index, terms
from index.nlp import Entity
from index.search import ChunkSearch, FaissBm25Search
from index.vectors import FaissStore

FORMAT = 1
CHUNK_DTYPE = np.dtype([("article", "<i4"), ("position", "<i4"), ("start", "<i4"), ("end", "<i4")])


@dataclass(frozen=True)
class ChunkRef:
    """A chunk as readers see it: its text and the article it came from."""

    row: int
    id: str
    article: Article
    position: int
    start: int
    end: int
    text: str


@dataclass
class VersionData:
    """Everything a version holds, in memory, ready to be written."""

    manifest: dict
    articles: list[Article]
    files: dict[str, dict]
    chunk_rows: np.ndarray  # CHUNK_DTYPE
    chunk_keys: list[str]
    chunk_texts: list[str]
    vectors: FaissStore | None  # None when the vectors live in Qdrant (manifest["qdrant"])
    bm25: Bm25Index
    sentences: list[np.ndarray] | None = None  # per chunk, sentences.sentence_table of its text
    stories: dict | None = None  # {"assignments": {article id: story id}, "stories": [Story fields]}
    # per chunk, (sentence, start, end, label id) rows: the NER model's entities of its sentences,
    # labels as manifest["entities"]["labels"] lists them
    entities: list[np.ndarray] | None = None


def write_version(folder: Path, data: VersionData) -> None:
    folder.mkdir(parents=True)
    _write_json(folder / "articles.json", [_article_meta(a) for a in data.articles])
    _write_json(folder / "files.json", data.files)
    np.save(folder / "chunks.npy", data.chunk_rows.astype(CHUNK_DTYPE, copy=False))
    np.save(folder / "chunk_keys.npy", np.array(data.chunk_keys, dtype="S40"))
    encoded = [t.encode("utf-8") for t in data.chunk_texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    np.save(folder / "chunk_text_offsets.npy", offsets)
    with open(folder / "chunk_text.bin", "wb") as fh:
        for blob in encoded:
            fh.write(blob)
        fh.flush()
        os.fsync(fh.fileno())
    if data.sentences is not None:
        _save_per_chunk(folder, "sentences.npy", "sentence_offsets.npy", data.sentences, 3)
    if data.entities is not None:
        _save_per_chunk(folder, "entities.npy", "entity_offsets.npy", data.entities, 4)
    if data.vectors is not None:
        data.vectors.save(folder)
    if data.stories is not None:
        _write_json(folder / "stories.json", data.stories)
    data.bm25.save(folder / "bm25")
    # every file's size, so a version truncated or emptied later is refused when it is opened
    # (and noticed while served) instead of being read half or killing the process with SIGBUS
    manifest = {**data.manifest, "sizes": file_sizes(folder)}
    _write_json(folder / "manifest.json", manifest)  # last: its presence marks a complete version


def file_sizes(folder: Path) -> dict[str, int]:
    """{path relative to the version folder: bytes} of every file but the manifest."""
    return {str(f.relative_to(folder)): f.stat().st_size for f in sorted(Path(folder).rglob("*"))
            if f.is_file() and f.name != "manifest.json"}


def size_problem(folder: Path, sizes: dict[str, int], missing_ok: bool = False) -> str | None:
    """The first file of a version whose size is not the one its manifest recorded, said in words;
    None when every file is whole (versions written before sizes were recorded pass). `missing_ok`:
    a deleted file is no problem (a pruned version a reader still serves: its maps outlive it)."""
    for name, size in sizes.items():
        path = Path(folder) / name
        try:
            actual = path.stat().st_size
        except FileNotFoundError:
            if missing_ok:
                continue
            return f"{path} is missing"
        if actual != size:
            return f"{path} is {actual:,} bytes, its manifest says {size:,} (truncated or overwritten)"
    return None


def _save_per_chunk(folder: Path, name: str, offsets_name: str, tables: list[np.ndarray], columns: int) -> None:
    """Per-chunk int32 tables back to back (`name`) and where each chunk's rows begin
    (`offsets_name`, one more entry than chunks)."""
    counts = np.zeros(len(tables) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in tables], out=counts[1:])
    np.save(folder / offsets_name, counts)
    np.save(folder / name, np.concatenate(tables).astype(np.int32) if tables
            else np.zeros((0, columns), dtype=np.int32))


class IndexVersion:
    """A loaded, read-only version. Readers share one instance; it never changes after loading."""

    def __init__(self, folder: Path, qdrant=None) -> None:
        """`qdrant` (index.qdrant_store.QdrantConnector) reaches the Qdrant that holds a version built
        with vector_store = "qdrant"; without it, the URL the manifest recorded is used."""
        self.path = Path(folder)
        manifest_path = self.path / "manifest.json"
        if not manifest_path.exists():
            raise IndexCorrupt(f"{self.path} has no manifest.json (an unfinished build?); rebuild the index")
        try:
            self.manifest: dict = json.loads(manifest_path.read_text())
        except (OSError, ValueError) as exc:
            raise IndexCorrupt(f"{manifest_path} is unreadable ({exc}); rebuild the index: newsbot index build") from exc
        problem = size_problem(self.path, self.manifest.get("sizes", {}))
        if problem:
            raise IndexCorrupt(f"{problem}; rebuild the index: newsbot index build")
        try:
            self.articles = [_article(meta) for meta in json.loads((self.path / "articles.json").read_text())]
            self.files: dict[str, dict] = json.loads((self.path / "files.json").read_text())
            self.chunk_rows = mapped(self.path / "chunks.npy")
            self.chunk_keys = mapped(self.path / "chunk_keys.npy")
            self._offsets = mapped(self.path / "chunk_text_offsets.npy")
            self._text = _map(self.path / "chunk_text.bin") if self._offsets[-1] else b""
            self.vector_store = self.manifest.get("vector_store", "faiss")
            self.vectors = FaissStore.load(self.path) if self.vector_store == "faiss" else None
            self.bm25 = Bm25Index.load(self.path / "bm25", len(self.chunk_rows))
            self._sentences = self._sentence_offsets = None
            if (self.path / "sentences.npy").exists():
                self._sentences = mapped(self.path / "sentences.npy")
                self._sentence_offsets = mapped(self.path / "sentence_offsets.npy")
            self._entities = self._entity_offsets = None
            self.entity_labels: list[str] = list(self.manifest.get("entities", {}).get("labels", []))
            if self.entity_labels and (self.path / "entities.npy").exists():
                self._entities = mapped(self.path / "entities.npy")
                self._entity_offsets = mapped(self.path / "entity_offsets.npy")
        except Exception as exc:  # numpy, faiss, bm25s and json each fail their own way on a bad file
            raise IndexCorrupt(f"cannot read index version {self.path}: {type(exc).__name__}: {exc}; rebuild the "
                               "index: newsbot index build") from exc
        self.article_row = {a.id: i for i, a in enumerate(self.articles)}
        # the newest publication date held (ISO, "" when none is dated): "latest" and "this week"
        # are anchored here when the index is older than today (an archive, a paused feed)
        self.newest_published = max((a.published[:10] for a in self.articles if a.published), default="")
        self.chunk_article_rows = np.asarray(self.chunk_rows["article"])
        self.search = self._search(qdrant)
        if len(self.search) != len(self.chunk_rows):
            raise IndexCorrupt(f"{self.path}: {len(self.search)} vectors for {len(self.chunk_rows)} chunks; rebuild")
        self._rows_by_key: dict[int, int] | None = None
        self._words: list[str] | None = None
        self._title_terms: dict[int, int] = {}
        self._stories: dict | None = None
        self._story_list: list | None = None
        self._story_by_id: dict | None = None

    def damaged(self) -> str | None:
        """Whether a file of this (served) version changed size since it was written: a truncated
        memory-mapped file would kill the process with SIGBUS on the next read."""
        return size_problem(self.path, self.manifest.get("sizes", {}), missing_ok=True)

    def _search(self, qdrant) -> ChunkSearch:
        if self.vector_store == "faiss":
            return FaissBm25Search(self.vectors, self.bm25, self.articles, self.chunk_article_rows)
        if self.vector_store != "qdrant":
            raise IndexCorrupt(f"{self.path}: unknown vector store {self.vector_store!r}; rebuild the index")
        from index.qdrant_store import QdrantConnector, QdrantSearch

        where = self.manifest["qdrant"]
        connector = qdrant or QdrantConnector(where["url"])
        try:
            return QdrantSearch(connector.client(), where["collection"], self.bm25)
        except Exception as exc:  # the server is down, the collection was deleted
            raise IndexCorrupt(f"{self.path}: its vectors in Qdrant ({where['collection']}) cannot be read: {exc}; "
                               "check index.qdrant_url, or rebuild the index") from exc

    def _story_file(self) -> dict:
        if self._stories is None:
            path = self.path / "stories.json"
            self._stories = json.loads(path.read_text()) if path.exists() else {"assignments": {}, "stories": []}
        return self._stories

    def story_assignments(self) -> dict[str, str]:
        """Article id → story id (empty for a version built before stories)."""
        return self._story_file()["assignments"]

    def stories(self) -> list:
        """The version's stories (index/stories.Story), most recent first."""
        from index.stories import Story

        if self._story_list is None:  # read once per version (answers ask for it)
            self._story_list = [Story(**{**s, "article_ids": tuple(s["article_ids"]), "sources": tuple(s["sources"]),
                                         "names": tuple(s["names"])}) for s in self._story_file()["stories"]]
        return self._story_list

    def story_of(self, article_id: str):
        """The story an article belongs to (None for a version built before stories)."""
        if self._story_by_id is None:  # built once per version: answers look up every citation
            self._story_by_id = {s.id: s for s in self.stories()}
        return self._story_by_id.get(self.story_assignments().get(article_id, ""))

    def text_term_ids(self, row: int) -> np.ndarray:
        """BM25 term ids of a chunk's own text: its stored ids without the title's, which lead them
        (the title is in every chunk of an article, so it cannot tell them apart)."""
        article = int(self.chunk_article_rows[row])
        skip = self._title_terms.get(article)
        if skip is None:
            skip = self._title_terms.setdefault(article, len(terms(self.articles[article].title)))
        return self.bm25.term_ids(row)[skip:]

    def sentences(self, row: int) -> np.ndarray | None:
        """A chunk's sentences as (start, end, terms so far) rows, offsets inside its text and term
        counts into `text_term_ids(row)`; None for a version indexed before sentences were stored."""
        if self._sentences is None:
            return None
        return self._sentences[self._sentence_offsets[row] : self._sentence_offsets[row + 1]]

    def sentence_spans(self, parts) -> list[tuple[int, int, np.ndarray, tuple[int, int]]] | None:
        """The sentences of consecutive chunks of one article as stored: `parts` are (chunk row,
        where its text starts in the joined text); each sentence is (start, end) in the joined text,
        its lexical term ids and (chunk row, sentence number). A sentence in the overlap of two
        chunks is taken once. None for a version without sentence tables."""
        out = []
        covered = 0  # the joined text up to here has its sentences already
        for row, offset in parts:
            table = self.sentences(row)
            if table is None:
                return None
            term_ids = self.text_term_ids(row)
            before = 0
            for number, (start, end, upto) in enumerate(table.tolist()):
                if offset + start >= covered:
                    out.append((offset + start, offset + end, term_ids[before:upto], (row, number)))
                    covered = offset + end
                before = upto
        return out

    @property
    def has_entities(self) -> bool:
        """Whether the build stored the NER model's entities of every sentence."""
        return self._entities is not None

    def entity_rows(self, row: int) -> np.ndarray | None:
        """A chunk's stored entities as (sentence, start, end, label id) rows (offsets inside the
        sentence, the sentence's number in `sentences(row)`); None when the version has none."""
        if self._entities is None:
            return None
        return self._entities[self._entity_offsets[row] : self._entity_offsets[row + 1]]

    def sentence_entities(self, row: int, sentence: int, text: str) -> tuple[Entity, ...] | None:
        """The stored entities of one sentence of a chunk (`text` is the sentence), as the model
        found them when indexing; None when the version stored none."""
        rows = self.entity_rows(row)
        if rows is None:
            return None
        labels = self.entity_labels
        return tuple(Entity(s, e, labels[k], text[s:e]) for i, s, e, k in rows.tolist() if i == sentence)

    @property
    def name(self) -> str:
        return self.path.name

    def __len__(self) -> int:
        return len(self.chunk_rows)

    def chunk_text(self, row: int) -> str:
        start, end = int(self._offsets[row]), int(self._offsets[row + 1])
        return self._text[start:end].decode("utf-8")

    def all_chunk_texts(self) -> list[str]:
        """Every chunk's text in row order, read in one pass (for builds that re-use a version)."""
        blob = self._text[:]
        offsets = self._offsets.tolist()
        return [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(len(offsets) - 1)]

    def chunk_id(self, row: int) -> str:
        article = self.articles[int(self.chunk_article_rows[row])]
        return f"{article.id}:{int(self.chunk_rows[row]['position'])}"

    @property
    def words(self) -> list[str]:
        """The BM25 vocabulary as a list indexed by term id (built on first use)."""
        if self._words is None:
            vocab = self.bm25.vocab
            words = [""] * (max(vocab.values()) + 1 if vocab else 0)
            for word, i in vocab.items():
                words[i] = word
            self._words = words
        return self._words

    def row_of(self, chunk_id: str) -> int | None:
        """The row of a chunk id ("<article id>:<position>") in this version, or None."""
        article_id, _, position = chunk_id.rpartition(":")
        article_row = self.article_row.get(article_id)
        if article_row is None or not position.isdigit():
            return None
        if self._rows_by_key is None:  # built once per version, on the first look-up
            keys = self.chunk_article_rows.astype(np.int64) * 1_000_000 + np.asarray(self.chunk_rows["position"], dtype=np.int64)
            self._rows_by_key = dict(zip(keys.tolist(), range(len(keys))))
        return self._rows_by_key.get(article_row * 1_000_000 + int(position))

    def chunk(self, row: int) -> ChunkRef:
        meta = self.chunk_rows[row]
        article = self.articles[int(meta["article"])]
        return ChunkRef(
            row=int(row), id=self.chunk_id(row), article=article,
            position=int(meta["position"]), start=int(meta["start"]), end=int(meta["end"]),
            text=self.chunk_text(int(row)),
        )


def _map(path: Path) -> mmap.mmap:
    with open(path, "rb") as fh:  # the mapping stays valid after the file is closed (and deleted)
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def _article(meta: dict) -> Article:
    if meta.get("also"):
        meta["also"] = tuple(tuple(pair) for pair in meta["also"])
    return Article(text="", **meta)


def _article_meta(article: Article) -> dict:
    meta = asdict(article)
    del meta["text"]
    return meta


def _write_json(path: Path, data: object) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
