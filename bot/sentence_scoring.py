"""Scoring the sentences of retrieved passages for a question (pure, given the passages and the
index version): each sentence gets its features (`bot.sentence_model`) and a score; the answer
quotes the best. Sentences and their term ids come from the index's sentence tables when present,
so answering never splits or tokenizes text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bot.attribution import Attribution, find_attributions, question_family
from index.nlp import MONTHS, PERSON_NAME
from bot.question import CASUALTY, QuestionKind, analyse, event_forms, incidents, mentioned, question_name_terms
from bot.retrieve import coverages, entities, query_terms
from bot.numerals import another_edition, editions
from bot.sentence_checks import (background_year, months_in, negated, not_a_statement, other_month, question_verbs,
                                  speculation)
from bot.answer_rules import applied, feature_weights, on as rules_on
from bot.sentence_model import FEATURES, weights_vector
from bot.settings import AnswerSettings
from bot.types import Passage
from index.lexical import terms
from index.sentences import split_sentences
from index.store import IndexVersion

_CHECKED = 30  # sentences whose shape and speculation are checked (the best by the other features)
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b", re.I)
F = {name: i for i, name in enumerate(FEATURES)}  # a feature's column in a sentence's row
_FULL_DATE = re.compile(rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\b")
_DATE = re.compile(rf"\b(?:19|20)\d\d\b|\b{MONTHS}\s+\d{{1,2}}\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_PERSON = re.compile(PERSON_NAME)



@dataclass(slots=True)  # (made for every sentence of every passage read: slots are 3x cheaper than frozen)
class Sentence:
    passage: int  # index into the passages
    start: int  # offsets inside the passage text
    end: int
    text: str
    score: float
    coverage: float
    published: str | None = None
    # (chunk row, sentence number in its table) when the index stored the sentence: its entities
    # can then be looked up (IndexVersion.sentence_entities) instead of read by the model
    key: tuple[int, int] | None = None


def score_sentences(question: str, query: str, passages: list[Passage], version: IndexVersion | None = None, *,
                    kind: QuestionKind | None = None, focus: str | None = None,
                    settings: AnswerSettings | None = None, features_out: list | None = None) -> list[Sentence]:
    """The sentences of the passages, best first: each scored by `bot.sentence_model` over its
    features (`features_out`, when given, receives (sentence, feature row) pairs, for fitting)."""
    settings = applied(settings or AnswerSettings())  # penalties switched off by name weigh 0
    # a follow-up asking no word of its own ("By how much?") is read by the words its query carried
    q_terms = query_terms(question) or query_terms(query)
    ids_of = _term_ids(version.bm25.vocab if version is not None else {})
    q_ids = ids_of(q_terms)
    # a word of the question found in another form counts ("did they fight" → "fought", "pay" → "paid")
    q_forms = [ids_of(sorted(event_forms(t) - {t})) for t in q_terms] if rules_on(settings, "word_forms") else None
    weights = weights_vector(feature_weights(settings))
    # idf-weighted coverage: a feature measured on the dev split and left at weight 0
    # (docs/EVALUATION_LOG.md), so computed only when it counts or when features are being collected
    wants_idf = features_out is not None or weights[F["idf_coverage"]] != 0
    idf = version.bm25.idf(q_ids) if wants_idf and version is not None and q_ids else np.ones(len(q_ids))
    q_entities = entities(question)
    lowered = question.lower()
    wants_number = bool(re.search(r"\bhow (many|much)\b|\bnumber of\b", lowered))
    about_deaths = wants_number and bool(CASUALTY.search(question))
    wants_date = bool(re.search(r"\bwhen\b|\bwhat (date|day|year)\b", lowered))
    wants_person = bool(re.search(r"\bwho(m|se)?\b", lowered))
    family = question_family(question)
    kind = kind or analyse(question)
    surname = focus.split()[-1] if focus else ""
    out: list[Sentence] = []
    rows: list[np.ndarray] = []
    names = question_name_terms(question)
    for rank, passage in enumerate(passages):
        title = passage.article.title
        published = passage.article.published
        # attributions only matter to who-said/blamed questions; they split the passage themselves,
        # other questions read the sentences and their terms as the index stored them
        spans = indexed_sentences(passage, version) if version is not None and not family else None
        found: list[Attribution] = []
        if spans is None:
            plain, found = _sentences_and_attributions(passage.text) if family else (split_sentences(passage.text), [])
            spans = [(start, end, ids_of(terms(passage.text[start:end])), None) for start, end in plain]
        attributed = {a.sentence for a in found}
        sentence_terms = [term_ids for _, _, term_ids, _ in spans]
        covered = coverages(sentence_terms, q_ids, forms=q_forms)
        weighted = coverages(sentence_terms, q_ids, idf, forms=q_forms) if wants_idf else covered
        match_end = passage.match_end if passage.match_end is not None else len(passage.text)
        title_share = len(set(q_terms) & set(terms(title))) / len(q_terms) if q_terms else 0.0
        for i, (start, end, _, key) in enumerate(spans):
            text = passage.text[start:end]
            row = np.zeros(len(FEATURES))
            row[F["bias"]] = 1.0
            row[F["coverage"]], row[F["idf_coverage"]] = covered[i], weighted[i]
            row[F["entities"]] = sum(e in text for e in q_entities) / len(q_entities) if q_entities else 0.0
            row[F["passage_rank"]], row[F["passage_dense"]] = 1.0 / (1 + rank), passage.dense
            row[F["in_match"]] = 1.0 if passage.match_start <= start < match_end else 0.0
            row[F["quantity"]] = _quantity_cue(text, q_terms, about_deaths) if wants_number else 0.0
            row[F["date"]] = (0.2 if _FULL_DATE.search(text) else 0.1 if _DATE.search(text) else -0.1) if wants_date else 0.0
            row[F["person"]] = 1.0 if wants_person and _PERSON.search(text) else 0.0
            row[F["attributed"]] = 1.0 if family and i in attributed else 0.0
            row[F["short"]] = 1.0 if len(text) < 200 and len(text.split()) < 5 else 0.0
            row[F["lead"]] = 1.0 if passage.start + start < 400 else 0.0
            row[F["length"]] = min(len(text) / 200, 2.0)
            row[F["title"]] = title_share
            extra = 0.0
            if surname:  # a follow-up about one person: their sentences, not another person's
                extra += settings.w_focus if surname in text else -settings.w_focus if _PERSON.search(text) else 0.0
            rows.append(row)
            out.append(Sentence(rank, start, end, text, extra, float(covered[i]), published, key))
    if kind.latest:
        _add_recency(out, passages, settings, names, version)
    if rows:
        matrix = np.vstack(rows)
        scores = matrix @ weights + np.array([s.score for s in out])
        # the shape and speculation checks are penalties, so only sentences that could still rank
        # among the best need them (a passage holds ~50 sentences; the regexes cost ~15 µs each)
        checked = range(len(out)) if features_out is not None else np.argsort(-scores)[:_CHECKED].tolist()
        verbs = question_verbs(question) if settings.w_negated else frozenset()
        incident = incidents(question) if kind.wants_number else frozenset()
        asked_months = months_in(question) if kind.factoid else set()
        asked_editions = editions(question) if kind.factoid else {}  # "Super Bowl 57", "Regatta XII"
        shape, guess = F["not_statement"], F["speculation"]
        for i in checked:
            text, title = out[i].text, passages[out[i].passage].article.title
            matrix[i, shape] = 1.0 if not_a_statement(text, title) else 0.0
            matrix[i, guess] = 0.0 if kind.future else min(speculation(text), 2)
            scores[i] += matrix[i, shape] * weights[shape] + matrix[i, guess] * weights[guess]
            if verbs and negated(text, verbs):
                scores[i] += settings.w_negated
            if settings.w_background and kind.factoid and background_year(text, out[i].published, question):
                # twice for "latest" questions (a toll, a count now): an earlier event's figure is no update
                scores[i] += settings.w_background * (2 if kind.latest else 1)
            elif incident and (named := incidents(text)) and not named & incident:
                scores[i] += settings.w_background  # another kind of event: a fire's toll for a shooting's
            elif len(asked_months) == 1 and other_month(text, asked_months):
                scores[i] += settings.w_background  # another month's figure: September's jobs for January's
            elif another_edition(asked_editions, text):
                scores[i] += settings.w_background  # another edition's: last year's race for this one's
        rows = list(matrix)
        for sentence, value in zip(out, scores.tolist()):
            sentence.score = value
    if features_out is not None:
        features_out.extend(zip(out, rows))
    out.sort(key=lambda s: (-s.score, s.passage, s.start))
    seen: set[str] = set()  # a sentence two passages of one article both hold is read once
    return [s for s in out if not (s.text in seen or seen.add(s.text))]


def _add_recency(sentences: list[Sentence], passages: list[Passage], settings: AnswerSettings,
                 names: list[str], version: IndexVersion | None) -> None:
    """"Latest" questions: a sentence gains `w_recent` × its article's recency rank among the
    passages about the question (those naming all its names; without names, those where some
    sentence covers `min_coverage` of its words): an unrelated article that happens to be newer
    must not make the newest report look old."""
    if names:
        relevant = {i for i, p in enumerate(passages) if names_all_in(p, version, names)}
    else:
        relevant = {s.passage for s in sentences if s.coverage >= settings.min_coverage}
    dated = sorted({passages[i].article.published for i in relevant if passages[i].article.published}, reverse=True)
    if len(dated) < 2:
        return
    for s in sentences:
        published = passages[s.passage].article.published
        if s.passage in relevant and published:
            s.score += settings.w_recent * (1.0 - dated.index(published) / (len(dated) - 1))


def names_all_in(passage: Passage, version: IndexVersion | None, names: list[str]) -> bool:
    """Whether the passage (title and text) holds all the name terms. Looks the terms' ids up in the
    chunks' stored term ids first (~20 µs); only a name written otherwise there ("British" for
    "Britain", an accent) reads all of the passage's words."""
    if version is not None and passage.parts:
        vocab = version.bm25.vocab
        chunks = [version.text_term_ids(row) for row, _ in passage.parts]
        title: list[str] | None = None
        for t in names:
            i = vocab.get(t, -1)
            if not any((ids == i).any() for ids in chunks):
                title = terms(passage.article.title) if title is None else title
                if t not in title:
                    break
        else:
            return True
    words = passage_words(passage, version)
    return all(mentioned(t, words) for t in names)


