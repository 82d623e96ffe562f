"""Train the span reader: which words of a chosen sentence answer the question.

The sentence reader (train/reader.py) is kept as it is; the span reader reads beside it. Its input
is the sentence reader's word-piece embeddings (the `embedded` output of reader.int8.onnx, run as
shipped: trained on the eight-bit table, read since the six-layer reader with the four-bit one of
train/shrink.py), so the word-piece table is shipped once and the files stay under 30 MB;
its body all six MiniLM layers of all-MiniLM-L6-v2, fine-tuned; its head a start and an end logit
per token. At answer time the sentence reader runs over every candidate and the span reader only
over the few sentences chosen.

The first span reader (source "hidden", first_layer 3, layers 3: MiniLM layers 4-6 on the sentence
reader's last states, 35 min) reached F1 0.624 in the answer sentence; three layers on states tuned
for relevance confused the entities of one sentence. Six layers from the embeddings: 0.772 on 40,000
questions (60 min on cores without VNNI), 0.801 on 80,000 (52 min on cores with AVX-512 VNNI).

Trained on the answer sentences of SQuAD v1.1 train (the same encoding as the sentence reader:
question, article title, sentence; at most 64 tokens). Seeded; `python -m train.span --help`.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import logging
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.read.encoding import best_span, char_span, encode, model_inputs, token_span
from bot.read.metrics import exact, f1
from bot.read.squad import Example, context_of, examples, positive, read_squad
from train.reader import (WEIGHTS, Optimiser, TrainingProgress, add_training_arguments, expose_states,
                          load_tokenizer, minilm_path, quantized, ready)

log = logging.getLogger("train.span")


@dataclass(frozen=True)
class SpanRecipe:
    """Everything that decides the span reader's weights; its hash goes on the model card."""

    source: str = "embedded"  # the sentence reader's output read: its word pieces, or "hidden" (its last states)
    first_layer: int = 0  # the first MiniLM layer of the body: 0 after "embedded", 3 after "hidden" (the reader has 3)
    layers: int = 6  # MiniLM layers in the body
    questions: int = 80_000  # SQuAD v1.1 train answer sentences (40,000 at first: F1 in the answer
    # sentence, the evaluator's 400 dev questions, 0.772 -> 0.801)
    batch: int = 32
    lr: float = 1e-4  # the MiniLM layers
    head_lr: float = 1e-3  # the start/end head
    warmup: float = 0.06
    weight_decay: float = 0.01
    clip_norm: float = 1.0
    max_tokens: int = 64  # as the sentence reader reads: the hidden states come from it
    seed: int = 13

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(dataclasses.asdict(self), sort_keys=True).encode()).hexdigest()[:16]


