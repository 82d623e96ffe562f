"""Tune retrieval settings on RealTime QA's development questions (January 2023) only.

    python -m bench.tune_retrieval --index data/eval-realtimeqa --grid w_title=0,0.1,0.2

One setting varied at a time around the defaults; prints Hit@1/5/10 and MRR@10 of the re-scored
retriever (10 passages, as `newsbot eval` counts them) and the median retrieval time. `--split
heldout` reports chosen settings once; it is not for choosing them.
"""

from __future__ import annotations

import json
import statistics
import time
from datetime import date

from bench.common import grid_settings, tuning_parser
from bot.evaluate import hit_rank, load_jsonl_gz, recall_summary, split_of
from bot.retrieve import Retriever
from bot.service import make_query_embedder
from bot.settings import load_settings
from index.versions import IndexReader



def measure(retriever: Retriever, items) -> dict:
    ranks, times = [], []
    for q, vector in items:
        started = time.perf_counter()
        retrieval = retriever.retrieve(q["question"], 10, query_vector=vector, as_of=date.fromisoformat(q["date"]))
        times.append((time.perf_counter() - started) * 1000)
        ranks.append(hit_rank(q["answer"], retrieval.passages))
    summary = {k: round(v, 3) if isinstance(v, float) else v for k, v in recall_summary(ranks).items()}
    return {**summary, "p50_ms": round(statistics.median(times), 2)}


def main() -> None:
    args = tuning_parser(__doc__).parse_args()
    settings = load_settings({}, None, {"index": {"index_dir": args.index}})
    questions = [q for q in load_jsonl_gz(args.data / "questions.jsonl.gz")
                 if q.get("answer_in_corpus") and len(q["answer"].strip()) > 3
                 and (args.split == "all" or split_of(q) == args.split)]
    embedder = make_query_embedder(settings, lambda: None)
    reader = IndexReader(args.index)
    default = Retriever(reader, embedder, settings.answer)
    items = [(q, default.embed_query(q["question"])) for q in questions]
    print(json.dumps({"split": args.split, "questions": len(items),
                      "defaults": measure(default, items)}), flush=True)
    for name, value, tried in grid_settings(settings.answer, args.grid):
        print(json.dumps({name: value, **measure(Retriever(reader, embedder, tried), items)}), flush=True)


if __name__ == "__main__":
    main()
