"""Story grouping on the RealTime QA corpus index: cost, and pairwise precision / recall against
the hand labels in bench/story_labels.tsv (how they were made is written at the top of that file),
bench/story_labels_dev.tsv (every article of a dev-month window, tuned on) and
bench/story_labels_heldout.tsv, bench/story_labels_heldout2.tsv (every article of two held-out
windows of the question months) and bench/story_labels_heldout3.tsv (every article of a background
month, Nov. 2022), read only.

    python -m bench.stories [--index data/eval-realtimeqa] [--make-sample N]

--make-sample draws N stories of two or more articles (seeded) plus, for each, the two nearest
articles outside it within a week (the hard cases), and prints them as a TSV to label by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import numpy as np

LABELS = Path(__file__).resolve().parent / "story_labels.tsv"
HELDOUT = Path(__file__).resolve().parent / "story_labels_heldout.tsv"  # keyed by URL
HELDOUT_2 = Path(__file__).resolve().parent / "story_labels_heldout2.tsv"  # keyed by URL: a second held-out window
HELDOUT_3 = Path(__file__).resolve().parent / "story_labels_heldout3.tsv"  # keyed by URL: a background month (Nov. 2022)
DEV_WINDOW = Path(__file__).resolve().parent / "story_labels_dev.tsv"  # keyed by URL: a whole dev window to tune on


def corpus(index: Path):
    from index.stories import article_names, article_vectors, coherence_of, leads as leads_of
    from index.store import IndexVersion
    from index.versions import load_current

    version = IndexVersion(index) if (index / "manifest.json").exists() else load_current(index)
    chunk_vectors = version.search.all_vectors()
    vectors = article_vectors(version.chunk_article_rows, chunk_vectors, len(version.articles))
    coherence = coherence_of(version.chunk_article_rows, chunk_vectors, vectors)
    leads = leads_of(version.chunk_article_rows, version.chunk_rows["position"], version.chunk_text,
                     len(version.articles))
    return version, version.articles, article_names(version.articles, leads), vectors, coherence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--make-sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=11, help="of --make-sample")
    args = parser.parse_args()
    from index.stories import group, stories_of

    version, articles, names, vectors, coherence = corpus(args.index)
    started = time.perf_counter()
    assigned = group(articles, names, vectors, coherence=coherence)
    full_s = time.perf_counter() - started
    stories = stories_of(articles, names, vectors, assigned)
    # an update of 10 articles: the rest keep their stories
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "", articles[i].id))
    last = {articles[i].id for i in order[-10:]}
    previous = {k: v for k, v in assigned.items() if k not in last}
    started = time.perf_counter()
    group(articles, names, vectors, previous, coherence)
    update_s = time.perf_counter() - started
    result = {"articles": len(articles), "stories": len(stories),
              "stories_of_2_or_more": sum(len(s.article_ids) > 1 for s in stories),
              "articles_in_them": sum(len(s.article_ids) for s in stories if len(s.article_ids) > 1),
              "group_s": round(full_s, 3), "group_s_per_1000": round(full_s * 1000 / len(articles), 3),
              "update_10_s": round(update_s, 3)}
    if args.make_sample:
        sample(articles, vectors, stories, args.make_sample, args.seed)
        return
    if LABELS.exists():
        result["labels"] = score(assigned)
        result["labels_after_the_rules"] = score(assigned, first_row=59)
    by_url = {a.url: assigned.get(a.id) for a in articles}
    if DEV_WINDOW.exists():
        result["dev_window_labels"] = score(by_url, path=DEV_WINDOW)
    if HELDOUT.exists():
        result["heldout_labels"] = score(by_url, path=HELDOUT)
    if HELDOUT_2.exists():
        result["heldout_2_labels"] = score(by_url, path=HELDOUT_2)
        result["heldout_both"] = score(by_url, path=(HELDOUT, HELDOUT_2))
    if HELDOUT_3.exists():
        result["heldout_3_labels"] = score(by_url, path=HELDOUT_3)
        result["heldout_all"] = score(by_url, path=(HELDOUT, HELDOUT_2, HELDOUT_3))
    print(json.dumps(result, indent=1))


def sample(articles, vectors, stories, n: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    multi = [s for s in stories if len(s.article_ids) > 1]
    row = {a.id: i for i, a in enumerate(articles)}
    chosen: list[int] = []
    for story in rng.sample(multi, min(n, len(multi))):
        members = [row[a] for a in story.article_ids[:5]]
        chosen += members
        centre = vectors[members].mean(axis=0)
        day = story.first_date or ""
        near = [i for i in np.argsort(-(vectors @ centre)) if i not in members and articles[i].published
                and abs((np.datetime64(articles[i].published) - np.datetime64(day or articles[i].published))
                        .astype(int)) <= 7][:2]
        chosen += [int(i) for i in near]
    print("article_id\tpublished\tsource\ttitle\tlabel")
    for i in dict.fromkeys(chosen):
        a = articles[i]
        print(f"{a.id}\t{a.published}\t{a.source}\t{a.title}\t")


def score(assigned: dict[str, str], first_row: int = 0, path: Path | tuple[Path, ...] = LABELS) -> dict:
    """Pairwise precision and recall of `assigned` (label key → story id) on a label file whose
    first column is the key (article id, or URL for the held-out files) and fifth the label; several
    files are scored as one sample (their windows do not overlap, so no pair spans two files)."""
    rows = []
    for one in (path,) if isinstance(path, Path) else path:
        rows += [line.split("\t") for line in one.read_text().splitlines() if line and not line.startswith("#")][1:][first_row:]
    labelled = {r[0]: r[4].strip() for r in rows if len(r) >= 5 and r[4].strip()}
    missing = [k for k in labelled if assigned.get(k) is None]  # the index leaves out stubs (paywalled pages)
    labelled = {k: v for k, v in labelled.items() if k not in missing}
    tp = fp = fn = 0
    for a, b in combinations(sorted(labelled), 2):
        same_truth = labelled[a] == labelled[b]
        same_system = assigned.get(a) == assigned.get(b)
        tp += same_truth and same_system
        fp += same_system and not same_truth
        fn += same_truth and not same_system
    return {"articles": len(labelled), "not_in_index": len(missing), "pairs_same_story": tp + fn, "precision": round(tp / max(tp + fp, 1), 3),
            "recall": round(tp / max(tp + fn, 1), 3)}


if __name__ == "__main__":
    main()
