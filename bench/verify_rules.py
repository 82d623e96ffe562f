"""How well the verifier of generated answers separates supported sentences from unsupported
ones, judged against hand labels.

    python -m bench.verify_rules FILE... [--index data/eval-realtimeqa] [--labels bench/verify_labels.tsv]
                                 [--sheet new-claims.tsv]

FILE: what the model wrote — `bench.llm_budget`'s JSON (rows with "written") or `newsbot eval
realtimeqa --llm`'s per-question JSONL (rows with "llm_written"). Each question is retrieved
again as the product does (same index, the question's date as today; deterministic), each
generated sentence is split from its citations, and its support in the passages it cites is
measured (`bot.verify.support_of`, with the question encoder's cosines). Claims without a label
in --labels are written to --sheet for labelling by hand (label 1: the cited passages state it;
0: they do not); copy its first four columns of labelled rows into --labels (a hash stands for
the claim there: the claims quote the evaluation set's articles, which stay out of the repository).
With labels, every rule of a small grid is scored: of the sentences it keeps,
the share that is supported (precision), and of the supported ones, the share it keeps (recall).
Each rule's decision is the verifier's whole check (`bot.verify.check`: the word rule, then
figures and names).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from datetime import date
from pathlib import Path

from bench.common import DATA, load_jsonl_gz


def claim_key(text: str) -> str:
    """Labels are kept by a hash of the claim: the claims quote the evaluation set's articles, which
    stay out of the repository."""
    return hashlib.sha1(text.encode()).hexdigest()[:12]


CHOSEN = "+ a window 70%, figures in the windows"  # the rule in use (bot.verify.SupportRule)


def written_rows(path: Path) -> list[dict]:
    """(question id, passages given, what the model wrote last) from either kind of file."""
    text = path.read_text()
    if path.suffix == ".json":
        data = json.loads(text)
        return [{"id": r["id"], "passages": int(r["budget"].split("x")[0]), "source": f"{path.name}:{r['budget']}",
                 "written": r["written"][-1]} for r in data["rows"] if r.get("written")]
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [{"id": r["id"], "passages": r.get("llm_passages", 4), "source": path.name, "written": r["llm_written"][-1],
             "quoted": r.get("answer_text", ""), "gold": r["answer"]}
            for r in rows if r.get("llm_written")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--labels", type=Path, default=Path("bench/verify_labels.tsv"))
    parser.add_argument("--sheet", type=Path, default=Path("new-claims.tsv"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from bot.evaluate import split_of
    from bot.retrieve import Retriever
    from bot.service import make_embedder, make_query_embedder
    from bot.settings import load_settings
    from bot.verify import SupportRule, check, claims, embedding_similarity, support_of
    from index.versions import IndexReader

    settings = load_settings({}, None, {"index": {"index_dir": args.index}})
    embedder = make_query_embedder(settings, lambda: make_embedder(settings))
    retriever = Retriever(IndexReader(args.index), embedder, settings.answer)
    cosines = embedding_similarity(embedder)
    memo: dict = {}

    def similarity(text, others):  # each claim is checked under every rule: embed it once
        key = (text, tuple(others))
        if key not in memo:
            memo[key] = cosines(text, others)
        return memo[key]

    questions = {q["id"]: q for q in load_jsonl_gz(args.data / "questions.jsonl.gz")}
    labels = {}
    if args.labels.exists():
        with open(args.labels, newline="") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                if r["label"].strip():
                    labels[(r["id"], r["claim_key"])] = (int(r["label"]), r.get("split", ""))
    measured, unlabelled, seen, answered = [], [], set(), []
    retrievals = {}
    for path in args.files:
        for row in written_rows(path):
            q = questions[row["id"]]
            if q["id"] not in retrievals:
                retrievals[q["id"]] = retriever.retrieve(q["question"], 10, as_of=date.fromisoformat(q["date"]))
            passages = {n: p.text for n, p in enumerate(retrievals[q["id"]].passages[: row["passages"]], 1)}
            if "quoted" in row:
                answered.append((row, passages))
            for claim in claims(row["written"], passages):
                if not claim.cited or (q["id"], claim.text) in seen:
                    continue
                seen.add((q["id"], claim.text))
                support = support_of(claim.text, claim.cited, passages, similarity)
                n, a, b = support.windows[0] if support.windows else (claim.cited[0], 0, 0)
                item = {"id": q["id"], "claim": claim.text, "cited": claim.cited, "support": support,
                        "window": passages[n][a:b], "passages": passages}
                if (q["id"], claim_key(claim.text)) in labels:
                    measured.append((item, labels[(q["id"], claim_key(claim.text))]))
                else:
                    unlabelled.append((q, item))
    if unlabelled:
        with open(args.sheet, "w", newline="") as fh:
            out = csv.writer(fh, delimiter="\t")
            out.writerow(["id", "split", "claim_key", "label", "claim", "question", "passage_share", "window_share",
                          "similarity", "window"])
            for q, item in unlabelled:
                s = item["support"]
                out.writerow([item["id"], split_of(q), claim_key(item["claim"]), "", item["claim"], q["question"],
                              f"{s.passage_share:.2f}",
                              f"{s.window_share:.2f}", f"{s.similarity:.2f}", " ".join(item["window"].split())])
        print(f"{len(unlabelled)} claims without a label written to {args.sheet}")
    grid = [("words: 60% in the cited passages (before)", SupportRule(0.6, 0.0, numbers_near=False))]
    for w in (0.6, 0.7, 0.8):
        grid.append((f"+ a window {w:.0%}", SupportRule(0.6, w, numbers_near=False)))
        grid.append((f"+ a window {w:.0%}, figures in the windows", SupportRule(0.6, w, numbers_near=True)))
        for c in (0.7, 0.8):
            grid.append((f"+ (a window {w:.0%} or cosine {c}), figures in the windows",
                         SupportRule(0.6, w, c, numbers_near=True)))
    results = []
    for split in sorted({split for _, (_, split) in measured}):
        judged = [(item, label) for item, (label, s) in measured if s == split]
        positives = sum(label for _, label in judged)
        for name, rule in grid:
            kept = [label for item, label in judged
                    if not check(item["claim"], item["cited"], item["passages"], rule, similarity)[0]]
            results.append({"split": split, "rule": name, "claims": len(judged), "supported": positives,
                            "kept": len(kept), "precision": sum(kept) / len(kept) if kept else 0.0,
                            "recall": sum(kept) / positives if positives else 0.0})
    # what the answers would have been under each rule (the model's text does not depend on it):
    # the kept sentences, or the quoted answer when none is kept
    from bot.verify import verify

    outcomes = []
    for name, rule in grid[:1] + [g for g in grid if g[0] == CHOSEN]:
        written = gold = kept = dropped = 0
        for row, passages in answered:
            verdict = verify(row["written"], passages, rule, similarity)
            kept, dropped = kept + len(verdict.kept), dropped + verdict.dropped
            text = " ".join(c.text for c in verdict.kept) if verdict.kept else row["quoted"]
            written += bool(verdict.kept)
            gold += row["gold"].lower() in text.lower()
        outcomes.append({"rule": name, "answers": len(answered), "written": written, "gold_in_answer": gold,
                         "sentences_kept": kept, "sentences_dropped": dropped})
    report = {"claims": len(measured), "rules": results, "answers": outcomes}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for r in results:
        print(f"{r['split']:<8} {r['claims']} claims, {r['supported']} supported  {r['rule']:<58} "
              f"kept {r['kept']:>3}  precision {r['precision']:.2f}  recall {r['recall']:.2f}")
    for o in outcomes:
        print(f"answers under {o['rule']}: {o['written']} of {o['answers']} written by the model, "
              f"gold answer in {o['gold_in_answer']}; sentences kept {o['sentences_kept']}, "
              f"dropped {o['sentences_dropped']}")


if __name__ == "__main__":
    main()
