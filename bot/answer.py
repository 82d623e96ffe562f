"""Extractive answers: the sentences of the retrieved passages that best answer the question,
each cited; attribution questions get a who-blamed-whom line built from the text.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bot.attribution import Attribution, find_attributions, question_family
from bot.conversation import Conversation
from bot.retrieve import Retrieval, Retriever, coverages, entities, query_terms
from bot.settings import AnswerSettings
from bot.types import Answer, Citation, Passage
from index.lexical import terms
from index.sentences import split_sentences
from index.store import IndexVersion

NOT_FOUND = "I couldn't find this in the indexed articles."
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b", re.I)
_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_FULL_DATE = re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b")
_DATE = re.compile(rf"\b(?:19|20)\d\d\b|\b{_MONTHS}\s+\d{{1,2}}\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


class InputProblem(ValueError):
    """A question that cannot be answered as given; the message says what to do instead."""


@dataclass(slots=True)  # (made for every sentence of every passage read: slots are 3x cheaper than frozen)
class Sentence:
    passage: int  # index into the passages
    start: int  # offsets inside the passage text
    end: int
    text: str
    score: float
    coverage: float


def check_question(question: object, max_chars: int) -> str:
    if not isinstance(question, str):
        raise InputProblem("Please ask your question as text.")
    cleaned = "".join(ch for ch in question if ch.isprintable() or ch in "\n\t").strip()
    if not cleaned:
        raise InputProblem("Please type a question, for example: “Who blamed whom for the Idlib clashes?”")
    if len(cleaned) > max_chars:
        raise InputProblem(
            f"Your question is {len(cleaned):,} characters long; please keep it under {max_chars:,} "
            "(ask about one thing at a time)."
        )
    if not re.search(r"\w", cleaned):
        raise InputProblem("That doesn't look like a question; please ask in words.")
    return " ".join(cleaned.split())


class Answerer:
    """question (+ conversation) → Answer. Thread-safe; one instance serves the CLI or the Slack app."""

    def __init__(self, retriever: Retriever, settings: AnswerSettings) -> None:
        self.retriever = retriever
        self.settings = settings

    def answer(self, question: str, conversation: Conversation | None = None, k: int | None = None) -> Answer:
        started = time.perf_counter()
        try:
            question = check_question(question, self.settings.max_question_chars)
        except InputProblem as problem:
            return Answer(question=str(question)[:200] if isinstance(question, str) else "", answer=str(problem), found=False)
        query = conversation.resolve(question) if conversation else question
        prefer = conversation.recent_articles() if conversation and query != question else ()
        retrieval = self.retriever.retrieve(query, k or self.settings.k, prefer_articles=prefer)
        clock = time.perf_counter()
        answer = compose(question, query, retrieval, self.settings)
        timings = dict(retrieval.timings_ms)
        timings["compose"] = (time.perf_counter() - clock) * 1000
        timings["total"] = (time.perf_counter() - started) * 1000
        answer = Answer(**{**answer.__dict__, "timings_ms": timings})
        if conversation is not None:
            conversation.remember(answer)
        return answer


def compose(question: str, query: str, retrieval: Retrieval, settings: AnswerSettings) -> Answer:
    passages = retrieval.passages
    version = retrieval.version.name
    if not passages:
        return Answer(question, f"{NOT_FOUND} The index has nothing close to it.", False, (), (), query, version)
    sentences = score_sentences(question, query, passages[:4], retrieval.version)
    best = sentences[0] if sentences else None
    found = (
        best is not None and max(p.dense for p in passages) >= settings.min_cosine
        and best.coverage >= settings.min_coverage
    )
    if not found:
        return Answer(
            question, f"{NOT_FOUND} The closest passages are below; they may not answer the question.",
            False, (), tuple(passages), query, version,
        )
    chosen = select(sentences, settings.max_sentences)
    lead = attribution_lead(question, passages, chosen)
    return build_answer(question, query, passages, chosen, lead, version)


def score_sentences(question: str, query: str, passages: list[Passage], version: IndexVersion | None = None) -> list[Sentence]:
    q_terms = query_terms(question)
    context_terms = [t for t in query_terms(query) if t not in q_terms]
    ids_of = _term_ids(version.bm25.vocab if version is not None else {})
    q_ids, context_ids = ids_of(q_terms), ids_of(context_terms)
    q_entities = entities(question)
    lowered = question.lower()
    wants_number = bool(re.search(r"\bhow (many|much)\b|\bnumber of\b", lowered))
    wants_date = bool(re.search(r"\bwhen\b|\bwhat (date|day|year)\b", lowered))
    wants_person = bool(re.search(r"\bwho(m|se)?\b", lowered))
    family = question_family(question)
    out: list[Sentence] = []
    for rank, passage in enumerate(passages):
        # attributions only matter to who-said/blamed questions; they split the passage themselves,
        # other questions read the sentences and their terms as the index stored them
        spans = indexed_sentences(passage, version) if version is not None and not family else None
        found: list[Attribution] = []
        if spans is None:
            plain, found = _sentences_and_attributions(passage.text) if family else (split_sentences(passage.text), [])
            spans = [(start, end, ids_of(terms(passage.text[start:end]))) for start, end in plain]
        attributed = {a.sentence for a in found}
        sentence_terms = [term_ids for _, _, term_ids in spans]
        covered, in_context = coverages(sentence_terms, q_ids), coverages(sentence_terms, context_ids)
        for i, (start, end, _) in enumerate(spans):
            text = passage.text[start:end]
            cov = float(covered[i])
            score = 0.6 * cov + (0.25 * sum(e in text for e in q_entities) / len(q_entities) if q_entities else 0.0)
            score += 0.1 * in_context[i]  # a follow-up's carried topic breaks ties
            score += 0.15 / (1 + rank) + 0.1 * passage.dense
            if wants_number:
                score += _quantity_cue(text, q_terms)
            if wants_date:
                score += 0.2 if _FULL_DATE.search(text) else 0.1 if _DATE.search(text) else -0.1
            if wants_person and _PERSON.search(text):
                score += 0.05
            if family and i in attributed:
                score += 0.15
            if len(text) < 200 and len(text.split()) < 5:  # (under 5 words is never 200 characters)
                score -= 0.2
            out.append(Sentence(rank, start, end, text, float(score), cov))
    out.sort(key=lambda s: (-s.score, s.passage, s.start))
    return out


def _term_ids(vocab: dict[str, int]):
    """terms → ids: the index's ids, and for a term the index does not know, a negative id of its
    own (the same one every time within a question), so sentences split at answer time and
    sentences stored by the index are scored alike."""
    unknown: dict[str, int] = {}

    def ids_of(words: list[str]) -> list[int]:
        return [vocab[w] if w in vocab else unknown.setdefault(w, -1 - len(unknown)) for w in words]

    return ids_of


def indexed_sentences(passage: Passage, version: IndexVersion) -> list[tuple[int, int, np.ndarray]] | None:
    """The passage's sentences as the index stored them, per chunk: (start, end) inside the
    passage text and the sentence's lexical term ids. A sentence in the overlap of two chunks is
    taken once. None when the passage's chunks are unknown or the index has no sentence tables."""
    if not passage.parts:
        return None
    out = []
    covered = 0  # the passage text up to here has its sentences already
    for row, offset in passage.parts:
        table = version.sentences(row)
        if table is None:
            return None
        term_ids = version.text_term_ids(row)
        before = 0
        for start, end, upto in table.tolist():
            if offset + start >= covered:
                out.append((offset + start, offset + end, term_ids[before:upto]))
                covered = offset + end
            before = upto
    return out