def passage_words(passage: Passage, version: IndexVersion | None) -> frozenset[str]:
    """The lexical terms of a passage's title and text: the term ids the index stored for its
    chunks, read as words (no re-tokenising), or the text tokenized now when it stored none. An
    answer asks this of a passage up to twice (names gate, "latest" recency), so the last few
    dozen are kept (keyed by version name, not holding the version)."""
    if version is None or not passage.parts:
        return frozenset(terms(passage.article.title)) | frozenset(terms(passage.text))
    return _stored_words(version, (version.name, passage.parts, passage.article.title), passage.article.title,
                         [row for row, _ in passage.parts])


_WORDS_SEEN: dict[tuple, frozenset[str]] = {}


def article_words(passage: Passage, version: IndexVersion | None) -> frozenset[str]:
    """The lexical terms of the whole article a passage is from (every chunk the index stored for
    it, and its title); the passage's own when there is no index version to read."""
    row = version.article_row.get(passage.article.id) if version is not None else None
    if row is None:
        return passage_words(passage, version)
    return _stored_words(version, (version.name, "article", row), passage.article.title,
                         np.flatnonzero(version.chunk_article_rows == row).tolist())


def _stored_words(version: IndexVersion, key: tuple, title: str, rows: list[int]) -> frozenset[str]:
    """The terms of a title and of the chunks at `rows`, read from the term ids the index stored
    (no re-tokenising); the last few dozen asked are kept, keyed by `key`."""
    words = _WORDS_SEEN.get(key)
    if words is None:
        found = set(terms(title))
        vocab = version.words
        for row in rows:
            found.update(vocab[i] for i in np.unique(version.text_term_ids(row)).tolist())
        if len(_WORDS_SEEN) >= 32:
            _WORDS_SEEN.clear()
        words = _WORDS_SEEN[key] = frozenset(found)
    return words


