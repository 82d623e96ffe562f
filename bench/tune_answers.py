"""Tune the answer settings on RealTime QA's development questions (January 2023) only.

    python -m bench.tune_answers --index data/eval-realtimeqa [--split dev] [--grid min_short_confidence=0.3,0.5]
    python -m bench.tune_answers --without topic_gate [--without quantity ...] [--reader model]
    python -m bench.tune_answers --without all [--reader model]   # each rule of bot/answer_rules.py off in turn

Retrieval does not depend on these settings, so each question is retrieved once and composed again
for every value tried; one setting is varied at a time around the defaults. Prints, per value: the
share of answers whose short answer or quotes contain the gold answer (and whose short answer or
first quoted sentence does: "lead_has_gold"), how often a short answer is
given and right, and how often answerable / absent questions get an answer. `--split heldout` is for
reporting the chosen settings once, never for choosing them.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date

from bot.answer import compose
from bench.common import grid_settings, lead_text, tuning_parser
from index.nlp import warm_up
from bot.evaluate import _rate, _same_answer, load_jsonl_gz, split_of
from bot.retrieve import Retriever
from bot.service import make_query_embedder
from bot.settings import load_settings
from index.versions import IndexReader



def measure(settings, items, reader=None) -> dict:
    gold, lead, shorts, right, answerable, absent = [], [], [], [], [], []
    hedged, hedged_absent = [], []  # answered with the notice that a word of the event is in no passage
    started = time.perf_counter()
    for q, retrieval in items:
        answer = compose(q["question"], q["question"], retrieval, settings, reader=reader)
        if q["answer_in_corpus"]:
            answerable.append(answer.found)
            hedged.append(bool(answer.untold))
            if len(q["answer"].strip()) > 3:
                gold.append(q["answer"].lower() in answer.answer.lower())
                lead.append(q["answer"].lower() in lead_text(answer).lower())
            shorts.append(answer.short_answer is not None)
            if answer.short_answer is not None:
                right.append(_same_answer(q["answer"], answer.short_answer.text))
        else:
            absent.append(answer.found)
            hedged_absent.append(bool(answer.untold))
    rate = lambda xs: round(_rate(xs), 3)  # noqa: E731
    return {"answer_has_gold": rate(gold), "lead_has_gold": rate(lead), "n": len(gold), "short_given": rate(shorts), "short_right": rate(right),
            "answered": rate(answerable), "answered_absent": rate(absent),
            "hedged": rate(hedged), "hedged_absent": rate(hedged_absent),
            "compose_ms": round((time.perf_counter() - started) * 1000 / max(1, len(items)), 2)}


def main() -> None:
    parser = tuning_parser(__doc__)
    parser.add_argument("--set", action="append", default=[], help="name=value: a default to start from")
    parser.add_argument("--without", action="append", default=[],
                        help="a rule of bot/answer_rules.py to switch off (each measured alone); 'all': every rule in turn")
    parser.add_argument("--reader", choices=("rules", "model"), default="rules",
                        help="who reads the passages while the rules are measured")
    args = parser.parse_args()
    from bot.answer_rules import NAMES, describe, unknown

    without = list(NAMES) if args.without == ["all"] else args.without
    if unknown(tuple(without)):
        parser.error(f"no rule named {', '.join(unknown(tuple(without)))}; the rules are {', '.join(NAMES)}")
    fixed = dict(item.split("=", 1) for item in args.set)
    if args.reader == "model":
        fixed["reader"] = "model"
    settings = load_settings({}, None, {"index": {"index_dir": args.index}, "answer": fixed})
    questions = [q for q in load_jsonl_gz(args.data / "questions.jsonl.gz")
                 if args.split == "all" or split_of(q) == args.split]
    embedder = make_query_embedder(settings, lambda: None)
    retriever = Retriever(IndexReader(args.index), embedder, settings.answer)
    warm_up()  # the NER model loads once, as in a serving process, outside the timing
    items = [(q, retriever.retrieve(q["question"], 10, as_of=date.fromisoformat(q["date"]))) for q in questions]
    from bot.read.model import shipped_reader

    # the trained reader is handed to compose() always: answer.reader and answer.reader_short
    # (which --set and --grid vary) decide whether it reads the sentences, the short answer, or nothing
    reader = shipped_reader()
    print(json.dumps({"split": args.split, "questions": len(items), "reader": args.reader,
                      "defaults": measure(settings.answer, items, reader)}), flush=True)
    for name in without:
        off = replace(settings.answer, without=(name,))
        print(json.dumps({"without": name, "rule": describe(name), **measure(off, items, reader)}), flush=True)
    for name, value, tried in grid_settings(settings.answer, args.grid):
        print(json.dumps({name: value, **measure(tried, items, reader)}), flush=True)


if __name__ == "__main__":
    main()
