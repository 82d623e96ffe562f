"""Warm query latency of retrieve + answer on the RealTime QA corpus index, all 390 questions, one
at a time in one process (the figure issue #14's target is about).

    python -m bench.answer_latency [--index data/eval-realtimeqa] [--set typed_sentences=2]

Prints p50/p95 and the p50 of each stage. To compare with an earlier release on the same machine
in the same hour, run the same module from a worktree of that release's commit
(`git worktree add /tmp/base COMMIT`, then `cd /tmp/base && PYTHONPATH=. python -m bench.answer_latency
--index /path/to/data/eval-realtimeqa`, if the module exists there, or time its `make_answerer` the same way).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.common import DATA, load_jsonl_gz
from bench.latency import time_answers
from bot.service import make_answerer
from bot.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--set", action="append", default=[], help="name=value: an answer setting to use")
    parser.add_argument("--qdrant-url", default="", help="read a version kept on Qdrant through this URL "
                        "(local:DIR for the embedded mode)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N questions")
    args = parser.parse_args()
    overrides = dict(item.split("=", 1) for item in args.set)
    index = {"index_dir": args.index, **({"qdrant_url": args.qdrant_url} if args.qdrant_url else {})}
    settings = load_settings({}, None, {"index": index, "answer": overrides})
    answerer = make_answerer(settings)
    questions = [q["question"] for q in load_jsonl_gz(args.data / "questions.jsonl.gz")][: args.limit]
    result = time_answers(answerer, questions)
    print(json.dumps({"settings": overrides, "store": answerer.retriever.reader.snapshot().search.name,
                      "questions": len(questions), "p50_ms": round(result["latency_ms"]["p50"], 2),
                      "p95_ms": round(result["latency_ms"]["p95"], 2),
                      "stages_p50_ms": {k: round(v, 2) for k, v in result["stages_ms_p50"].items()}}))


if __name__ == "__main__":
    main()
