"""Fit the sentence-scoring weights (bot/sentence_model.py) on RealTime QA's January questions.

    python -m bench.fit_sentences --index data/eval-realtimeqa [--read 4] [--l2 1.0]

For each development question whose gold answer is longer than 3 characters and in the corpus,
the question is retrieved as the product does (10 passages, the question's date as "today"), the
sentences of the first `--read` passages get their feature rows, and a sentence is a positive when
it contains the gold answer. A logistic regression (L2, Newton steps, numpy) is fitted; 5-fold
cross-validation by question compares it with the weights in use on "the gold answer is in the top 1 /
3 / 10 sentences" ("any": in some sentence read). Prints the fitted weights as a Python dict. Held-out questions are never
read here.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import numpy as np

from bot.sentence_scoring import score_sentences
from bot.evaluate import load_jsonl_gz, split_of
from bot.question import analyse
from bot.retrieve import Retriever
from bot.sentence_model import FEATURES, WEIGHTS, weights_vector
from bot.service import make_query_embedder
from bot.settings import load_settings
from index.versions import IndexReader

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "realtimeqa-2023q1"
FIXED = {"context"}  # no follow-ups in the data: keeps its hand weight


def collect(index: Path, data: Path, read: int, split: str = "dev"):
    settings = load_settings({}, None, {"index": {"index_dir": index}})
    questions = [q for q in load_jsonl_gz(data / "questions.jsonl.gz")
                 if split_of(q) == split and q.get("answer_in_corpus") and len(q["answer"].strip()) > 3]
    embedder = make_query_embedder(settings, lambda: None)
    retriever = Retriever(IndexReader(index), embedder, settings.answer)
    groups = []
    for q in questions:
        retrieval = retriever.retrieve(q["question"], 10, as_of=date.fromisoformat(q["date"]))
        pairs: list = []
        score_sentences(q["question"], q["question"], retrieval.passages[:read], retrieval.version,
                        kind=analyse(q["question"]), settings=settings.answer, features_out=pairs)
        seen, rows, labels = set(), [], []
        for sentence, row in pairs:
            if sentence.text in seen:
                continue
            seen.add(sentence.text)
            rows.append(row)
            labels.append(q["answer"].lower() in sentence.text.lower())
        groups.append((np.array(rows).reshape(-1, len(FEATURES)), np.array(labels, dtype=float)))
    return groups


def fit(groups, l2: float) -> np.ndarray:
    x = np.vstack([g[0] for g in groups])
    y = np.concatenate([g[1] for g in groups])
    free = np.array([name not in FIXED for name in FEATURES])
    w = np.zeros(len(FEATURES))
    w[~free] = weights_vector(WEIGHTS)[~free]
    for _ in range(50):  # Newton steps on the free weights
        z = x @ w
        p = 1 / (1 + np.exp(-z))
        grad = x[:, free].T @ (p - y) + l2 * np.r_[0, w[free][1:]]
        hess = (x[:, free] * (p * (1 - p))[:, None]).T @ x[:, free] + l2 * np.eye(free.sum())
        step = np.linalg.solve(hess + 1e-6 * np.eye(free.sum()), grad)
        w[free] -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def top_k_hits(groups, w: np.ndarray, ks=(1, 3, 10, 100_000)) -> dict:
    out = {}
    for k in ks:
        hits = 0
        for x, y in groups:
            if len(y):
                order = np.argsort(-(x @ w), kind="stable")[:k]
                hits += bool(y[order].any())
        out["any" if k >= 100_000 else f"top{k}"] = round(hits / len(groups), 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--read", type=int, default=4, help="passages whose sentences are read")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    groups = collect(args.index, args.data, args.read)
    hand = weights_vector(WEIGHTS)
    folds = np.arange(len(groups)) % 5
    cv_fit = {"top1": 0.0, "top3": 0.0, "top10": 0.0, "any": 0.0}
    for f in range(5):
        train = [g for g, i in zip(groups, folds) if i != f]
        test = [g for g, i in zip(groups, folds) if i == f]
        result = top_k_hits(test, fit(train, args.l2))
        for key in cv_fit:
            cv_fit[key] += result[key] * len(test) / len(groups)
    w = fit(groups, args.l2)
    print(json.dumps({"questions": len(groups), "read": args.read, "l2": args.l2,
                      "in_use": top_k_hits(groups, hand), "fitted_cv": {k: round(v, 3) for k, v in cv_fit.items()},
                      "fitted_in_sample": top_k_hits(groups, w)}))
    print("FITTED = {" + ", ".join(f'"{n}": {v:.4f}' for n, v in zip(FEATURES, w) if n != "bias") + "}")


if __name__ == "__main__":
    main()