def _quantity_cue(text: str, q_terms: list[str]) -> float:
    """How-many questions: a number next to the counted noun ("5,000 troops") beats a bare year."""
    lowered = text.lower()
    for number in re.finditer(r"\b\d[\d,.]*\b", lowered):
        if re.fullmatch(r"(19|20)\d\d", number.group()):
            continue
        following = terms(lowered[number.end(): number.end() + 40])[:3]
        if any(t in following for t in q_terms):
            return 0.25
    return 0.1 if _NUMBER.search(re.sub(r"\b(19|20)\d\d\b", "", text)) else -0.1


def select(sentences: list[Sentence], limit: int, max_chars: int = 700) -> list[Sentence]:
    best = sentences[0]
    chosen = [best]
    length = len(best.text)
    for s in sentences[1:]:
        if len(chosen) >= limit or s.score < 0.75 * best.score:
            break
        if length + len(s.text) > max_chars or any(_overlaps(s, c) for c in chosen):
            continue
        chosen.append(s)
        length += len(s.text)
    return chosen


def attribution_lead(question: str, passages: list[Passage], chosen: list[Sentence]) -> tuple[int, Attribution] | None:
    """For who-blamed/said/threatened questions: the matching attribution in a chosen passage."""
    family = question_family(question)
    if not family:
        return None
    for passage_index in dict.fromkeys(s.passage for s in chosen):
        spans, found = _sentences_and_attributions(passages[passage_index].text)
        chosen_starts = {s.start for s in chosen if s.passage == passage_index}
        matches = [a for a in found if a.verb == family and a.target]
        matches.sort(key=lambda a: (spans[a.sentence][0] not in chosen_starts, a.sentence))
        if matches:
            return passage_index, matches[0]
    return None


