"""How far the RealTime QA corpus lets issue #14's targets go: which questions' answers the pooled
corpus holds *on topic*, not merely as a string somewhere.

    python -m bench.corpus_ceiling [--index data/eval-realtimeqa] [--split heldout]

A question counts as answerable in the evaluation when its gold answer string occurs in any article
("Australia" occurs in 141 of them). Here a passage or article is *on topic* when, besides the gold
answer, it holds at least two of the question's rarer words (words in under 5% of the articles,
not stop words, not the answer's own; all of them when the question has fewer; one at least).
For each answerable question (gold answer longer than 3 characters, as `newsbot eval` counts):

- `hit`: the gold answer is in the top 10 re-scored passages (Hit@10);
- `hit_on_topic`: … in one of them that is on topic (the rest are string matches in other stories);
- `miss_coverable`: not in the top 10, but some article of the corpus is on topic (found by no
  retriever tried so far, or a loose match: read them with `--show`);
- `ceiling_hit10` = (hits + coverable misses) / questions: what a retriever that found every on-topic
  article would reach, keeping today's chance matches;
- `answer_has_gold` (the short answer or quoted sentences hold it, as `newsbot eval` counts) and how
  many of those are on-topic hits.

The split's questions are read as `newsbot eval` reads them (the question's date as "today").
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

from bench.common import DATA, load_jsonl_gz

STOP_WORDS = frozenset("""
a about after all an and are as at be been before but by can could did do does following for from has
have his her how in into is it its many more most much new no not of on or over reportedly said says
than that the their these this those to was week were what when where which who whom will with would
year according
""".split())
RARE_SHARE = 0.05


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def document_frequencies(texts: list[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(set(words(text)))
    return counts


def rare_words(question: str, answer: str, df: Counter, n_articles: int, share: float = RARE_SHARE) -> list[str]:
    """The question's words that are neither stop words, nor the answer's, nor common in the corpus."""
    own = set(words(answer))
    return sorted({w for w in words(question) if w not in STOP_WORDS and w not in own and df[w] < share * n_articles})


def on_topic(text: str, answer: str, rare: list[str]) -> bool:
    """The text holds the answer and at least min(2, len(rare)) of the rare words (one at least)."""
    if answer.lower() not in text.lower():
        return False
    present = set(words(text))
    return sum(w in present for w in rare) >= max(1, min(2, len(rare)))


def classify(question: str, answer: str, passages: list[str], articles: list[str], df: Counter,
             n_articles: int) -> dict:
    rare = rare_words(question, answer, df, n_articles)
    hit = any(answer.lower() in p.lower() for p in passages)
    return {"hit": hit,
            "hit_on_topic": hit and any(on_topic(p, answer, rare) for p in passages),
            "miss_coverable": not hit and any(on_topic(a, answer, rare) for a in articles)}


def summarise(rows: list[dict]) -> dict:
    n = len(rows)
    count = {key: sum(r[key] for r in rows) for key in ("hit", "hit_on_topic", "miss_coverable", "answer_has_gold")}
    gold_on_topic = sum(r["answer_has_gold"] and r["hit_on_topic"] for r in rows)
    return {"questions": n, **count, "gold_from_on_topic_hits": gold_on_topic,
            "hit10": round(count["hit"] / n, 3) if n else 0.0,
            "on_topic_hit10": round(count["hit_on_topic"] / n, 3) if n else 0.0,
            "ceiling_hit10": round((count["hit"] + count["miss_coverable"]) / n, 3) if n else 0.0,
            "answer_has_gold_share": round(count["answer_has_gold"] / n, 3) if n else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="heldout")
    parser.add_argument("--show", action="store_true", help="print the coverable misses")
    args = parser.parse_args()

    from bot.answer import compose
    from bot.evaluate import split_of
    from bot.retrieve import Retriever
    from bot.service import make_query_embedder
    from bot.settings import load_settings
    from index.versions import IndexReader

    settings = load_settings({}, None, {"index": {"index_dir": args.index}})
    articles = [a["title"] + "\n" + a["text"] for a in load_jsonl_gz(args.data / "articles.jsonl.gz")]
    df = document_frequencies(articles)
    questions = [q for q in load_jsonl_gz(args.data / "questions.jsonl.gz")
                 if q.get("answer_in_corpus") and len(q["answer"].strip()) > 3
                 and args.split in ("all", split_of(q))]
    retriever = Retriever(IndexReader(args.index), make_query_embedder(settings, lambda: None), settings.answer)
    rows = []
    for q in questions:
        retrieval = retriever.retrieve(q["question"], 10, as_of=date.fromisoformat(q["date"]))
        row = classify(q["question"], q["answer"], [p.article.title + "\n" + p.text for p in retrieval.passages],
                       articles, df, len(articles))
        answer = compose(q["question"], q["question"], retrieval, settings.answer)
        row["answer_has_gold"] = q["answer"].lower() in answer.answer.lower()
        rows.append(row)
        if args.show and row["miss_coverable"]:
            print(f"coverable miss: {q['answer']} | {q['question']}", flush=True)
    print(json.dumps({"split": args.split, "rare_share": RARE_SHARE, **summarise(rows)}))


if __name__ == "__main__":
    main()
