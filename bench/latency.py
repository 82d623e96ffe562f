"""Warm query latency (retrieve + answer) with per-stage costs, single-threaded and concurrent."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from bench.common import percentiles


def time_answers(answerer, questions: list[str], repeats: int = 1) -> dict:
    """Warm single-threaded latency of retrieve + answer, with the p50 of each stage."""
    for q in questions[:5]:  # warm up
        answerer.answer(q)
    totals, stages = [], {}
    for _ in range(repeats):
        for q in questions:
            start = time.perf_counter()
            answer = answerer.answer(q)
            totals.append((time.perf_counter() - start) * 1000)
            for stage, ms in answer.timings_ms.items():
                stages.setdefault(stage, []).append(ms)
    return {"latency_ms": percentiles(totals),
            "stages_ms_p50": {k: percentiles(v)["p50"] for k, v in stages.items()},
            "throughput_qps": len(totals) / (sum(totals) / 1000) if totals else 0.0}


def measure_latency(answerer, questions: list[str], repeats: int = 1, clients: int = 4) -> dict:
    single = time_answers(answerer, questions, repeats)
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        concurrent = list(pool.map(lambda q: _timed(answerer, q), questions * repeats))
    wall = time.perf_counter() - start
    single["concurrent"] = {"clients": clients, "latency_ms": percentiles(concurrent),
                            "throughput_qps": len(concurrent) / wall}
    return single


def _timed(answerer, question: str) -> float:
    start = time.perf_counter()
    answerer.answer(question)
    return (time.perf_counter() - start) * 1000
