"""newsbot's index: articles in, a versioned FAISS + BM25 index out."""

from index.articles import Article, Merged, Skipped, load_articles_from
from index.build import SyncReport, sync_index
from index.chunking import Chunk, chunk_article
from index.embedder import Embedder, SentenceTransformerEmbedder
from index.errors import (
    BuildInProgress, IndexCorrupt, IndexNotFound, ModelNotAvailable, NewsbotError, NothingToIndex,
)
from index.settings import IndexSettings
from index.store import ChunkRef, IndexVersion
from index.versions import IndexReader, load_current

__all__ = [
    "Article", "BuildInProgress", "Chunk", "ChunkRef", "Embedder", "IndexCorrupt", "IndexNotFound",
    "IndexReader", "IndexSettings", "IndexVersion", "Merged", "ModelNotAvailable", "NewsbotError",
    "NothingToIndex", "SentenceTransformerEmbedder", "Skipped", "SyncReport", "chunk_article",
    "load_articles_from", "load_current", "sync_index",
]