@lru_cache(maxsize=64)
def _sentences_and_attributions(text: str) -> tuple[list[tuple[int, int]], list[Attribution]]:
    """A passage's sentence spans and attributions; scoring and the lead line share one pass."""
    spans = split_sentences(text)
    return spans, find_attributions([text[s:e] for s, e in spans])


def build_answer(question, query, passages, chosen, lead, version) -> Answer:
    """Number citations by article in order of first use; each sentence ends with its marker."""
    numbers: dict[str, int] = {}
    cited: list[Sentence] = ([] if lead is None else [_lead_sentence(passages, lead)]) + chosen
    for s in cited:
        numbers.setdefault(passages[s.passage].article.id, len(numbers) + 1)

    def marker(s: Sentence) -> str:
        return f"[{numbers[passages[s.passage].article.id]}]"

    parts = [f"{lead[1].summary()} {marker(cited[0])}."] if lead is not None else []
    parts += [f"{s.text} {marker(s)}" for s in chosen]
    citations = []
    for article_id, n in numbers.items():
        mine = [s for s in chosen if passages[s.passage].article.id == article_id]
        if not mine:  # cited only by the attribution line
            mine = [cited[0]]
        home = mine[0].passage
        passage = passages[home]
        article = passage.article
        citations.append(Citation(
            n=n, article_id=article.id, title=article.title, source=article.source,
            published=article.published, url=article.url, path=article.path,
            quote=" … ".join(s.text for s in mine), passage=passage.text,
            highlights=tuple((s.start, s.end) for s in sorted(mine, key=lambda s: s.start) if s.passage == home),
        ))
    return Answer(question, " ".join(parts), True, tuple(citations), tuple(passages), query, version)


def _lead_sentence(passages: list[Passage], lead: tuple[int, Attribution]) -> Sentence:
    passage_index, attribution = lead
    text = passages[passage_index].text
    start, end = _sentences_and_attributions(text)[0][attribution.sentence]
    return Sentence(passage_index, start, end, text[start:end], 0.0, 0.0)


def _overlaps(a: Sentence, b: Sentence) -> bool:
    if a.text == b.text:
        return True
    wa, wb = set(a.text.lower().split()), set(b.text.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.7
