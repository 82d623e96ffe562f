"""Small helpers shared by the benchmark scripts."""

from __future__ import annotations

import gzip
import json
import platform
import resource
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realtimeqa-2023q1"


def percentiles(samples_ms: list[float]) -> dict:
    a = np.asarray(samples_ms, dtype=float)
    if a.size == 0:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "mean": 0.0, "n": 0}
    return {"p50": float(np.percentile(a, 50)), "p95": float(np.percentile(a, 95)),
            "p99": float(np.percentile(a, 99)), "mean": float(a.mean()), "n": int(a.size)}


@contextmanager
def timer(out: dict, key: str):
    start = time.perf_counter()
    yield
    out[key] = time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 1e6


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    import os

    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d"), "commit": commit}


def load_jsonl_gz(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def tuning_parser(description: str):
    """The options the tuning scripts share: the evaluation index, the data, the split, the grid."""
    import argparse

    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--grid", action="append", default=[], help="name=v1,v2,... (an AnswerSettings field)")
    return parser


def grid_settings(answer_settings, specs: list[str]):
    """(name, value, settings) for each value of each `name=v1,v2` spec, one setting varied at a time."""
    from dataclasses import replace

    for spec in specs:
        name, values = spec.split("=", 1)
        for value in values.split(","):
            yield name, value, replace(answer_settings, **{name: typed_like(getattr(answer_settings, name), value)})


def typed_like(current, value: str):
    """`value` as the type of `current`, as settings read it ("false" is False for a bool setting,
    not a non-empty string); a grid refuses a bool it cannot read rather than measure False."""
    from bot.settings import convert_value

    if isinstance(current, bool) and value.lower() not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        raise SystemExit(f"{value!r} is not true or false")
    return convert_value(current, value)


def lead_text(answer) -> str:
    """What an answer leads with: its short answer and first quoted sentence (what a reader sees
    first: bench.tune_answers' "lead_has_gold", bench.newsroom_set's "right")."""
    short = answer.short_answer.text if answer.short_answer else ""
    quoted = [s.text for s in answer.segments if s.kind not in ("short", "notice")]
    return short + " " + (quoted[0] if quoted else "")
