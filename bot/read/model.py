"""The trained reader (train/reader.py) run with onnxruntime: int8 weights, one batched call per
question over its candidate sentences. Its card (card.json beside the weights) gives the recipe
hash, the calibration (`scale`, `threshold` on the relevance logit) and the measured figures."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.read import Reading
from bot.read.encoding import MAX_TOKENS, best_span, char_span, encode
from index.errors import ModelNotAvailable

WEIGHTS = Path(__file__).resolve().parent / "weights"
BATCH = 16


class ModelReader:
    name = "model"

    def __init__(self, folder: Path = WEIGHTS, threads: int = 2) -> None:
        folder = Path(folder)
        model, tokenizer_file, card_file = folder / "reader.int8.onnx", folder / "tokenizer.json", folder / "card.json"
        for needed in (model, tokenizer_file, card_file):
            if not needed.is_file():
                raise ModelNotAvailable(f"the reader model is incomplete: {needed} is missing (reinstall newsbot, "
                                        "or train it: python -m train.reader) — or set answer.reader = \"rules\"")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.card = json.loads(card_file.read_text())
        calibration = self.card.get("calibration", {})
        self.scale = float(calibration.get("scale", 1.0))
        self.bias = float(calibration.get("bias", 0.0))
        self.threshold = float(calibration.get("threshold", 0.5))
        self.max_tokens = int(self.card.get("recipe", {}).get("max_tokens", MAX_TOKENS))

    def logits(self, question: str | list[str], candidates: list[tuple[str, str]]):
        """Raw outputs (relevance, start, end) and the encoding, for training checks and calibration."""
        enc = encode(self.tokenizer, question, candidates, self.max_tokens)
        relevance, start, end = self.session.run(None, {"input_ids": enc.input_ids, "attention_mask":
                                                        enc.attention_mask, "token_type_ids": enc.token_type_ids})
        return relevance, start, end, enc

    def read(self, question: str, candidates: list[tuple[str, str]]) -> list[Reading]:
        """Candidates are read in batches of BATCH of similar length (a batch pads to its longest:
        96 news sentences in one batch 1.58 s, sorted in batches of 16 1.20 s, same outputs)."""
        order = sorted(range(len(candidates)), key=lambda i: len(candidates[i][0]) + len(candidates[i][1]))
        out: list[Reading | None] = [None] * len(candidates)
        for k in range(0, len(order), BATCH):
            part = order[k:k + BATCH]
            for i, reading in zip(part, self._read(question, [candidates[i] for i in part])):
                out[i] = reading
        return out  # type: ignore[return-value]

    def _read(self, question: str, candidates: list[tuple[str, str]]) -> list[Reading]:
        relevance, start, end, enc = self.logits(question, candidates)
        probability = sigmoid(self.scale * relevance + self.bias)
        out = []
        for b, p in enumerate(probability.tolist()):
            i, j, score = best_span(start[b], end[b], int(enc.first[b]), int(enc.last[b]))
            span = char_span(enc, b, i, j) if np.isfinite(score) else None
            out.append(Reading(p, p >= self.threshold, span, score))
        return out


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow for large |z|


@lru_cache(maxsize=2)
def shipped_reader(folder: str = str(WEIGHTS)) -> ModelReader:
    """The reader of a folder, loaded once per process (~0.2 s)."""
    return ModelReader(Path(folder))
