"""RealTime QA evaluation: retrieval answer-recall per retriever and multiple-choice accuracy.

Read `../shared/data/realtimeqa-2023q1/README.md`: the 2,388 articles form one pooled corpus; the
questions are weekly news quizzes. Nothing here is copied into the repository.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from datetime import date
from pathlib import Path

from bot.answer import compose
from bot.retrieve import MODES, Retriever, query_terms
from bot.settings import Settings
from bot.types import Answer, Passage
from index.build import EmbedProgress, sync_index
from index.lexical import terms
from index.sentences import split_sentences

KS = (1, 5, 10)
# Tuning uses the January 2023 questions only; February–March are held out (issue #14's method)
DEV_BEFORE = "2023-02-01"


def split_of(question: dict) -> str:
    return "dev" if str(question.get("date") or "") < DEV_BEFORE else "heldout"


def load_jsonl_gz(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def select_slice(articles: list[dict], questions: list[dict], limit_articles: int | None,
                 limit_questions: int | None) -> tuple[list[dict], list[dict]]:
    """A small, meaningful slice: the first questions, and first for each the articles that hold its
    evidence (by url, else the first article whose text contains the answer)."""
    if limit_questions is not None:
        questions = [q for q in questions if q.get("answer_in_corpus")][:limit_questions]
    if limit_articles is not None:
        first: list[dict] = []
        for q in questions:
            urls = set(q.get("evidence_urls", []))
            answer = q.get("answer", "").lower()
            holders = [a for a in articles if a.get("url") in urls]
            holders = holders or [a for a in articles if answer and answer in a.get("text", "").lower()][:1]
            first += [a for a in holders if a not in first]
        rest = [a for a in articles if a not in first]
        articles = (first + rest)[:limit_articles]
    return articles, questions


def hit_rank(answer: str, passages: list[Passage], k: int = 10) -> int | None:
    """1-based rank of the first passage that contains the answer string (case-insensitive)."""
    return hit_rank_in_texts(answer, [(p.article.title, p.text) for p in passages], k)


def hit_rank_in_texts(answer: str, titled_texts: list[tuple[str, str]], k: int = 10) -> int | None:
    """The same over (title, text) pairs, whatever produced them."""
    needle = answer.lower()
    for rank, (title, text) in enumerate(titled_texts[:k], 1):
        if needle in text.lower() or needle in title.lower():
            return rank
    return None


def recall_summary(ranks: list[int | None]) -> dict:
    n = len(ranks)
    out = {f"hit@{k}": (sum(1 for r in ranks if r is not None and r <= k) / n if n else 0.0) for k in KS}
    out["mrr@10"] = sum(1.0 / r for r in ranks if r is not None and r <= 10) / n if n else 0.0
    out["n"] = n
    return out


def choose(question: str, choices: list[str], passages: list[Passage]) -> tuple[int, list[float]]:
    """Pick the choice best supported by the passages' matched chunks: exact mentions, and the
    choice's distinctive words in sentences that also share the question's words, weighted by rank."""
    q_terms = set(query_terms(question))
    choice_terms = [set(terms(c)) for c in choices]
    common = set.intersection(*choice_terms) if choice_terms else set()
    sentences = []
    for rank, passage in enumerate(passages):
        weight = 1.0 / (1 + rank) ** 0.5
        # the matched chunk only: its neighbours (context for readers) add more noise than support
        # here (accuracy 0.605 → 0.587 with them at full weight, 0.597 at half weight)
        text = f"{passage.article.title}. {passage.matched}"
        for start, end in split_sentences(text):
            sentence = text[start:end]
            sentences.append((weight, sentence.lower(), set(terms(sentence))))
    scores = []
    for choice, own_terms in zip(choices, choice_terms):
        own = (own_terms - common) or own_terms
        needle = choice.lower().strip()
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)") if needle else None
        score = 0.0
        for weight, lowered, words in sentences:
            q_overlap = len(q_terms & words) / len(q_terms) if q_terms else 0.0
            if pattern is not None and pattern.search(lowered):
                score += weight * (0.5 + q_overlap)
            elif own:
                score += weight * 0.5 * (len(own & words) / len(own)) * q_overlap
        scores.append(score)
    best = max(range(len(choices)), key=lambda i: (scores[i], -i)) if choices else -1
    return best, scores


def choose_by_reading(question: str, choices: list[str], passages: list[Passage], reader,
                      max_sentences: int = 32) -> tuple[int, list[float]] | None:
    """The reader's pick: the sentences of the matched chunks that mention a choice are read (one
    batch); a choice scores the best relevance of a sentence naming it, in full when the reader's
    answer span is that choice, half when the span is elsewhere in the sentence. None when no
    sentence names any choice (the lexical chooser then decides)."""
    patterns = [re.compile(rf"(?<!\w){re.escape(c.lower().strip())}(?!\w)") if c.strip() else None for c in choices]
    found: list[tuple[str, str, list[int]]] = []
    for passage in passages:
        text = passage.matched
        for start, end in split_sentences(text):
            sentence = text[start:end]
            named = [c for c, p in enumerate(patterns) if p is not None and p.search(sentence.lower())]
            if named:
                found.append((sentence, passage.article.title, named))
        if len(found) >= max_sentences:
            break
    if not found:
        return None
    readings = reader.read(question, [(s, b) for s, b, _ in found[:max_sentences]], spans=max_sentences)
    scores = [0.0] * len(choices)
    for (sentence, _, named), reading in zip(found, readings):
        span = sentence[reading.span[0]: reading.span[1]].lower() if reading.span else ""
        for c in named:
            needle = choices[c].lower().strip()
            full = bool(span) and (needle in span or span in needle)
            scores[c] = max(scores[c], reading.relevance * (1.0 if full else 0.5))
    best = max(range(len(choices)), key=lambda i: (scores[i], -i))
    return best, scores


def split_summary(rows: list[dict]) -> dict:
    """The figures of a set of per-question rows (all questions, or one split)."""
    ranks = {m: [r.get(f"hit_rank_{m}") for r in rows if r["answer_in_corpus"] and not r["short_gold"]] for m in MODES}
    short_ranks = {m: [r.get(f"hit_rank_{m}") for r in rows if r["answer_in_corpus"] and r["short_gold"]] for m in MODES}
    in_answer = [r["answer_has_gold"] for r in rows if "answer_has_gold" in r]
    shorts = [r for r in rows if r["answer_in_corpus"] and r.get("short_answer")]
    answerable = [r for r in rows if r["answer_in_corpus"]]
    absent = [r for r in rows if not r["answer_in_corpus"]]
    correct = sum(1 for r in rows if r["correct"])
    return {
        "questions": len(rows),
        "n_recall": len(ranks["rescored"]),
        "retrievers": {m: recall_summary(ranks[m]) for m in MODES},
        "short_answers": {m: recall_summary(short_ranks[m]) for m in MODES},
        "answer_contains_gold": {"rate": _rate(in_answer), "n": len(in_answer)},
        "short_answer_phrase": {
            "given": _rate([bool(r.get("short_answer")) for r in answerable]),
            "right": _rate([r["short_has_gold"] for r in shorts]),
            "n": len(shorts),
            "rule": "right when the short answer contains the gold answer or the gold answer contains it",
        },
        "answered": {"answerable": _rate([r["found"] for r in answerable]), "n_answerable": len(answerable),
                     "answer_not_in_corpus": _rate([r["found"] for r in absent]), "n_absent": len(absent)},
        "multiple_choice": {"accuracy": correct / len(rows) if rows else 0.0, "n": len(rows),
                            "method": "choice support in the matched chunks of the question's top 10 passages (choices not shown to the retriever)"},
    }


class RecordingLlm:
    """The llama-index client, keeping the text of each reply (for re-running the checks)."""

    def __init__(self, llm) -> None:
        self.llm, self.replies = llm, []

    def chat(self, messages):
        response = self.llm.chat(messages)
        self.replies.append(response.message.content or "")
        return response

    def stream_chat(self, messages):
        written = ""
        for chunk in self.llm.stream_chat(messages):
            written += chunk.delta or ""
            yield chunk
        self.replies.append(written)


def _generated(composer, q: dict, retrieval) -> dict:
    """One question answered by the LLM composer (streamed, as a user sees it): its mode, whether
    it holds the gold answer, how many sentences were kept and dropped, the seconds to the first
    token and in all; then the model's own pick among the choices from the same passages."""
    import time

    started, first, answer, asked = time.perf_counter(), None, None, len(composer.llm.replies)
    for item in composer.stream(q["question"], retrieval, query=q["question"]):
        if isinstance(item, Answer):
            answer = item
        elif first is None:
            first = time.perf_counter() - started
    total = time.perf_counter() - started
    dropped = sum(1 for n in answer.notes if n.startswith("dropped"))
    written = composer.llm.replies[asked:]
    picked = composer.choose(q["question"], q["choices"], retrieval.passages)
    return {"llm_mode": answer.mode, "llm_answer": answer.answer, "llm_notes": list(answer.notes),
            "llm_has_gold": q["answer"].lower() in answer.answer.lower(),
            "llm_kept": len(answer.segments) if answer.mode == "generative" else 0, "llm_dropped": dropped,
            "llm_written": written, "llm_passages": composer.settings.passages,
            "llm_seconds": round(total, 3), "llm_first_token_s": round(first, 3) if first is not None else None,
            "llm_choice": q["choices"][picked] if picked is not None else None,
            "llm_correct": picked is not None and q["choices"][picked] == q["answer"]}


