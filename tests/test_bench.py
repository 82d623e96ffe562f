"""The benchmark suite runs end to end on a tiny slice (the real figures come from `make bench`)."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.test_evaluate import DATA

pytestmark = pytest.mark.slow  # the real model, or the newsbot command in a subprocess


@pytest.mark.skipif(not DATA.exists(), reason="shared RealTime QA data not beside the repository")
def test_bench_quick_writes_results_and_plots(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(out), "--plots", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=900, env=os.environ)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text())
    assert data["corpus_latency"]["latency_ms"]["p50"] > 0
    assert {"p50", "p95", "p99"} <= data["corpus_latency"]["latency_ms"].keys()
    assert data["build"]["chunks_per_s"] > 0
    assert data["update_10_articles"]["added"] == 4 and data["update_10_articles"]["chunks_embedded"] > 0
    assert data["cold_start"]["index_load_s"] > 0
    assert [r["chunks"] for r in data["scale"]] == [2000, 5000]
    versus = data["vs_llamaindex"]
    assert versus["questions"] > 0 and versus["query_speedup"] > 0
    assert 0 <= versus["newsbot"]["hit@10"] <= 1 and 0 <= versus["llamaindex"]["hit@10"] <= 1
    assert versus["newsbot"]["query_encoder"] == "onnx"
    assert set(versus["newsbot"]["variants"]) == {"query_encoder=static", "query_encoder=model", "query_encoder=onnx-int8",
                                                  "context_chunks=0", "context_chunks=1"}
    # same index, same ranking: the passage context changes how much text is read, not the order
    variants = versus["newsbot"]["variants"]
    assert variants["context_chunks=0"]["top10_chars_mean"] <= variants["context_chunks=1"]["top10_chars_mean"]
    assert variants["context_chunks=1"]["top10_chars_mean"] <= versus["newsbot"]["top10_chars_mean"]
    assert (tmp_path / "bench-latency-vs-size.png").stat().st_size > 1000


@pytest.mark.skipif(not DATA.exists(), reason="shared RealTime QA data not beside the repository")
def test_feed_poll_benchmark_runs_on_a_slice():
    result = subprocess.run([sys.executable, "-m", "bench.feed_poll", "--feeds", "2", "--items", "3"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, env=os.environ)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert data["items"] == 6 and data["first_poll"]["chunks_embedded"] > 0
    assert data["unchanged_poll"]["new"] == 0 and data["unchanged_poll"]["torch_loaded"] is False
    assert data["unchanged_poll"]["published"] is False
