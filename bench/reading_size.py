"""How big the reading code is: lines, regular expressions and named rules of the modules that turn
retrieved passages into an answer (issue #24 asks for it before and after the rules shrink).

    python -m bench.reading_size [--json]

The modules are listed here (question analysis, sentence scoring and checks, the short answer,
dates and numerals read from text, the trained reader's glue, the answer path's gates); retrieval,
rendering, Slack and the CLI are not reading.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("bot/answer.py", "bot/answer_rules.py", "bot/attribution.py", "bot/dates.py", "bot/disagreements.py",
           "bot/numerals.py", "bot/places.py", "bot/question.py", "bot/sentence_checks.py", "bot/sentence_model.py",
           "bot/sentence_scoring.py", "bot/short_answer.py", "bot/spelling.py", "bot/untold.py", "bot/read/__init__.py",
           "bot/read/rank.py", "bot/read/model.py", "bot/read/encoding.py", "bot/read/metrics.py", "index/nlp.py")


def measure(root: Path = ROOT) -> dict:
    from bot.answer_rules import NAMES

    texts = {m: (root / m).read_text(encoding="utf-8") for m in MODULES}
    return {"modules": len(texts), "lines": sum(t.count("\n") for t in texts.values()),
            "regexes": sum(len(re.findall(r"\bre\.compile\(", t)) for t in texts.values()),
            "named_rules": len(NAMES)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reading_size", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure()
    print(json.dumps(result) if args.json else
          f"{result['lines']} lines, {result['regexes']} regular expressions, {result['named_rules']} named rules "
          f"in {result['modules']} reading modules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