def generative_summary(rows: list[dict], settings: Settings) -> dict:
    done = [r for r in rows if "llm_mode" in r]
    kept, dropped = sum(r["llm_kept"] for r in done), sum(r["llm_dropped"] for r in done)
    seconds = sorted(r["llm_seconds"] for r in done)
    return {
        "provider": settings.llm.provider, "model": settings.llm.model, "n": len(done),
        "answer_contains_gold": _rate([r["llm_has_gold"] for r in done]),
        "extractive_on_same": _rate([r.get("answer_has_gold", False) for r in done]),
        "generative_answers": _rate([r["llm_mode"] == "generative" for r in done]),
        "fell_back": _rate([r["llm_mode"] != "generative" for r in done]),
        "sentences_kept": kept, "sentences_dropped": dropped,
        "kept_share": kept / (kept + dropped) if kept + dropped else 0.0,
        "seconds_p50": seconds[len(seconds) // 2] if seconds else 0.0,
        "first_token_p50": _median([r["llm_first_token_s"] for r in done if r.get("llm_first_token_s") is not None]),
        "multiple_choice": {"accuracy": _rate([r.get("llm_correct", False) for r in done]),
                            "unclear_replies": _rate([r.get("llm_choice") is None for r in done]),
                            "extractive_on_same": _rate([r.get("correct", False) for r in done])},
        "rule": "kept_share: sentences the verifier kept among those it checked (citation precision by the verifier)",
    }


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2] if values else 0.0


