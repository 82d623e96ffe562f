"""A static question encoder fitted to the document model: a question's vector is a sum of rows of
one table, looked up by word piece, so embedding a question costs ~0.1 ms instead of 3 ms.

The table is fitted, once per index, against the very model that embedded the documents, on short
spans of the index's own chunks (questions are short; fitted on whole chunks it generalised badly):

1. each span runs through the model once; its pooled vector is the target, and every word piece's
   contextual state is added to that piece's running sum (`TokenStates`);
2. a piece's row is the mean of its states, shrunk towards zero when it was seen only once or twice
   (rarely seen pieces then weigh little);
3. one linear map, fitted by least squares from the spans' summed rows to their targets, brings the
   sums into the model's space; the table saved is rows × map.

So question vectors live in the documents' space and are compared with the stored vectors as they
are. On RealTime QA the fitted vectors have cosine ~0.8 to the model's own; retrieval figures are in
the README. Unseen word pieces contribute nothing. Serving needs numpy and `tokenizers` only.

    <index>/cache/query-encoder-<model>.npy    float16 table (vocabulary × dim)
    <index>/cache/query-encoder-<model>.json   what it was fitted on, held-out cosine
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from index.errors import ModelNotAvailable
from index.files import write_atomic

MIN_CHUNKS = 500  # below this an index is too small to fit on (and ONNX is cheap there anyway)
SPANS_PER_CHUNK = 4
MAX_SPANS = 20_000  # ~45 s of the model on 2 cores; quality still rose from 10k to 20k spans
SPAN_WORDS = (6, 20)  # a span has 6-19 words: question-sized
SHRINK = 2.0  # a word piece seen n times keeps n / (n + SHRINK) of its mean state
REFIT_GROWTH = 1.25  # refit when the index has grown (or shrunk) this much since the last fit
HELD_OUT = 0.05
log = logging.getLogger(__name__)


class TokenStates(Protocol):
    """A document model that can show its work: per text, the word-piece ids, each piece's
    contextual state (n × dim) and the text's pooled, normalised vector."""

    dim: int
    vocab_size: int

    def token_states(self, texts: Sequence[str]) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]: ...


@dataclass(frozen=True)
class FitReport:
    model: str
    chunks: int  # chunks in the index when fitted
    spans: int
    word_pieces_seen: int
    held_out_cosine: float  # mean cosine to the model's own vectors on spans not fitted on
    seconds: float
    fitted_at: str


def sample_spans(texts: Sequence[str], per_text: int = SPANS_PER_CHUNK, limit: int = MAX_SPANS,
                 seed: int = 0) -> list[str]:
    """Question-sized runs of words from the texts, the same for the same texts (seeded)."""
    rng = np.random.default_rng(seed)
    chosen = np.arange(len(texts))
    if len(texts) * per_text > limit:  # spread the budget over the whole index
        chosen = np.sort(rng.choice(len(texts), max(1, limit // per_text), replace=False))
    spans = []
    for i in chosen.tolist():
        words = texts[i].split()
        if not words:
            continue
        for _ in range(per_text):
            length = int(rng.integers(*SPAN_WORDS))
            start = int(rng.integers(0, max(1, len(words) - length + 1)))
            spans.append(" ".join(words[start : start + length]))
    return spans[:limit]


def fit_table(states: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]], vocab_size: int, dim: int,
              held_out: float = HELD_OUT) -> tuple[np.ndarray, float, int]:
    """The table (vocab_size × dim, float32) from the model's states of some spans; returns it with
    the mean cosine on the held-out spans and the number of word pieces seen."""
    sums = np.zeros((vocab_size, dim), dtype=np.float64)
    counts = np.zeros(vocab_size, dtype=np.float64)
    span_ids: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    for ids, hidden, pooled in states:
        np.add.at(sums, ids, hidden)
        np.add.at(counts, ids, 1.0)
        span_ids.append(ids)
        targets.append(pooled)
    if len(span_ids) < 2 * dim:
        raise ValueError(f"{len(span_ids)} spans are too few to fit a {dim}-dimensional map")
    rows = sums / (counts + SHRINK)[:, None]
    summed = np.stack([rows[ids].sum(axis=0) for ids in span_ids])
    summed /= np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-12)
    target = np.stack(targets)
    test = np.arange(len(span_ids)) % max(2, round(1 / held_out)) == 0 if held_out else np.zeros(len(span_ids), bool)
    mapping, *_ = np.linalg.lstsq(summed[~test], target[~test], rcond=None)
    table = (rows @ mapping).astype(np.float32)
    cosine = 1.0
    if test.any():
        predicted = summed[test] @ mapping
        predicted /= np.maximum(np.linalg.norm(predicted, axis=1, keepdims=True), 1e-12)
        cosine = float((predicted * target[test]).sum(axis=1).mean())
    return table, cosine, int((counts > 0).sum())


