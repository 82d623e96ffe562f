"""A few paragraphs in SQuAD's JSON layout, written for the tests (not SQuAD's text): enough for
the labelling, the evaluator and a few training steps."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

PARAGRAPHS = [
    ("Harbor Bridge",
     "The Harbor Bridge opened to traffic in 1932 after eight years of work. It was designed by the engineer "
     "Mara Lindqvist, who had built two smaller crossings upriver. The main span is 503 metres long. Tolls were "
     "abolished in 1987 when the city paid off the last bonds.",
     [("When did the Harbor Bridge open to traffic?", "1932", False),
      ("Who designed the Harbor Bridge?", "Mara Lindqvist", False),
      ("How long is the main span?", "503 metres", False),
      ("When was the bridge painted red?", "", True)]),
    ("Harbor Bridge",
     "A second deck for trains was added in 1951. The railway company paid for half of the work. Crowds of "
     "about 40,000 people walked across on the bridge's fiftieth birthday.",
     [("When was the second deck added?", "1951", False),
      ("How many people walked across on the fiftieth birthday?", "about 40,000", False)]),
    ("Lake Orvik",
     "Lake Orvik is the deepest lake in the valley, reaching 212 metres. Its water feeds the town of Selby. "
     "Fishing was banned there in 2004 after the trout population collapsed. The ban was lifted in 2019.",
     [("How deep is Lake Orvik?", "212 metres", False),
      ("Which town does the lake's water feed?", "Selby", False),
      ("Why was fishing banned?", "the trout population collapsed", False),
      ("Who owns the lake's boat club?", "", True)]),
    ("Lake Orvik",
     "Ice covers the lake for about four months a year. Skaters hold a race across it every February. "
     "The record for the crossing, 41 minutes, was set by Ida Brenner.",
     [("Who set the record for the crossing?", "Ida Brenner", False),
      ("When is the skating race held?", "every February", False)]),
]


def write(path: Path, version: str = "1.1") -> Path:
    """The fixture as a SQuAD file (gzipped when the name ends .gz); version "2.0" keeps the
    unanswerable questions, "1.1" drops them."""
    data: dict[str, dict] = {}
    for n, (title, context, questions) in enumerate(PARAGRAPHS):
        qas = []
        for q, (question, answer, impossible) in enumerate(questions):
            if impossible and version == "1.1":
                continue
            answers = [] if impossible else [{"text": answer, "answer_start": context.index(answer)}]
            qas.append({"id": f"t{n}_{q}", "question": question, "answers": answers,
                        **({"is_impossible": impossible} if version == "2.0" else {})})
        data.setdefault(title, {"title": title, "paragraphs": []})["paragraphs"].append({"context": context, "qas": qas})
    text = json.dumps({"version": version, "data": list(data.values())})
    if str(path).endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(text)
    else:
        path.write_text(text)
    return path
