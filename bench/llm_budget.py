"""The prompt budget of generative answers: passages given to the model × characters of each,
against time to the first token, total time and answer quality, on RealTime QA questions of the
development split (January 2023) — the held-out split is for `newsbot eval --llm` afterwards.

    python -m bench.llm_budget --gguf FILE [--index data/eval-realtimeqa] [--questions 10]
                               [--budgets 2x600,4x600,3x1000,4x1200] [--out data/llm_budget.json]

A local llama.cpp server (`newsbot llm serve`'s) is started in this process on 127.0.0.1 with 2
threads. Budgets are the outer loop, so consecutive requests are different questions and only
the system prompt is a cached prefix (as in use). Prompt processing dominates on a CPU, so time
to the first token grows with the budget; the question is how little the answers need.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date
from pathlib import Path

from bench.common import DATA, load_jsonl_gz, machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gguf", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--budgets", default="2x600,4x600,3x1000,4x1200")
    parser.add_argument("--seed", type=int, default=7)
    # under data/ (not committed): the rows quote the articles of the evaluation set
    parser.add_argument("--out", type=Path, default=Path("data/llm_budget.json"))
    args = parser.parse_args()

    from bot.evaluate import RecordingLlm, split_of
    from bot.generative import GenerativeComposer, prompt_messages
    from bot.llm_server import local_endpoint
    from bot.retrieve import Retriever
    from bot.service import make_embedder, make_llm, make_query_embedder, make_reader
    from bot.settings import LlmSettings, load_settings
    from bot.types import Answer

    questions = [q for q in load_jsonl_gz(args.data / "questions.jsonl.gz")
                 if split_of(q) == "dev" and q.get("answer_in_corpus") and len(q["answer"].strip()) > 3]
    questions = random.Random(args.seed).sample(questions, min(args.questions, len(questions)))
    base_url = local_endpoint(args.gguf)  # llama.cpp on a free port of 127.0.0.1, serving while this runs
    settings = load_settings({"NEWSBOT_LLM": "openai-compatible", "NEWSBOT_LLM_BASE_URL": base_url,
                              "NEWSBOT_LLM_MODEL": args.gguf.stem, "NEWSBOT_INDEX": str(args.index)}, None,
                             {"llm": {"timeout_s": 600.0}})
    encoder = make_query_embedder(settings, lambda: make_embedder(settings))
    retriever = Retriever(make_reader(settings), encoder, settings.answer)
    retrievals = [retriever.retrieve(q["question"], 10, as_of=date.fromisoformat(q["date"])) for q in questions]
    llm = RecordingLlm(make_llm(settings))
    rows, summary = [], []
    for budget in args.budgets.split(","):
        passages, chars = (int(x) for x in budget.split("x"))
        llm_settings = LlmSettings(**{**settings.llm.__dict__, "passages": passages, "passage_chars": chars})
        composer = GenerativeComposer(llm, llm_settings, settings.answer)
        done = []
        for q, retrieval in zip(questions, retrievals):
            prompt_chars = sum(len(m.content) for m in prompt_messages(q["question"], retrieval.passages[:passages],
                                                                        llm_settings))
            started, first, answer, asked = time.perf_counter(), None, None, len(llm.replies)
            for item in composer.stream(q["question"], retrieval, query=q["question"]):
                if isinstance(item, Answer):
                    answer = item
                elif first is None:
                    first = time.perf_counter() - started
            row = {"budget": budget, "id": q["id"], "question": q["question"], "gold": q["answer"],
                   "written": llm.replies[asked:],  # the model's reply (and its retry after a decline)
                   "prompt_chars": prompt_chars, "first_token_s": round(first, 2) if first is not None else None,
                   "total_s": round(time.perf_counter() - started, 2), "mode": answer.mode,
                   "has_gold": q["answer"].lower() in answer.answer.lower(), "answer": answer.answer,
                   "notes": list(answer.notes)}
            print(json.dumps(row), flush=True)
            rows.append(row)
            done.append(row)
        firsts = sorted(r["first_token_s"] for r in done if r["first_token_s"] is not None)
        totals = sorted(r["total_s"] for r in done)
        summary.append({"budget": budget, "n": len(done),
                        "prompt_chars_mean": round(sum(r["prompt_chars"] for r in done) / len(done)),
                        "first_token_p50": firsts[len(firsts) // 2] if firsts else None,
                        "total_p50": totals[len(totals) // 2],
                        "generative": sum(r["mode"] == "generative" for r in done),
                        "has_gold": sum(r["has_gold"] for r in done)})
        print(json.dumps(summary[-1]), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine(), "model": args.gguf.name, "summary": summary, "rows": rows},
                                   indent=2))


if __name__ == "__main__":
    main()
