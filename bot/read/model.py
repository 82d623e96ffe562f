"""The trained reader run with onnxruntime, int8 weights: the sentence reader (train/reader.py,
reader.int8.onnx) in batched calls over a question's candidate sentences, then the span reader
(train/span.py, span.int8.onnx) on the few most relevant ones, reading the word-piece embeddings
the sentence reader's call gave them (an output of reader.int8.onnx: the table is shipped once). The
card (card.json beside the weights) gives the recipes' hashes, the calibration (`scale`,
`threshold` on the relevance logit) and the measured figures."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.read import Reading, best_reading
from bot.read.encoding import MAX_TOKENS, best_span, char_span, encode, model_inputs
from index.errors import ModelNotAvailable

WEIGHTS = Path(__file__).resolve().parent / "weights"
SPANS = 3  # candidates, most relevant first, whose answer span is read (~15 ms each with the six-layer
# span reader: the card's ten candidates and the first's span take 146 ms, 136 with three layers); the
# answer is chosen among them (bot.read.best_reading): SQuAD F1 0.696 reading one, 0.732 three
SPAN_REACH = 0.3  # … of those, the ones at most this far below the most relevant: a span adds SPAN_WEIGHT ×
# its logits (0.03 × ≤ ~10), so one further below rarely wins. On the 1,500 calibration questions F1 0.7318
# as with all three, reading 2.24 spans a question instead of 2.93 (0.1: 0.7244, 1.42 spans)
READ_TOKENS = 96  # word pieces (question, title, sentence) the answer's span is looked for in. Both readers
# were trained on 64 and read every candidate so; the answer's candidate, when that cut its sentence short,
# is read again up to this for its span (relevance and span score stay the first read's, so the choice of
# sentence is unchanged). At 64 the answer of 5.8% of SQuAD dev-v1.1's answer sentences lay past the cut
# (96: 1.0%, 128: 0.3%; counted with the tokenizer, no model). On 1,500 answerable questions of SQuAD 2.0
# dev's calibration half, top-1 / EM / F1: 0.899 / 0.619 / 0.732 at 64, 0.899 / 0.644 / 0.755 with this.
# Every candidate read at 96 instead: 0.911 / 0.647 / 0.760 (128: 0.911 / 0.653 / 0.763), but on RealTime
# QA's dev split with the model reading it changed three answers (gold in the answer 0.307 -> 0.295, a
# wrong short answer) and cost +40% answer time; the three spans' candidates read again at 96, relevance
# included: 0.910 / 0.647 / 0.759, the same three changes, +16%. This: RealTime QA dev unchanged, +8% (p50
# 284 -> 308 ms, 60 questions, interleaved). A caller asking for every candidate's span (the model-mode multiple
# choice, the outlets' figures) gets each cut one read again, in one batch: multiple choice dev 0.550 -> 0.558


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
        # one thread a call, `threads` candidates read at once (each read alone, `_each`): a call on one
        # candidate is too small to split across cores. 12 candidates of 63 word pieces, VNNI cores,
        # 2 threads: one after the other with 2 threads each 38 ms, two at a time with 1 thread each
        # 21-24 ms (the same logits)
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # two sessions run one after the other: a pool spinning after its run starves the next one
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="reader") if threads > 1 else None
        self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        outputs = {o.name for o in self.session.get_outputs()}
        span_model = folder / "span.int8.onnx"
        # the span reader reads one output of the sentence reader, the one its first input is named
        # after ("hidden": the last states, "embedded": the word pieces); a folder without the span
        # reader, or a sentence reader without that output, reads no spans
        self.span_session = (ort.InferenceSession(str(span_model), options, providers=["CPUExecutionProvider"])
                             if span_model.is_file() else None)
        self.span_source = self.span_session.get_inputs()[0].name if self.span_session is not None else ""
        if self.span_source not in outputs:
            self.span_session = None
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.card = json.loads(card_file.read_text())
        calibration = self.card.get("calibration", {})
        self.scale = float(calibration.get("scale", 1.0))
        self.bias = float(calibration.get("bias", 0.0))
        self.threshold = float(calibration.get("threshold", 0.5))
        self.max_tokens = int(self.card.get("recipe", {}).get("max_tokens", MAX_TOKENS))
        self.span_tokens = max(READ_TOKENS, self.max_tokens)

    def logits(self, question: str | list[str], candidates: list[tuple[str, str]]):
        """Raw relevance logits and the encoding, for training checks and calibration."""
        enc = encode(self.tokenizer, question, candidates, self.max_tokens)
        return np.array([got[0][0] for got in self._each(self.session, ["relevance"], enc)]), enc

    def _each(self, session, outputs: list[str], enc) -> list[list[np.ndarray]]:
        """`session` run on each candidate of the encoding alone, unpadded (a batch of one). The int8
        model quantises its activations with one scale per call, so a candidate read in a batch got a
        relevance that depended on its neighbours: on 40 SQuAD dev paragraphs its logit moved by up
        to 0.74 (p95 0.53) between read alone and read with its paragraph, and the first sentence
        changed in one. Alone, a sentence reads the same whatever else is read with it."""
        feeds = model_inputs(enc)
        widths = enc.attention_mask.sum(axis=1)
        return self._runs(session, outputs, [{k: v[b:b + 1, :int(widths[b])] for k, v in feeds.items()}
                                             for b in range(len(widths))])

    def _runs(self, session, outputs: list[str], feeds: list[dict]) -> list[list[np.ndarray]]:
        """`session` run on each feed, `threads` at a time (onnxruntime lets go of the GIL while it runs)."""
        if self.pool is None or len(feeds) < 2:
            return [session.run(outputs, feed) for feed in feeds]
        return list(self.pool.map(lambda feed: session.run(outputs, feed), feeds))

    def read(self, question: str, candidates: list[tuple[str, str]], spans: int = SPANS) -> list[Reading]:
        """Every candidate's relevance; the answer span of the `spans` most relevant (of those within
        SPAN_REACH of the first, when `spans` is fewer than the candidates: a choice). Each candidate
        is read alone (`_each`)."""
        if not candidates:
            return []
        unique = list(dict.fromkeys(candidates))  # a syndicated sentence is read once
        if len(unique) < len(candidates):
            readings = self.read(question, unique, spans)
            return [readings[i] for i in map({c: i for i, c in enumerate(unique)}.__getitem__, candidates)]
        relevance = np.zeros(len(candidates))
        states: list = [None] * len(candidates)
        with_spans = self.span_session is not None and spans > 0
        outputs = ["relevance", self.span_source] if with_spans else ["relevance"]
        enc = encode(self.tokenizer, question, candidates, self.max_tokens)
        for b, got in enumerate(self._each(self.session, outputs, enc)):
            relevance[b] = got[0][0]
            if with_spans:
                states[b] = (got[1][0], enc, b)  # read unpadded: every state is the candidate's
        probability = sigmoid(self.scale * relevance + self.bias)
        found: dict[int, tuple[tuple[int, int], float]] = {}
        if with_spans:
            top = sorted(range(len(candidates)), key=lambda i: -relevance[i])[:spans]
            if spans < len(candidates):  # choosing the answer among them: only those that still could be
                top = [i for i in top if probability[i] >= probability[top[0]] - SPAN_REACH]
            found = dict(zip(top, self._spans([states[i] for i in top])))
            self._read_whole(question, candidates, top, states, probability, found, every=spans >= len(candidates))
        return [Reading(float(p), bool(p >= self.threshold), *found.get(i, (None, 0.0)))
                for i, p in enumerate(probability.tolist())]

    def _read_whole(self, question, candidates, top, states, probability, found, every: bool = False) -> None:
        """The answer's candidate (`best_reading` of those whose span was read; with `every`, each of
        them: a caller that asked for every candidate's span uses each, as the multiple choice and
        the outlets' figures do), read again up to span_tokens when the first read cut its sentence
        short: its span is then looked for in the whole sentence. Its relevance and span score stay
        those of the first read, so the choice of sentence is the one the readers were trained to make."""
        if self.span_tokens <= self.max_tokens:
            return
        rows = sorted(top)  # candidate order, as the callers' best_reading over every reading breaks ties
        picks = rows if every else [rows[best_reading([Reading(float(probability[i]), True, *found[i]) for i in rows])]]
        picks = [i for i in picks if found[i][0] is not None and _cut(states[i][1], states[i][2], candidates[i][0])]
        if not picks:
            return
        enc = encode(self.tokenizer, question, [candidates[i] for i in picks], self.span_tokens)
        spans = self._spans([(got[0][0], enc, b)
                             for b, got in enumerate(self._each(self.session, [self.span_source], enc))])
        for i, (span, _) in zip(picks, spans):
            if span is not None:
                found[i] = (span, found[i][1])

    def _spans(self, states: list) -> list[tuple[tuple[int, int] | None, float]]:
        """The span reader over the kept states of some candidates, each alone (`_each`)."""
        ends = self._runs(self.span_session, ["start", "end"],
                          [{self.span_source: h[None], "attention_mask": np.ones((1, len(h)), dtype=np.int64)}
                           for h, _, _ in states])
        start, end = [e[0][0] for e in ends], [e[1][0] for e in ends]
        out = []
        for r, (_, enc, b) in enumerate(states):
            i, j, score = best_span(start[r], end[r], int(enc.first[b]), int(enc.last[b]))
            out.append((char_span(enc, b, i, j), score) if np.isfinite(score) else (None, 0.0))
        return out


def _cut(enc, b: int, sentence: str) -> bool:
    """Whether the encoding left out the end of candidate b's sentence."""
    offsets = enc.offsets[b]
    return bool(sentence.strip()) and (not offsets or offsets[-1][1] < len(sentence.rstrip()))


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow for large |z|


@lru_cache(maxsize=2)
def shipped_reader(folder: str = str(WEIGHTS)) -> ModelReader:
    """The reader of a folder, loaded once per process (~0.2 s)."""
    return ModelReader(Path(folder))