def sentence_reader_session(folder: Path, source: str):
    """The shipped sentence reader with its `source` output (onnxruntime, 2 threads)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = min(2, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(folder / "reader.int8.onnx"), options, providers=["CPUExecutionProvider"])
    if source not in [o.name for o in session.get_outputs()]:
        raise SystemExit(f"error: {folder / 'reader.int8.onnx'} has no `{source}` output; run "
                         "python -m train.span --expose-states first (or retrain the sentence reader)")
    return session


def build_span_model(recipe: SpanRecipe):
    import torch
    from transformers import AutoModel

    class SpanReader(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            bert = AutoModel.from_pretrained(minilm_path(), attn_implementation="eager")
            self.layers = torch.nn.ModuleList(bert.encoder.layer[recipe.first_layer: recipe.first_layer + recipe.layers])
            self.span = torch.nn.Linear(bert.config.hidden_size, 2)

        def forward(self, hidden, attention_mask):
            additive = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * -1e4
            for layer in self.layers:
                out = layer(hidden, attention_mask=additive)
                hidden = out[0] if isinstance(out, tuple) else out
            start, end = self.span(hidden).unbind(-1)
            return start, end

    torch.manual_seed(recipe.seed)
    return SpanReader()


def _outside(enc, width: int):
    import torch

    positions = torch.arange(width)
    first, last = torch.from_numpy(enc.first), torch.from_numpy(enc.last)
    return (positions[None, :] < first[:, None]) | (positions[None, :] >= last[:, None])


def train(recipe: SpanRecipe, squad: Path, folder: Path, eval_questions: int = 400, eval_every: int = 250,
          limit_seconds: float | None = None, progress: bool = True) -> dict:
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(min(2, os.cpu_count() or 1))
    started = time.time()
    rng = random.Random(recipe.seed)
    data = [ex for ex in examples(read_squad(squad / "train-v1.1.json.gz")) if ex.span is not None]
    rng.shuffle(data)
    data = data[: recipe.questions]
    data.sort(key=lambda ex: len(ex.question) + len(ex.sentences[ex.answer_sentence]))  # batches of like length
    batches = [data[i: i + recipe.batch] for i in range(0, len(data), recipe.batch)]
    rng.shuffle(batches)
    dev = [ex for ex in examples(read_squad(squad / "dev-v1.1.json.gz")) if ex.span is not None]
    dev_sample = random.Random(recipe.seed).sample(dev, min(eval_questions, len(dev)))
    tokenizer = load_tokenizer(minilm_path())
    reader = sentence_reader_session(folder, recipe.source)
    model = build_span_model(recipe)
    heads = [p for n, p in model.named_parameters() if n.startswith("span.")]
    body = [p for n, p in model.named_parameters() if not n.startswith("span.")]
    steps = len(batches)
    optimiser = Optimiser(body, heads, recipe, steps)
    history = []
    bar = TrainingProgress(steps, progress, "training the span reader")
    model.train()
    for step, batch in enumerate(batches):
        enc = encode(tokenizer, [ex.question for ex in batch], [positive(ex) for ex in batch], recipe.max_tokens)
        hidden = reader.run([recipe.source], model_inputs(enc))[0]
        starts, ends = zip(*(token_span(enc, b, ex.span) for b, ex in enumerate(batch)))
        start_logits, end_logits = model(torch.from_numpy(hidden), torch.from_numpy(enc.attention_mask))
        outside = _outside(enc, start_logits.shape[1])
        s = start_logits.masked_fill(outside, -1e4)
        e = end_logits.masked_fill(outside, -1e4)
        loss = (F.cross_entropy(s, torch.tensor(starts), ignore_index=-100)
                + F.cross_entropy(e, torch.tensor(ends), ignore_index=-100)) / 2
        optimiser.step(model, loss)
        bar.update(1, loss=float(loss.detach()))
        if (step + 1) % eval_every == 0 or step + 1 == steps:
            figures = evaluate_torch(model, reader, tokenizer, dev_sample, recipe)
            figures.update(step=step + 1, seconds=round(time.time() - started))
            history.append(figures)
            bar.note(f"step {step + 1}: dev sample span in the answer sentence: exact {figures['exact_match']:.3f}, "
                     f"F1 {figures['f1']:.3f}")
            model.train()
        if limit_seconds is not None and time.time() - started > limit_seconds:
            bar.note(f"stopped at step {step + 1} of {steps}: the time limit")
            break
    bar.close()
    trained_s = time.time() - started
    model.eval()
    export(model, folder, recipe.source)
    return {"recipe": dataclasses.asdict(recipe), "recipe_hash": recipe.digest(), "questions": len(data),
            "steps_done": history[-1]["step"] if history else 0, "train_seconds": round(trained_s),
            "history": history}


def evaluate_torch(model, reader, tokenizer, sample: list[Example], recipe: SpanRecipe) -> dict:
    """Exact match and F1 of the span read in each question's answer sentence (the sentence given)."""
    import torch

    model.eval()
    em = score = 0.0
    with torch.no_grad():
        for k in range(0, len(sample), 32):
            part = sample[k: k + 32]
            enc = encode(tokenizer, [ex.question for ex in part], [positive(ex) for ex in part], recipe.max_tokens)
            hidden = reader.run([recipe.source], model_inputs(enc))[0]
            st, en = (t.numpy() for t in model(torch.from_numpy(hidden), torch.from_numpy(enc.attention_mask)))
            for b, ex in enumerate(part):
                i, j, _ = best_span(st[b], en[b], int(enc.first[b]), int(enc.last[b]))
                a, z = char_span(enc, b, i, j)
                text = ex.sentences[ex.answer_sentence][a:z]
                em += exact(text, ex.answers)
                score += f1(text, ex.answers)
    n = max(1, len(sample))
    return {"exact_match": round(em / n, 4), "f1": round(score / n, 4)}


def export(model, folder: Path, source: str = "hidden") -> Path:
    """span.int8.onnx: (states, attention_mask) -> (start, end), int8 per-channel weights; the states
    input is named after the sentence reader's output it reads (`source`)."""
    import warnings

    import torch

    fp32 = folder / "span.fp32.onnx.tmp"
    hidden = torch.zeros((2, 16, 384))
    mask = torch.ones((2, 16), dtype=torch.int64)
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (hidden, mask), str(fp32), dynamo=False, opset_version=17,
                          input_names=[source, "attention_mask"], output_names=["start", "end"],
                          dynamic_axes={source: axes, "attention_mask": axes, "start": axes, "end": axes})
    return quantized(fp32, folder / "span.int8.onnx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m train.span",
        description="Train the span reader on 80,000 answer sentences of SQuAD v1.1 train (the default "
                    "recipe: ~52 min on 2 cores with AVX-512 VNNI), reading the shipped sentence reader's "
                    "word-piece embeddings, and export it as int8 ONNX beside it (span.int8.onnx). Then "
                    "python -m train.card measures both.")
    parser.add_argument("--folder", type=Path, default=WEIGHTS,
                        help="the sentence reader's folder; the span reader is written there (default %(default)s)")
    parser.add_argument("--expose-states", action="store_true",
                        help="add the `hidden` and `embedded` outputs to a sentence reader exported before it "
                             "had them, and stop")
    add_training_arguments(parser, eval_every=250)
    args = parser.parse_args(argv)
    if args.expose_states:
        expose_states(args.folder / "reader.int8.onnx")
        return 0
    if not ready(args):
        return 2
    recipe = SpanRecipe()
    if args.questions is not None:
        recipe = dataclasses.replace(recipe, questions=args.questions)
    record = train(recipe, args.squad, args.folder, args.eval_questions, args.eval_every, args.limit_seconds)
    (args.folder / "span_training.json").write_text(json.dumps(record, indent=1) + "\n")
    print(json.dumps(record) if args.json else
          f"trained {record['steps_done']} steps in {record['train_seconds']} s; span reader in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