def _term_ids(vocab: dict[str, int]):
    """terms → ids: the index's ids, and for a term the index does not know, a negative id of its
    own (the same one every time within a question), so sentences split at answer time and
    sentences stored by the index are scored alike."""
    unknown: dict[str, int] = {}

    def ids_of(words: list[str]) -> list[int]:
        return [vocab[w] if w in vocab else unknown.setdefault(w, -1 - len(unknown)) for w in words]

    return ids_of


def indexed_sentences(passage: Passage, version: IndexVersion) -> list[tuple[int, int, np.ndarray, tuple[int, int]]] | None:
    """The passage's sentences as the index stored them, per chunk: (start, end) inside the
    passage text, the sentence's lexical term ids and (chunk row, sentence number). A sentence in
    the overlap of two chunks is taken once. None when the passage's chunks are unknown or the
    index has no sentence tables."""
    return version.sentence_spans(passage.parts) if passage.parts else None


def _quantity_cue(text: str, q_terms: list[str], casualties: bool = False) -> float:
    """How-many questions: a number next to the counted noun ("5,000 troops") beats a bare year; a
    question about deaths wants a sentence about deaths ("874,000 people affected by the deadly
    earthquake" does not say how many died)."""
    lowered = text.lower()
    if casualties and not CASUALTY.search(text):
        return -0.1  # as if it held no number
    for number in re.finditer(r"\b\d[\d,.]*\b", lowered):
        if re.fullmatch(r"(19|20)\d\d", number.group()):
            continue
        following = terms(lowered[number.end(): number.end() + 40])[:3]
        if any(t in following for t in q_terms):
            return 0.25
    return 0.1 if _NUMBER.search(re.sub(r"\b(19|20)\d\d\b", "", text)) else -0.1


@lru_cache(maxsize=64)
def _sentences_and_attributions(text: str) -> tuple[list[tuple[int, int]], list[Attribution]]:
    """A passage's sentence spans and attributions; scoring and the lead line share one pass."""
    spans = split_sentences(text)
    return spans, find_attributions([text[s:e] for s, e in spans])