def _rate(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _same_answer(gold: str, short: str) -> bool:
    g, s = gold.lower().strip(" .“”\"'"), short.lower().strip(" .“”\"'")
    if not s or not g:
        return False
    return bool(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", s) or re.search(rf"(?<!\w){re.escape(s)}(?!\w)", g))


def build_eval_index(settings: Settings, data: Path, articles: list[dict], embedder, progress, sliced: bool):
    index_dir = Path(settings.index.index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    if sliced:
        source = index_dir / "slice-articles.jsonl"
        new_text = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
        if not source.exists() or source.read_text(encoding="utf-8") != new_text:
            source.write_text(new_text, encoding="utf-8")
    else:
        source = Path(data) / "articles.jsonl.gz"
    return sync_index(settings.index, embedder, sources=[source], progress=progress)


def run_realtimeqa(settings: Settings, data: Path, out: Path, *, limit_articles: int | None = None,
                   limit_questions: int | None = None, progress: EmbedProgress | None = None,
                   embedder=None, llm_sample: int = 100, seed: int = 7, llm_split: str = "all") -> dict:
    """The evaluation; with settings.llm configured, also the generative answers on a seeded sample
    of `llm_sample` answerable questions of `llm_split` ("dev", "heldout" or "all"; the extractive
    figures are unchanged by it)."""
    from bot.service import make_composer, make_embedder, make_query_embedder, make_reader, make_sentence_reader

    articles = load_jsonl_gz(Path(data) / "articles.jsonl.gz")
    questions = load_jsonl_gz(Path(data) / "questions.jsonl.gz")
    articles, questions = select_slice(articles, questions, limit_articles, limit_questions)
    embedder = embedder or make_embedder(settings)
    report = build_eval_index(settings, data, articles, embedder, progress,
                              sliced=limit_articles is not None)
    query_embedder = make_query_embedder(settings, lambda: embedder)
    retriever = Retriever(make_reader(settings), query_embedder, settings.answer)
    sentence_reader = make_sentence_reader(settings)

    generative = make_composer(settings, query_embedder) if settings.llm.provider != "none" else None
    if generative is not None:  # what the model wrote goes into the per-question rows, for audits
        generative.llm = RecordingLlm(generative.llm)
    eligible = [q["id"] for q in questions if q.get("answer_in_corpus") and len(q["answer"].strip()) > 3
                and llm_split in ("all", split_of(q))]
    sampled = set(random.Random(seed).sample(eligible, min(llm_sample, len(eligible)))) if generative else set()
    rows = []
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for q in questions:
            as_of = date.fromisoformat(q["date"]) if q.get("date") else None
            vector = retriever.embed_query(q["question"])
            row = {"id": q["id"], "question": q["question"], "answer": q["answer"], "split": split_of(q),
                   "answer_in_corpus": bool(q.get("answer_in_corpus")), "short_gold": len(q["answer"].strip()) <= 3}
            for mode in MODES:
                retrieval = retriever.retrieve(q["question"], 10, mode=mode, query_vector=vector, as_of=as_of)
                passages = retrieval.passages
                if q.get("answer_in_corpus"):
                    row[f"hit_rank_{mode}"] = hit_rank(q["answer"], passages)
                if mode == "rescored":
                    row["retrieved"] = [p.chunk_id for p in passages]
                    picked, scores = choose(q["question"], q["choices"], passages)
                    if sentence_reader is not None and settings.answer.reader == "model" and settings.answer.reader_choose:
                        read = choose_by_reading(q["question"], q["choices"], passages, sentence_reader)
                        if read is not None:
                            picked, scores = read
                    row["choice"] = q["choices"][picked]
                    row["choice_scores"] = [round(s, 4) for s in scores]
                    row["correct"] = q["choices"][picked] == q["answer"]
                    answer = compose(q["question"], q["question"], retrieval, settings.answer, reader=sentence_reader)
                    row["found"] = answer.found
                    if q.get("answer_in_corpus") and len(q["answer"].strip()) > 3:
                        # what a reader sees: is the gold answer in the short answer or the quotes?
                        row["answer_text"] = answer.answer
                        row["answer_has_gold"] = q["answer"].lower() in answer.answer.lower()
                    short = answer.short_answer
                    row["short_answer"] = short.text if short else None
                    if q["id"] in sampled:
                        row.update(_generated(generative, q, retrieval))
                    if short and q.get("answer_in_corpus"):
                        row["short_has_gold"] = _same_answer(q["answer"], short.text)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows.append(row)
    summary = {
        "data": str(data),
        "index_version": report.version,
        "articles": report.articles,
        "chunks": report.chunks,
        "query_encoder": settings.index.query_encoder,
        "reader": settings.answer.reader,
        "reader_short": settings.answer.reader_short,  # who gave the short answers
        "reader_judge": settings.answer.reader == "rules" and settings.answer.reader_judge,  # the model declined for the rules
        **split_summary(rows),
        "dev": {"before": DEV_BEFORE, **split_summary([r for r in rows if r["split"] == "dev"])},
        "heldout": {"from": DEV_BEFORE, **split_summary([r for r in rows if r["split"] == "heldout"])},
        "per_question": str(out),
    }
    if generative is not None:
        summary["generative"] = generative_summary(rows, settings)
    out.with_suffix(".summary.json").write_text(json.dumps(summary, indent=2))
    return summary
