"""The ONNX query encoder: exported from the packaged model, the same vectors, and a safe fallback."""

import logging
from dataclasses import replace

import numpy as np
import pytest

from bot.service import make_answerer, make_query_embedder
from index.embedder import SentenceTransformerEmbedder
from index.errors import NewsbotError
from index.onnx_encoder import OnnxEmbedder

pytestmark = pytest.mark.slow  # the real model, or the newsbot command in a subprocess

QUESTIONS = [
    "who blamed whom for the Idlib clashes?",
    "What did Russia's foreign ministry say about the Sochi agreement signed in 2018?",
    "Idlib",
]


def test_default_answerer_embeds_questions_with_onnx_and_matches_the_model(settings_for, embedder):
    answerer = make_answerer(settings_for(), embedder)
    encoder = answerer.retriever.embedder
    assert isinstance(encoder, OnnxEmbedder)
    cosines = (encoder.embed(QUESTIONS) * embedder.embed(QUESTIONS)).sum(axis=1)
    assert cosines.min() > 0.999
    answer = answerer.answer(QUESTIONS[0])
    assert answer.citations[0].title == "Russia blames Turkey for recent Syria regime clashes in Idlib"


def test_int8_encoder_stays_close_and_finds_the_article(settings_for, embedder):
    settings = settings_for()
    settings = replace(settings, index=replace(settings.index, query_encoder="onnx-int8"))
    encoder = make_query_embedder(settings, lambda: embedder)
    assert isinstance(encoder, OnnxEmbedder)
    for question in QUESTIONS:  # one at a time, as questions arrive
        assert float(encoder.embed([question])[0] @ embedder.embed([question])[0]) > 0.97
    answerer = make_answerer(settings, embedder)
    assert answerer.answer(QUESTIONS[0]).citations[0].title.startswith("Russia blames Turkey")


def test_unusable_cache_falls_back_to_the_model_with_a_warning(settings_for, embedder, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    settings = settings_for()
    settings = replace(settings, index=replace(settings.index, model_cache=blocker / "models"))
    with caplog.at_level(logging.WARNING):
        encoder = make_query_embedder(settings, lambda: embedder)
    assert encoder is embedder
    assert "questions use the sentence-transformers model" in caplog.text
    assert not any(blocker.parent.glob("**/*.onnx"))


def test_model_choice_skips_onnx_and_unknown_choice_is_explained(settings_for, embedder):
    settings = settings_for()
    assert make_query_embedder(replace(settings, index=replace(settings.index, query_encoder="model")),
                               lambda: embedder) is embedder
    with pytest.raises(NewsbotError, match="query_encoder must be one of onnx, onnx-int8, static, model"):
        make_query_embedder(replace(settings, index=replace(settings.index, query_encoder="gpu")), lambda: embedder)


def test_a_question_longer_than_the_model_window_is_truncated_like_the_model(settings_for, embedder):
    encoder = make_answerer(settings_for(), embedder).retriever.embedder
    long_text = " ".join(["Turkey and Russia disagree about Idlib."] * 120)  # > 256 word pieces
    vector = encoder.embed([long_text])[0]
    assert np.isclose(np.linalg.norm(vector), 1.0)
    assert float(vector @ embedder.embed([long_text])[0]) > 0.999
    assert isinstance(embedder, SentenceTransformerEmbedder)
