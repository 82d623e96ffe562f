"""The evaluation harness on a small slice of RealTime QA (the full run is on demand, never in CI)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.evaluate import choose, hit_rank, recall_summary, select_slice
from bot.types import Passage
from index.articles import make_article
from tests.conftest import ROOT

DATA = ROOT.parent / "shared" / "data" / "realtimeqa-2023q1"


def passage(title: str, text: str) -> Passage:
    return Passage("x:0", make_article(title=title, text=text), text, 0, len(text), 1.0)


def test_choose_picks_the_supported_choice():
    passages = [passage("Bills safety improves", "Damar Hamlin of the Buffalo Bills remains in critical condition "
                        "after collapsing on the field in Cincinnati.")]
    picked, scores = choose("Damar Hamlin is a member of which team?",
                            ["Pittsburgh Steelers", "Cincinnati Bengals", "Buffalo Bills", "Cleveland Browns"], passages)
    assert picked == 2 and scores[2] > scores[1] > 0 == scores[0]


def test_hit_rank_and_summary():
    passages = [passage("a", "nothing here"), passage("b", "The answer is Buffalo Bills.")]
    assert hit_rank("buffalo bills", passages) == 2 and hit_rank("Jets", passages) is None
    summary = recall_summary([1, 2, None, 11])
    assert summary["hit@1"] == 0.25 and summary["hit@5"] == 0.5 and summary["n"] == 4
    assert summary["mrr@10"] == pytest.approx((1 + 0.5) / 4)


def test_slice_keeps_evidence_articles():
    articles = [{"url": f"u{i}", "text": f"text {i}"} for i in range(10)]
    questions = [{"answer_in_corpus": True, "evidence_urls": ["u7"], "answer": "x"},
                 {"answer_in_corpus": True, "evidence_urls": ["gone"], "answer": "TEXT 4"}, {"answer_in_corpus": False}]
    arts, qs = select_slice(articles, questions, 4, 2)
    assert [a["url"] for a in arts] == ["u7", "u4", "u0", "u1"] and len(qs) == 2


@pytest.mark.slow
@pytest.mark.skipif(not DATA.exists(), reason="shared RealTime QA data not beside the repository")
def test_eval_command_on_a_small_slice(tmp_path):
    out = tmp_path / "per-question.jsonl"
    cmd = [str(Path(sys.executable).parent / "newsbot"), "eval", "realtimeqa", "--data", str(DATA),
           "--index", str(tmp_path / "idx"), "--limit-articles", "6", "--limit-questions", "4",
           "--out", str(out), "--json"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=os.environ)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert set(summary["retrievers"]) == {"dense", "bm25", "hybrid", "rescored"}
    for row in summary["retrievers"].values():
        assert {"hit@1", "hit@5", "hit@10", "mrr@10", "n"} <= row.keys()
    assert summary["multiple_choice"]["n"] == 4 and summary["articles"] == 6
    # tuned on January's questions, reported on February–March's: each split has the same figures
    for split in ("dev", "heldout"):
        part = summary[split]
        assert {"questions", "retrievers", "answer_contains_gold", "multiple_choice", "short_answer_phrase"} <= part.keys()
    assert summary["dev"]["questions"] + summary["heldout"]["questions"] == summary["questions"] == 4
    assert summary["dev"]["questions"] > 0
    # the evidence articles are in the slice, so the retriever finds most answers
    assert summary["retrievers"]["rescored"]["hit@10"] >= 0.5
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 4 and {"question", "retrieved", "hit_rank_rescored", "choice", "correct"} <= rows[0].keys()
    scored = [r for r in rows if "answer_has_gold" in r]
    assert summary["answer_contains_gold"]["n"] == len(scored) > 0
    assert summary["answer_contains_gold"]["rate"] == sum(r["answer_has_gold"] for r in scored) / len(scored)
    assert all(r["answer_has_gold"] == (r["answer"].lower() in r["answer_text"].lower()) for r in scored)
    assert all(r["split"] in {"dev", "heldout"} and "short_answer" in r for r in rows)
    # deterministic, and the index is reused rather than rebuilt
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=os.environ)
    again = json.loads(second.stdout)
    assert again["index_version"] == summary["index_version"]
    assert again["retrievers"] == summary["retrievers"] and again["multiple_choice"] == summary["multiple_choice"]
