"""Run the benchmark suite: `python -m bench` (or `make bench`). Writes bench/results/latest.json and
PNG plots in docs/. Needs the RealTime QA data beside the repository (../shared/data/...)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bench.common import DATA, load_jsonl_gz, machine, peak_rss_mb  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="RealTime QA folder")
    parser.add_argument("--index", type=Path, default=ROOT / "data" / "eval-realtimeqa",
                        help="full-corpus index (built by `newsbot eval realtimeqa`, reused)")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="synthetic index sizes (chunks)")
    parser.add_argument("--baseline-articles", type=int, default=300,
                        help="articles indexed by both newsbot and llama-index for the head-to-head")
    parser.add_argument("--hnsw", action="store_true", help="also time an HNSW32 index at the largest size")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for checking the scripts work")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: corpus,scale,build,baseline")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--plots", type=Path, default=ROOT / "docs", help="folder for the PNG plots")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))

    from bot.evaluate import select_slice
    from bot.service import make_answerer, make_embedder
    from bot.settings import load_settings
    from index.embedder import resolve_model_path
    from index.versions import current_version_path

    if not (args.data / "articles.jsonl.gz").exists():
        print(f"RealTime QA data not found at {args.data}", file=sys.stderr)
        return 2
    articles = load_jsonl_gz(args.data / "articles.jsonl.gz")
    questions = load_jsonl_gz(args.data / "questions.jsonl.gz")
    answerable = [q for q in questions if q.get("answer_in_corpus")]
    corpus = args.data / "articles.jsonl.gz"
    if args.quick:  # a 12-article slice in a temporary folder: checks that every script runs (~1.5 min)
        import atexit
        import shutil
        import tempfile

        quick_dir = Path(tempfile.mkdtemp(prefix="newsbot-bench-"))
        atexit.register(shutil.rmtree, quick_dir, True)
        articles, questions = select_slice(articles, answerable, 12, 8)
        answerable = questions
        corpus = quick_dir / "articles.jsonl"
        corpus.write_text("".join(json.dumps(a) + "\n" for a in articles))
        args.index = quick_dir / "index"
    settings = load_settings({"NEWSBOT_INDEX": str(args.index)})
    embedder = make_embedder(settings)
    embedder.embed(["warm up"])
    sizes = [2000, 5000] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    # parts skipped in this run keep their figures from the previous run (each part records its own date)
    previous = json.loads(args.out.read_text()) if args.out.exists() and skip and not args.quick else {}
    results: dict = {**previous, "machine": machine()}

    if "corpus" not in skip:
        from bench.latency import measure_latency

        if current_version_path(args.index) is None:
            print("Building the full-corpus index first (many minutes on 2 cores)…", flush=True)
            from index.build import sync_index

            sync_index(settings.index, embedder, sources=[corpus])
        print("Warm query latency on the RealTime QA corpus…", flush=True)
        answerer = make_answerer(settings, embedder)
        qs = [q["question"] for q in (questions[:12] if args.quick else questions)]
        results["corpus_latency"] = {**measure_latency(answerer, qs),
                                     "chunks": len(answerer.retriever.reader.snapshot())}
        print(f"  p50 {results['corpus_latency']['latency_ms']['p50']:.1f} ms, "
              f"p95 {results['corpus_latency']['latency_ms']['p95']:.1f} ms", flush=True)
        from dataclasses import replace

        from index.build import sync_index

        static = replace(settings, index=replace(settings.index, query_encoder="static"))
        sync_index(static.index, embedder, sources=[corpus])  # fits the static encoder if not yet
        answerer = make_answerer(static, embedder)
        results["corpus_latency_static"] = {**measure_latency(answerer, qs),
                                            "question_encoder": type(answerer.retriever.embedder).__name__}
        print(f"  with query_encoder=static: p50 {results['corpus_latency_static']['latency_ms']['p50']:.1f} ms, "
              f"p95 {results['corpus_latency_static']['latency_ms']['p95']:.1f} ms", flush=True)

    if "build" not in skip:
        from bench.build import cold_start, fresh_build, incremental_update

        print("Build throughput, incremental update, cold start…", flush=True)
        results["build"] = fresh_build(embedder, articles[: (2 if args.quick else 200)])
        if current_version_path(args.index) is not None:
            sample = articles[-4:] if args.quick else articles[1000:1010]  # typical lengths
            results["update_10_articles"] = incremental_update(embedder, args.index, corpus, sample)
            results["cold_start"] = cold_start(args.index)
            manifest = json.loads((current_version_path(args.index) / "manifest.json").read_text())
            results["full_corpus_index"] = {k: manifest.get(k) for k in ("articles", "chunks", "build_seconds", "embedded")}
        print(f"  {json.dumps({k: results.get(k) for k in ('build', 'update_10_articles', 'cold_start')})}", flush=True)

    if "scale" not in skip:
        from bench.scale import scale_curve

        print("Latency versus index size (synthetic vectors)…", flush=True)
        # short texts keep BM25 indexing of 1M synthetic chunks within minutes; vectors are random
        texts = [a["text"][i : i + 300] for a in articles[:400] for i in range(0, min(len(a["text"]), 6000), 300)]
        qs = [q["question"] for q in questions[:60]]
        fresh = scale_curve(embedder, settings, texts, qs, sizes)
        kept = [r for r in results.get("scale", []) if r["chunks"] not in sizes]  # sizes not re-run
        results["scale"] = sorted(kept + fresh, key=lambda r: r["chunks"])
        if args.hnsw:
            results["scale_hnsw"] = scale_curve(embedder, settings, texts, qs, [max(sizes)], factory="HNSW32")

    if "baseline" not in skip:
        from bench.baseline import compare

        n = 6 if args.quick else args.baseline_articles
        subset, _ = select_slice(articles, answerable, n, len(answerable))
        subset = subset[:n]
        texts = [a["text"].lower() for a in subset]
        qs = [q for q in answerable if any(q["answer"].lower() in t for t in texts) and len(q["answer"]) > 3]
        print(f"newsbot vs llama-index on {len(subset)} articles, {len(qs)} questions…", flush=True)
        results["vs_llamaindex"] = versus = compare(embedder, settings, subset, qs, resolve_model_path(settings.index.model))
        ours, theirs = versus["newsbot"], versus["llamaindex"]
        print(f"  speed-up over llama-index (p50): {versus['retrieve_speedup']:.1f}x retrieval, "
              f"{versus['query_speedup']:.1f}x retrieve + answer; with query_encoder=static "
              f"{versus['static_retrieve_speedup']:.1f}x / {versus['static_query_speedup']:.1f}x", flush=True)
        print(f"  newsbot p50 {ours['latency_ms']['p50']:.1f} ms (retrieval {ours['retrieve_latency_ms']['p50']:.1f} ms), "
              f"hit@10 {ours['hit@10']:.3f}; llama-index p50 {theirs['latency_ms']['p50']:.1f} ms, "
              f"hit@10 {theirs['hit@10']:.3f}", flush=True)
        for name, variant in ours["variants"].items():
            print(f"  newsbot with {name}: p50 {variant['latency_ms']['p50']:.1f} ms "
                  f"(retrieval {variant['retrieve_latency_ms']['p50']:.1f} ms), hit@10 {variant['hit@10']:.3f}",
                  flush=True)

    results["bench_peak_rss_mb"] = peak_rss_mb()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    plot(results, args.plots)
    print(f"wrote {args.out}")
    return 0


def plot(results: dict, folder: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plots", file=sys.stderr)
        return
    folder.mkdir(parents=True, exist_ok=True)
    if results.get("scale"):
        fig, ax = plt.subplots(figsize=(6, 4))
        xs = [r["chunks"] for r in results["scale"]]
        for key, label in (("p50", "p50"), ("p95", "p95"), ("p99", "p99")):
            ax.plot(xs, [r["latency_ms"][key] for r in results["scale"]], marker="o", label=f"Flat {label}")
        for r in results.get("scale_hnsw", []):
            ax.scatter([r["chunks"]], [r["latency_ms"]["p50"]], marker="x", s=80, label="HNSW32 p50")
        ax.set_xscale("log")
        ax.set_xlabel("chunks in index")
        ax.set_ylabel("query latency, ms (retrieve + answer)")
        ax.set_title("newsbot latency vs index size (2 CPU cores)")
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(folder / "bench-latency-vs-size.png", dpi=110)
        plt.close(fig)
    evaluation = ROOT / "data" / "eval-realtimeqa.summary.json"
    if evaluation.exists():
        summary = json.loads(evaluation.read_text())
        fig, ax = plt.subplots(figsize=(6, 4))
        for name, row in summary["retrievers"].items():
            ax.plot([1, 5, 10], [row["hit@1"], row["hit@5"], row["hit@10"]], marker="o", label=name)
        ax.set_xlabel("k")
        ax.set_ylabel("Hit@k (answer string in top k passages)")
        ax.set_title(f"RealTime QA 2023 Q1 retrieval (n={summary['n_recall']})")
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(folder / "eval-hit-at-k.png", dpi=110)
        plt.close(fig)


if __name__ == "__main__":
    raise SystemExit(main())