def table_path(index_dir: Path, model: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in model)
    return Path(index_dir) / "cache" / f"query-encoder-{safe}.npy"


def read_report(index_dir: Path, model: str) -> FitReport | None:
    try:
        return FitReport(**json.loads(table_path(index_dir, model).with_suffix(".json").read_text()))
    except (OSError, ValueError, TypeError):
        return None


def needs_fit(index_dir: Path, model: str, chunks: int, full: bool = False) -> bool:
    """No table yet, a full rebuild, or the index grew or shrank a lot since the fit."""
    if chunks < MIN_CHUNKS:
        return False
    report = read_report(index_dir, model)
    if full or report is None or not table_path(index_dir, model).exists():
        return True
    return not (report.chunks / REFIT_GROWTH <= chunks <= report.chunks * REFIT_GROWTH)


def fit(index_dir: Path, model: str, chunk_texts: Sequence[str], states: TokenStates) -> FitReport:
    """Fit on the chunks and save table and report (written aside, then renamed: a crash leaves the
    previous table, or none, never half of one)."""
    started = time.perf_counter()
    spans = sample_spans(chunk_texts)
    table, cosine, seen = fit_table(states.token_states(spans), states.vocab_size, states.dim)
    report = FitReport(model=model, chunks=len(chunk_texts), spans=len(spans), word_pieces_seen=seen,
                       held_out_cosine=round(cosine, 4), seconds=round(time.perf_counter() - started, 2),
                       fitted_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    path = table_path(index_dir, model)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npy")
    np.save(tmp, table.astype(np.float16))
    os.replace(tmp, path)
    write_atomic(path.with_suffix(".json"), json.dumps(asdict(report), indent=2).encode())
    log.info("fitted the static question encoder on %d spans in %.1f s (held-out cosine %.3f)",
             report.spans, report.seconds, report.held_out_cosine)
    return report


class StaticEncoder:
    """Embedder protocol over a fitted table: tokenize, add the rows, normalise. A refit (a new
    table file) is picked up on the next question."""

    def __init__(self, index_dir: Path, model: str, model_path: str, max_tokens: int = 256) -> None:
        try:
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelNotAvailable("the static question encoder needs `tokenizers`") from exc
        self._path = table_path(index_dir, model)
        if not self._path.exists():
            raise ModelNotAvailable(
                f"no static question encoder has been fitted for {index_dir} (it needs an index of "
                f"{MIN_CHUNKS}+ chunks); run `newsbot index update` with query_encoder = \"static\"")
        self._tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_tokens)
        self.name = f"{model} (static)"
        self._stamp: tuple[int, int] | None = None
        self._table = self._load()
        self.dim = int(self._table.shape[1])

    def _load(self) -> np.ndarray:
        stat = self._path.stat()
        self._stamp = (stat.st_ino, stat.st_mtime_ns)
        return np.load(self._path).astype(np.float32)  # float32 in memory: gathers 8x faster than float16

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        try:
            stat = self._path.stat()
            if (stat.st_ino, stat.st_mtime_ns) != self._stamp:
                self._table = self._load()
        except OSError:
            pass  # removed meanwhile: keep serving with the table already mapped
        table = self._table
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        encodings = [self._tokenizer.encode(texts[0])] if len(texts) == 1 else self._tokenizer.encode_batch(list(texts))
        for i, encoding in enumerate(encodings):
            vector = table[encoding.ids].sum(axis=0)
            out[i] = vector / max(float(np.linalg.norm(vector)), 1e-12)
        return out
