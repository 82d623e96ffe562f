"""Syndicated-copy detection (index/near_dup.py) on RealTime QA articles: copies made the ways
outlets republish wire stories, and pairs that must stay apart.

    python -m bench.syndication [--n 300]

Copies of each article: exact; with a tagline added ("Distributed by …"); with the last paragraph
cut; with a sentence reworded in every paragraph's first line. Kept apart: two different articles
of the same outlet and month (the hardest negatives the corpus offers; different stories of one
outlet share boilerplate).
"""

from __future__ import annotations

import argparse
import json
import random

from bench.common import DATA, load_jsonl_gz
from index.near_dup import near_duplicates, signature


def variants(text: str, rng: random.Random) -> dict[str, str]:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    reworded = [p.replace(" said ", " told reporters ", 1).replace(" the ", " a ", 1) for p in paragraphs]
    return {
        "exact": text,
        "tagline": text + "\nDistributed by Local Wire. All rights reserved.",
        "last paragraph cut": "\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else text,
        "reworded lines": "\n".join(reworded),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(5)
    articles = [a for a in load_jsonl_gz(DATA / "articles.jsonl.gz") if len(a["text"].split()) > 150]
    chosen = rng.sample(articles, min(args.n, len(articles)))
    found: dict[str, list[bool]] = {}
    for a in chosen:
        original = signature(a["text"])
        for kind, text in variants(a["text"], rng).items():
            found.setdefault(kind, []).append(bool(near_duplicates([original, signature(text)])))
    by_week: dict[tuple, list[dict]] = {}
    for a in articles:
        by_week.setdefault((a.get("source"), (a.get("published") or "")[:8]), []).append(a)
    pairs = [group[:2] for group in by_week.values() if len(group) >= 2]
    rng.shuffle(pairs)
    apart = [not near_duplicates([signature(x["text"]), signature(y["text"])]) for x, y in pairs[: args.n]]
    print(json.dumps({"articles": len(chosen),
                      "detected": {k: round(sum(v) / len(v), 3) for k, v in found.items()},
                      "kept_apart": {"pairs": len(apart), "rate": round(sum(apart) / max(len(apart), 1), 3)}},
                     indent=1))


if __name__ == "__main__":
    main()
