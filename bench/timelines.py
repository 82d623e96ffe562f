"""Topic timelines scored against hand labels (bench/timeline_labels.toml, how they were written is
at its top): per topic and per split (dev = January 2023, held-out = February–March)

- event precision: rows whose sentence belongs to the topic (matches its `about` expression);
- key events found: the labelled events some row tells (matches the key's `match` and `about`);
- key events dated right: of those found, the ones most of whose rows (ties count as right) carry
  one of the key's true dates (a key told in several rows was first judged by its most-cited row
  alone; that misjudged a dev topic whose collapse sat on the right day in three rows of four);
- main event present: the topic's key event is on the timeline;
- warm time of one timeline.

    python -m bench.timelines [--index data/eval-realtimeqa] [--split dev|heldout|all]
                              [--reader model|none] [--show] [--json]

The index is the RealTime QA evaluation index (`newsbot eval realtimeqa` builds it).
"""

from __future__ import annotations

import argparse
import os
import json
import re
import statistics
import time
import tomllib
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "timeline_labels.toml"


def load_topics(path: Path = LABELS, split: str = "all") -> list[dict]:
    topics = tomllib.loads(path.read_text(encoding="utf-8"))["topic"]
    return [t for t in topics if split in ("all", t["split"])]


def score_topic(topic: dict, events: list[dict]) -> dict:
    """Scores one topic's timeline (events as `Event.to_dict()` gives them)."""
    about = re.compile(topic["about"], re.I)
    belongs = [bool(about.search(e["text"])) for e in events]
    keys = {}
    for key in topic.get("key", []):
        match = re.compile(key["match"], re.I)
        telling = [e for e, b in zip(events, belongs) if b and match.search(e["text"])]
        if not telling:
            keys[key["id"]] = {"found": False, "dated_right": False}
            continue
        right = [e for e in telling if e["date"] in key["dates"]]
        wrong = [e for e in telling if e["date"] not in key["dates"]]
        keys[key["id"]] = {"found": True, "dated_right": len(right) >= len(wrong), "rows": len(telling),
                           "dates": sorted({e["date"] for e in telling}), "true": key["dates"],
                           "wrong": [e["text"][:140] for e in wrong][:3]}
    found = [k for k in keys.values() if k["found"]]
    return {"topic": topic["name"], "split": topic["split"], "events": len(events),
            "precision": round(sum(belongs) / len(events), 3) if events else None,
            "keys_found": len(found), "keys": len(keys),
            "keys_dated_right": sum(k["dated_right"] for k in found),
            "main_present": keys.get(topic["main"], {}).get("found", False),
            "main_dated_right": keys.get(topic["main"], {}).get("dated_right", False),
            "detail": keys}


def summary(rows: list[dict]) -> dict:
    events = sum(r["events"] for r in rows)
    belonging = sum(round((r["precision"] or 0) * r["events"]) for r in rows)
    found = sum(r["keys_found"] for r in rows)
    return {"topics": len(rows), "events": events,
            "event_precision": round(belonging / events, 3) if events else None,
            "key_recall": round(found / max(sum(r["keys"] for r in rows), 1), 3),
            "keys_dated_right": round(sum(r["keys_dated_right"] for r in rows) / found, 3) if found else None,
            "main_present": sum(r["main_present"] for r in rows),
            "main_dated_right": sum(r["main_dated_right"] for r in rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=Path("data/eval-realtimeqa"))
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--reader", choices=["model", "none"], default="model")
    parser.add_argument("--show", action="store_true", help="print each timeline")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from bot.read.model import shipped_reader
    from bot.service import make_answerer
    from bot.settings import load_settings
    from bot.timeline import timeline

    settings = load_settings(os.environ, overrides={"index": {"index_dir": str(args.index)}})
    answerer = make_answerer(settings, warm_ner=False)
    retriever, version = answerer.retriever, answerer.retriever.reader.snapshot()
    reader = shipped_reader() if args.reader == "model" else None
    rows, times = [], []
    for topic in load_topics(split=args.split):
        timeline(version, retriever, topic["name"], reader=reader)  # warm
        started = time.perf_counter()
        events = [e.to_dict() for e in timeline(version, retriever, topic["name"], reader=reader)]
        times.append(time.perf_counter() - started)
        rows.append(score_topic(topic, events))
        if args.show:
            print(f"\n## {topic['name']} ({topic['split']})")
            for e in events:
                print(f"  {e['date']}  [{e['outlets']}] {e['relevance']}  {e['text'][:150]}")
    result = {"reader": args.reader, "topics": [{k: v for k, v in r.items() if k != "detail"} for r in rows],
              "dev": summary([r for r in rows if r["split"] == "dev"]),
              "heldout": summary([r for r in rows if r["split"] == "heldout"]),
              "warm_s_median": round(statistics.median(times), 3) if times else None,
              "warm_s_max": round(max(times), 3) if times else None}
    if args.json:
        result["detail"] = {r["topic"]: r["detail"] for r in rows}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
