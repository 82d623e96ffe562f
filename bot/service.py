"""Wiring: settings → reader, embedder, retriever, answerer. The one place the pieces meet."""

from __future__ import annotations

from bot.answer import Answerer
from bot.retrieve import Retriever
from bot.settings import Settings
from index.embedder import Embedder, SentenceTransformerEmbedder
from index.versions import IndexReader


def make_embedder(settings: Settings) -> Embedder:
    return SentenceTransformerEmbedder(settings.index.model, settings.index.batch_size)


def make_answerer(settings: Settings, embedder: Embedder | None = None) -> Answerer:
    reader = IndexReader(settings.index.index_dir)
    reader.snapshot()  # fail early, with IndexNotFound, when there is no index
    embedder = embedder or make_embedder(settings)
    embedder.embed(["warm up"])  # the first call is ~20x slower; pay it at start-up, not on a question
    retriever = Retriever(reader, embedder, settings.answer)
    return Answerer(retriever, settings.answer)
