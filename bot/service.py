"""Wiring: settings → reader, embedder, retriever, answerer. The one place the pieces meet."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from bot.answer import Answerer
from bot.retrieve import Retriever
from bot.settings import Settings
from index.embedder import Embedder, LazyEmbedder, resolve_model_path
from index.errors import IndexNotFound, ModelNotAvailable, NewsbotError
from index.versions import IndexReader

# the ONNX precision each choice runs (static falls back to fp32 ONNX until its table is fitted)
QUERY_ENCODERS = {"onnx": "fp32", "onnx-int8": "int8", "static": "fp32", "model": None}
log = logging.getLogger(__name__)


def make_embedder(settings: Settings) -> Embedder:
    """The document model, loaded only when something needs embedding."""
    return LazyEmbedder(settings.index.model, settings.index.batch_size)


def make_query_embedder(settings: Settings, document_embedder: Callable[[], Embedder]) -> Embedder:
    """The encoder for questions (settings.index.query_encoder). When the ONNX one cannot be made
    here (no onnxruntime, a failed export), questions fall back to the document model, with a warning:
    slower, never wrong."""
    choice = settings.index.query_encoder
    if choice not in QUERY_ENCODERS:
        raise NewsbotError(f"query_encoder must be one of {', '.join(QUERY_ENCODERS)}, not {choice!r}")
    precision = QUERY_ENCODERS[choice]
    if precision is None:
        return document_embedder()
    if choice == "static":
        from index.static_encoder import StaticEncoder

        try:
            return StaticEncoder(settings.index.index_dir, settings.index.model, resolve_model_path(settings.index.model))
        except ModelNotAvailable as exc:
            log.warning("%s; questions use the ONNX encoder", exc)
    from index.onnx_encoder import load_query_encoder

    try:
        return load_query_encoder(resolve_model_path(settings.index.model), settings.index.model,
                                  settings.index.model_cache, precision, reference=document_embedder)
    except (ModelNotAvailable, OSError, RuntimeError) as exc:
        log.warning("ONNX query encoder unavailable (%s); questions use the sentence-transformers model", exc)
        return document_embedder()


def make_llm(settings: Settings):
    """The llama-index LLM client for settings.llm (None for provider "none"). The clients are an
    optional extra: `pip install -e '.[llm]'` (make test installs it)."""
    llm = settings.llm
    if llm.provider == "none":
        return None
    key = llm.api_key.get() or "not-needed"  # local servers take any key
    try:
        if llm.provider == "ollama":
            from llama_index.llms.ollama import Ollama

            return Ollama(model=llm.model, base_url=llm.base_url or "http://127.0.0.1:11434",
                          request_timeout=llm.timeout_s, temperature=llm.temperature)
        from llama_index.llms.openai_like import OpenAILike

        if llm.provider == "openai":
            from llama_index.llms.openai import OpenAI

            return OpenAI(model=llm.model or "gpt-4o-mini", api_key=llm.api_key.get() or None,
                          api_base=llm.base_url or None, timeout=llm.timeout_s, max_retries=1,
                          temperature=llm.temperature, max_tokens=llm.max_tokens)
        base_url = llm.base_url
        if llm.provider == "gguf":  # a local model file: llama.cpp serves it inside this process
            from bot.llm_server import local_endpoint

            base_url = local_endpoint(Path(llm.gguf_path).expanduser())
        return OpenAILike(model=llm.model or "local", api_base=base_url, api_key=key, is_chat_model=True,
                          timeout=llm.timeout_s, max_retries=0, temperature=llm.temperature,
                          max_tokens=llm.max_tokens, context_window=8192)
    except ImportError as exc:
        raise NewsbotError(f"llm.provider = {llm.provider} needs the LLM clients: pip install -e '.[llm]' "
                           f"({exc.name} is missing)") from exc


def make_composer(settings: Settings, embedder: Embedder | None = None):
    """The answer composer: extractive (quoted sentences) unless an LLM is configured. `embedder`
    (the question encoder) lets the verifier compare a generated sentence's meaning with its
    passage's sentences."""
    from bot.composer import ExtractiveComposer

    client = make_llm(settings)
    if client is None:
        return ExtractiveComposer(settings.answer, make_sentence_reader(settings))
    from bot.generative import GenerativeComposer
    from bot.verify import embedding_similarity

    endpoint = settings.llm.gguf_path if settings.llm.provider == "gguf" else settings.llm.base_url
    return GenerativeComposer(client, settings.llm, settings.answer, endpoint=endpoint or settings.llm.provider,
                              similarity=embedding_similarity(embedder) if embedder is not None else None,
                              reader=make_sentence_reader(settings))


def make_sentence_reader(settings: Settings):
    """The trained reader (loaded once, ~0.2 s) when it reads the sentences (answer.reader = "model"),
    judges the rules' (answer.reader_judge) or gives the short answer (answer.reader_short = "model" |
    "typed" | "fill"), else None (the rules)."""
    answer = settings.answer
    named = answer.reader == "model" or answer.reader_short != "rules"
    if not named and not answer.reader_judge:
        return None
    from bot.read import model

    try:
        return model.shipped_reader()
    except ModelNotAvailable as exc:
        if named:  # asked for by name: a missing model is an error the user must see
            raise
        # only judging the rules' answers (a default): without the model the rules answer alone
        log.warning("answers are not judged by the reader: %s", exc)
        return None


def make_topic_reader():
    """The reader timelines use to keep the sentences about their topic: the trained model, which
    ships with the package, whatever answer.reader says (timelines have no rules of their own to keep;
    bench/timelines.py measures both); None when its weights are missing (topic-word coverage then)."""
    from bot.read.model import shipped_reader

    try:
        return shipped_reader()
    except ModelNotAvailable as exc:
        log.warning("timelines fall back to topic words: %s", exc)
        return None


def make_reader(settings: Settings) -> IndexReader:
    """The index reader; versions kept on Qdrant are reached with the settings' URL and key."""
    from index.build import qdrant_connector

    return IndexReader(settings.index.index_dir, qdrant=qdrant_connector(settings.index) if settings.index.qdrant_url else None)


def make_answerer(settings: Settings, embedder: Embedder | None = None, *, warm_ner: bool = True) -> Answerer:
    """`embedder`: an already loaded document model, used when questions need it (export check,
    query_encoder = "model"); otherwise the serving process never loads torch. `warm_ner`: load the
    NER model now (a chat or Slack process answering many questions); False leaves it to the first
    question that needs it (one-shot commands: with names stored in the index most questions never
    do, and start-up is ~1.7 s shorter)."""
    reader = make_reader(settings)
    try:
        reader.snapshot()  # fail early, with IndexNotFound, when there is no index
    except IndexNotFound as exc:  # name the articles folder the user chose, so the hint builds from it
        seeds = settings.index.seeds_dir
        raise IndexNotFound(str(settings.index.index_dir), str(seeds) if seeds != Path("seeds") else None) from exc
    query_embedder = make_query_embedder(settings, lambda: embedder or make_embedder(settings))
    query_embedder.embed(["warm up"])  # the first call is slow; pay it at start-up, not on a question
    retriever = Retriever(reader, query_embedder, settings.answer)
    if warm_ner:
        from index.nlp import warm_up

        warm_up()  # the NER model (~1 s, and spaCy imports torch) loads at start-up, not on a question
    return Answerer(retriever, settings.answer, make_composer(settings, query_embedder))
