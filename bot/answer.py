"""Extractive answers: the sentences of the retrieved passages that best answer the question,
each cited; factoid questions open with the answer phrase; attribution questions get a
who-blamed-whom line built from the text. Sentence scoring lives in `bot.sentence_scoring`.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace

from bot import answer_rules as rules
from bot.attribution import Attribution, question_family
from bot.conversation import Conversation
from bot.dates import published_date, tells_the_past
from index.nlp import NUMERIC, TEMPORAL, Entity, entities_of, number_and_date_entities
from bot.question import PLACE, THING, QuestionKind, analyse, asks_how, asks_two_things, asks_why, asks_yes_no, dangling_pronoun, mentioned, name_terms, names_in, question_name_terms, reader_question, told_in
from bot.read import SentenceReader
from bot.read.rank import Read, following, judge, read_in_context, promote_answering, promote_following, promote_telling, read_first, read_sentences, runner_ups, with_outlet_spans
from bot.retrieve import Retrieval, Retriever, query_terms
from bot.spelling import near_words, surface_form, variant, written
from bot.sentence_scoring import Sentence, _sentences_and_attributions, passage_words, score_sentences
from bot.sentence_checks import CAUSE_WORDS, background_year, not_a_statement, states_cause
from bot.settings import AnswerSettings
from bot.short_answer import Pick, age_fit, candidates, distance_fit, duration_fit, label_fit, number_fit, pick
from bot.disagreements import disagreements_in_spans, find_disagreements
from bot.text import or_list, quoted_list
from bot.types import Answer, Citation, Passage, Phrase, Segment, ShortAnswer
from bot.untold import event_words, untold_event
from index.lexical import terms
from index.sentences import split_sentences
from index.store import IndexVersion

NOT_FOUND = "I couldn't find this in the indexed articles."
RUNNER_UPS = 2  # the rules' next best sentences the judge reads with their best when of its passage (`runner_ups`).
# Chosen on RealTime QA's dev split and the newsroom sets (stop 49): 1 / 2 / 3 / 4 gave dev gold 0.341 at each,
# short given 19.2% / 19.2% / 19.2% / 18.2%; sets a-e, h, j, l, n: 1 lost set l's festival date, 2-4 alike.
# Cost: answer p50 +2-3 ms (47-49 -> 50-51 ms, 150 questions, two rounds interleaved)


class InputProblem(ValueError):
    """A question that cannot be answered as given; the message says what to do instead."""


def check_question(question: object, max_chars: int, example: str = "") -> str:
    """The question cleaned up, or InputProblem saying what to do (`example`: a topic the index holds)."""
    if not isinstance(question, str):
        raise InputProblem("Please ask your question as text.")
    cleaned = "".join(ch for ch in question if ch.isprintable() or ch in "\n\t").strip()
    if not cleaned:
        raise InputProblem("Please type a question about the indexed articles"
                           + (f", for example about “{example}”." if example else "."))
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

    def __init__(self, retriever: Retriever, settings: AnswerSettings, composer) -> None:
        self.retriever = retriever
        self.settings = settings
        self.composer = composer  # a bot.composer.Composer (service.make_composer picks it)

    @property
    def streams(self) -> bool:
        """Whether the answer is written as it goes (a generative composer): Slack then streams it."""
        return self.composer.mode == "generative"

    def answer(self, question: str, conversation: Conversation | None = None, k: int | None = None) -> Answer:
        """The finished answer (a generative composer is called without streaming)."""
        *_, answer = self._run(question, conversation, k, streaming=False)
        return answer

    def stream(self, question: str, conversation: Conversation | None = None, k: int | None = None):
        """The answer's text as it is written, then the finished Answer (last)."""
        yield from self._run(question, conversation, k, streaming=True)

    def _example(self) -> str:
        """The newest article's title: a topic to suggest to someone who asked nothing."""
        try:
            articles = self.retriever.reader.snapshot().articles
        except Exception:  # noqa: BLE001 — a hint must never fail the reply
            return ""
        newest = max(articles, key=lambda a: (a.published or "", a.title), default=None)
        return newest.title if newest is not None else ""

    def _query(self, question: str, conversation: Conversation | None) -> str:
        """The retrieval query: a follow-up condensed by the LLM when one is configured, else
        carried forward by the heuristic (also the fallback when the LLM fails)."""
        if conversation is None:
            return question
        if conversation.follows(question):
            condensed = self.composer.condense(question, conversation.turns)
            if condensed:
                return condensed
        return conversation.resolve(question)

    def _run(self, question, conversation, k, streaming: bool):
        started = time.perf_counter()
        try:
            question = check_question(question, self.settings.max_question_chars,
                                      self._example() if isinstance(question, str) and not question.strip() else "")
        except InputProblem as problem:
            yield Answer.notice(str(question)[:200] if isinstance(question, str) else "", str(problem))
            return
        focus = conversation.focus(question) if conversation else None
        if focus is None:
            pronoun = dangling_pronoun(question, bool(names_in(question)))
            if pronoun:
                yield Answer.notice(question, f"Who do you mean by “{pronoun}”? Please ask again with the person's name.")
                return
        query = self._query(question, conversation)
        prefer = conversation.recent_articles() if conversation and query != question else ()
        retrieval = self.retriever.retrieve(query, k or self.settings.k, prefer_articles=prefer)
        history = tuple((t.question, t.answer.text) for t in conversation.turns) if conversation else ()
        clock = time.perf_counter()
        if streaming:
            answer = None
            for item in self.composer.stream(question, retrieval, query=query, focus=focus, history=history):
                if isinstance(item, Answer):
                    answer = item
                else:
                    yield item
        else:
            answer = self.composer.compose(question, retrieval, query=query, focus=focus, history=history)
        answer = with_outlets(answer, retrieval.version)
        timings = dict(retrieval.timings_ms)
        timings.update(answer.timings_ms)  # the composer's own stages ("read")
        timings["compose"] = (time.perf_counter() - clock) * 1000
        timings["total"] = (time.perf_counter() - started) * 1000
        answer = replace(answer, timings_ms=timings)
        if conversation is not None:
            conversation.remember(answer)
        yield answer


def with_outlets(answer: Answer, version: IndexVersion) -> Answer:
    """Each citation names its story and how many outlets reported it ("reported by 4 outlets")."""
    stories = [version.story_of(c.article_id) for c in answer.citations]
    if not any(stories):
        return answer
    return replace(answer, citations=tuple(c.with_story(story) for c, story in zip(answer.citations, stories)))


def compose(question: str, query: str, retrieval: Retrieval, settings: AnswerSettings,
            focus: str | None = None, reader: SentenceReader | None = None) -> Answer:
    """The answer from a retrieval: the best sentences of the first passages, cited; factoid
    questions open with the answer phrase. `focus`: the person a follow-up's pronoun stands for.
    `reader` (answer.reader = "model"): the trained reader orders the best sentences, declines
    when none answers, and gives the short answer's span (its time is the answer's "read" timing)."""
    timing: dict[str, float] = {}
    answer = _compose(question, query, retrieval, settings, focus, reader, timing)
    return replace(answer, timings_ms={**answer.timings_ms, **timing}) if timing else answer


def _compose(question: str, query: str, retrieval: Retrieval, settings: AnswerSettings,
             focus: str | None, reader: SentenceReader | None, timing: dict[str, float]) -> Answer:
    passages = retrieval.passages
    version = retrieval.version.name
    if not passages:
        return Answer.notice(question, f"{NOT_FOUND} The index has nothing close to it.", (), query, version)
    kind = analyse(question)
    settings = rules.applied(settings)  # penalties switched off by name weigh 0
    sentences = score_sentences(question, query, passages[:4], retrieval.version, kind=kind, focus=focus,
                                settings=settings)
    read = judged = None  # judged: the reading that may decline, of questions asking for a fact only
    # "how did the hackers get in?", "why did …?", "were any passwords stolen?" ask no fact to decline
    # on, but the reader tells the sentence giving the means, the reason or the yes / no from the one
    # repeating the question's names: read by the judge, never declined
    judged_only = (not kind.factoid and (asks_how(question) or asks_why(question)) and rules.on(settings, "manner_judged")
                   or asks_yes_no(question, kind) and rules.on(settings, "yes_no_judged"))
    rules_best = sentences[0] if sentences else None
    # what the reader reads of the question: its asking sentence, not a quiz question's background
    reading = reader_question(question, query) if rules.on(settings, "asking_read") else query
    if reader is not None and sentences and (settings.reader == "model" or (settings.reader_judge and (kind.factoid or judged_only))):
        clock = time.perf_counter()
        if settings.reader == "model":
            sentences, read = read_sentences(reading, sentences, passages, reader, settings.reader_depth,
                                             settings.reader_mix)
            judged = read if kind.factoid else None
        else:
            roundup = not kind.labels & PLACE and rules.on(settings, "roundup_places")
            group = following(sentences[:settings.reader_depth], passages, settings.reader_next)
            if rules.on(settings, "passage_runner_up"):  # (one naming none of the question's names: another story of a briefing)
                more = runner_ups(sentences[:settings.reader_depth], group, passages, RUNNER_UPS)
                far = _far_from_names(more, passages, tuple(names_in(question)), rules.on(settings, "title_topic"))
                group += [s for s in more if id(s) not in far]
            asked = [stem for _, stem in event_words(question, kind)]  # the asked event's words, stemmed
            if rules.on(settings, "event_word_read"):
                group += _telling_the_unread(kind, asked, sentences, group, passages)
            if roundup:
                group = _same_story(question, group, retrieval.version)
            judged = judge(reading, sentences, passages, reader, settings.reader_depth, first=group)
            if rules.on(settings, "read_in_context"):
                judged = read_in_context(reading, group, passages, reader, judged,
                                         lambda s: _PRONOUN_OPENING.match(s.text) is not None)
            earlier = _told_of_earlier(question, kind, asked, sentences[:settings.reader_depth], passages) if rules.on(
                settings, "earlier_time") else set()
            sentences = promote_following(sentences, [s for s in group if id(s) not in earlier or s is group[0]],
                                          judged, settings.reader_next_margin)
            if rules.on(settings, "denied_head"):
                sentences = promote_telling(question, sentences, group, judged)
            sentences = promote_answering(sentences, judged, settings.reader_lead, among=[s for s in _may_lead(
                question, sentences[:settings.reader_depth], passages, judged, retrieval.version if roundup else None,
                rules.on(settings, "opening_names"))
                if id(s) not in earlier])
        timing["read"] = (time.perf_counter() - clock) * 1000
    # evidence: some sentence read covers enough of the question's words (not only the best-scored
    # one: a sentence may rank first on other features), in passages close in meaning, or naming
    # what the question names (the model knows little of "Bakhmut": its passages score cosine < 0.25)
    close = max(p.dense for p in passages) >= settings.min_cosine
    found = bool(sentences) and (not rules.on(settings, "evidence") or (
        max(s.coverage for s in sentences) >= settings.min_coverage and (
            close or _names_held(question, sentences, settings.min_coverage,
                                 passages if rules.on(settings, "passage_names") else None))))
    missing = missing_names(question, passages, retrieval.version) if found and rules.on(settings, "missing_names") else []
    if found and not missing and rules.on(settings, "misspelled_names"):  # each word found, but a full name only ever one letter apart
        missing = misspelled_names(question, passages)
    # (a follow-up's query carries the names of the turn before: its subject is theirs)
    topic = topic_word(question, retrieval.version, settings) if (
        found and not missing and query == question and rules.on(settings, "topic_gate")) else None
    if topic and not _told(topic, question, sentences, rules.on(settings, "word_forms")):
        return Answer.notice(question, f"{NOT_FOUND} No sentence of the passages is on “{topic}” and what the "
                             "question asks; the closest passages are below.", tuple(passages), query, version)
    if not found or missing:
        reason = (f" None of the passages mention {quoted_list(missing)}{_did_you_mean(missing, passages, retrieval.version)}; the closest "
                  "ones are below." if missing else " The closest passages are below; they may not answer the "
                  f"question{_did_you_mean(names_in(question), passages, retrieval.version, read_passages=False)}.")
        return Answer.notice(question, NOT_FOUND + reason, tuple(passages), query, version)
    if judged is not None and settings.reader_decline and not judged.answers and not judged_only:
        return Answer.notice(question, f"{NOT_FOUND} No sentence of the passages answers it; the closest passages "
                             "are below.", tuple(passages), query, version)
    silent: list[str] = []
    if len(retrieval.hints.sources) > 1 and rules.on(settings, "outlet_filter"):  # "how did CNN and USA Today describe …"
        silent = _silent_sources(question, passages, retrieval.hints.sources, retrieval.version)
        sentences = [s for s in sentences if passages[s.passage].article.source not in silent]
        if not sentences:
            return Answer.notice(question, f"{NOT_FOUND} No {_outlets(silent)} article in the index is about this; "
                                 "the closest passages are below.", tuple(passages), query, version)
    picks: list[tuple[Pick, Sentence]] = []
    vetoed: list[tuple[Sentence, int, int]] = []
    if kind.factoid and kind.labels != THING and rules.on(settings, "typed_rescore"):  # (a THING has no type)
        judged_lead = sentences[0] if sentences else None
        sentences, picks, vetoed = typed_rescore(question, kind, sentences, settings, retrieval.version, passages,
                                                 query)
        if judged is not None and judged_lead is not None and rules.on(settings, "judged_lead"):
            sentences, picks = _keep_judged_lead(sentences, picks, judged_lead, judged)
    chosen = select(sentences, settings.max_sentences)
    if asks_why(question) and rules.on(settings, "why_reason"):
        if judged_only and judged is not None and chosen and chosen[0] is not rules_best:
            chosen = with_event(chosen, rules_best, settings.max_sentences)  # the reader's reason leads
        else:
            chosen = with_reason(chosen, sentences, passages, settings.max_sentences,
                                 question if rules.on(settings, "stated_cause") else None)
    if kind.factoid and reader is not None and settings.reader_short != "rules" and not (
            picks and settings.reader_short == "fill"):
        # the span reader's answer in the first sentence quoted, where it is sure enough (and, with
        # "typed" or "fill", of the kind asked); the rules' pick where it gives none
        first = read.of(chosen[0]) if read is not None else None
        spans = reader_picks(kind, chosen, read if first is not None and first.span is not None else
                             read_first(reading, chosen[0], passages, reader), settings, retrieval.version, vetoed,
                             question)
        picks = spans or picks
    # the passages quoted do not tell what the question says happened: the closest sentences, said to
    # be so; no phrase of them is the answer
    untold, notice = untold_event(question, kind, [passages[i] for i in dict.fromkeys(s.passage for s in chosen)],
                                  retrieval.version, settings) if rules.on(settings, "untold_event") else ([], "")
    if untold or asks_two_things(question) and rules.on(settings, "two_questions"):
        picks = []  # (two asks, "who won and by how much?": one phrase answers neither whole)
    if picks:
        chosen = _with_sentences_of(picks, chosen, max(settings.max_sentences, len(picks)))
    if len(retrieval.hints.sources) > 1 and rules.on(settings, "one_per_source"):
        chosen = _one_per_source(sentences, chosen, passages, retrieval.hints.sources)
    story_of = retrieval.version.story_assignments() if kind.wants_number else {}
    # a figure of a past event ("In October 2021, Southwest canceled more than 2,000 flights") is no
    # outlet's figure for this one: its sentence takes no part in the comparison
    background = {id(s) for s in sentences if tells_the_past(s.text, published_date(
        passages[s.passage].article.published))} if kind.wants_number and rules.on(settings, "disagreements") else set()
    if not rules.on(settings, "disagreements"):
        disagreements = []
    elif read is not None:  # the reader's answer in each outlet's sentences
        if kind.wants_number:
            read = with_outlet_spans(reading, sentences, passages, reader, read, story_of)
        disagreements = disagreements_in_spans(question, kind, [
            (_span_text(s, read), _outlet(s, passages, background), r.relevance if (r := read.of(s)) else 0.0,
             story_of.get(passages[s.passage].article.id, "")) for s in sentences], read.threshold)
    else:
        disagreements = find_disagreements(
            question, kind, [(s.text, _outlet(s, passages, background), s.coverage,
                              story_of.get(passages[s.passage].article.id, "")) for s in sentences],
            settings.min_coverage)
    if disagreements:  # each outlet's figure is quoted, so each is cited
        chosen = chosen + [sentences[c.sentence] for c in disagreements[0].claims
                           if sentences[c.sentence] not in chosen]
    lead = attribution_lead(question, passages, chosen)
    if lead is not None and lead[1].target and kind.factoid and not untold and rules.on(settings, "attribution_target"):
        picks = _attribution_pick(question, passages, lead)
    answer = build_answer(question, query, passages, chosen, lead, version, picks, kind)
    if untold:  # said first, in the answer itself, so every channel shows it
        answer = replace(answer, untold=tuple(untold), segments=(Segment(notice, (), "notice"),) + answer.segments)
    if silent:  # said in the answer itself, so every channel shows it
        answer = replace(answer, segments=answer.segments + (
            Segment(f"No {_outlets(silent)} article in the index is about this.", (), "notice"),))
    if rules.on(settings, "dated_note"):
        answer = replace(answer, dated=dated_note(answer, passages))
    return with_disagreements(answer, disagreements, sentences, passages) if disagreements else answer


STALE_DAYS = 180  # half a year: last year's edition of a yearly event is older than this. Not fitted: on
# RealTime QA dev (87 answered), answers whose first article is this much older than the newest of the
# first five passages held the gold 3 times in 23, the others 31 times in 64


def dated_note(answer: Answer, passages: list[Passage]) -> str:
    """"Quoted from a report of 8 Feb 2022; the articles found run to 13 Feb 2023." when the article
    quoted first is STALE_DAYS older than the newest of the first five passages (empty otherwise):
    the halftime show asked about may be last year's."""
    first = published_date(answer.citations[0].published) if answer.citations else None
    newest = max((d for p in passages[:5] if (d := published_date(p.article.published))), default=None)
    if first is None or newest is None or (newest - first).days < STALE_DAYS:
        return ""
    return (f"Quoted from a report of {first.day} {first:%b %Y}; the articles found run to "
            f"{newest.day} {newest:%b %Y}: a newer one may tell a later event.")


def with_disagreements(answer: Answer, disagreements, sentences: list[Sentence], passages: list[Passage]) -> Answer:
    """The figures the outlets disagree on, each with its citation, after the short answer:
    "Reports differ: at least 40 according to Wire One [1]; 35 according to Daily Two [2]"."""
    number_of = {c.article_id: c.n for c in answer.citations}
    found, segments = [], []
    for d in disagreements:
        articles = [passages[sentences[c.sentence].passage].article for c in d.claims]
        claims = [(c, number_of[a.id]) for c, a in zip(d.claims, articles)]
        days = [published_date(a.published) for a in articles]
        dated = len(set(days)) > 1 and all(days)  # a toll reported a day later may simply have grown: say when
        found.append({"about": d.about, "claims": [{"value": c.value, "source": c.source, "citation": n,
                                                    "published": a.published[:10] if a.published else None}
                                                   for (c, n), a in zip(claims, articles)]})
        for i, ((c, n), day) in enumerate(zip(claims, days)):
            text = f"{c.value} according to {c.source}" + (f" ({day:%b} {day.day})" if dated else "")
            segments.append(Segment(("Reports differ: " if i == 0 else "") + text, (n,), "disagreement"))
    at = 1 if answer.segments and answer.segments[0].kind == "short" else 0
    return replace(answer, segments=answer.segments[:at] + tuple(segments) + answer.segments[at:],
                   disagreements=tuple(found))


def missing_names(question: str, passages: list[Passage], version: IndexVersion | None = None) -> list[str]:
    """The question's names (people, bodies, places, events, titles) that no retrieved passage
    mentions: a question about one bank must not be answered about another bank with a similar name.
    Reads the term ids the index stored for the passages' chunks (no re-tokenising)."""
    names = names_in(question)
    if not names:
        return []
    evidence: set[str] = set()
    for p in passages:  # (the first passages usually name them all: reading stops there)
        evidence |= passage_words(p, version)
        evidence.update(terms(p.article.source))
        missing = [name for name in names if any(not mentioned(t, evidence) for t in name_terms(name))]
        if not missing:
            return []
    return missing


def topic_word(question: str, version: IndexVersion | None, settings: AnswerSettings) -> str | None:
    """The word a short question naming nothing is about: its rarest content word, if under
    `topic_share` of the chunks hold it ("bitcoin" in "what is the price of bitcoin today?"). A
    name carries a question's subject itself (the names gate holds it to the evidence), long
    questions say too much to hang on one word, and a word no chunk holds (a typo) is no topic."""
    words = query_terms(question)
    if version is None or not words or len(words) > settings.topic_max_words or question_name_terms(question):
        return None
    vocab = version.bm25.vocab
    known = [t for t in words if t in vocab]
    if not known:
        return None
    freq = version.bm25.doc_freq([vocab[t] for t in known])
    fewest, term = max(zip((-freq).tolist(), known))  # the rarest (ties: as the idf ranking broke them)
    if -fewest > max(1.0, settings.topic_share * version.bm25.size):
        return None
    return next((w for w in re.findall(r"[\w'’-]+", question) if terms(w) == [term]), term)


def _told(topic: str, question: str, sentences: list[Sentence], forms: bool = True) -> bool:
    """Some sentence read, with the one before it in its passage, holds the topic word and another of
    the question's words (all of them when the question has only one): "price … bitcoin", not
    "cooking oil price rises" beside a passing "ruble-to-bitcoin trades". The sentence before counts
    because a report names its subject once and then says "the service", "her prize" ("The harbor
    ferry will not run this winter. … the service was cancelled until April"). Passages that never use
    the word at all are on the question by its other words (the articles say "a ticket to space", not
    "roundtrip"): nothing to judge."""
    wanted = set(query_terms(question))
    term = terms(topic)[0] if terms(topic) else topic.lower()
    need = min(2, len(wanted))
    words_of = {id(s): set(terms(s.text)) for s in sentences}
    before = _sentence_before(sentences)
    holds = (lambda words: told_in(term, words)) if forms else (lambda words: term in words)  # "signatures" for "signed"
    used = False
    for s in sentences:
        words = words_of[id(s)]
        used = used or holds(words)
        if id(s) in before:
            words = words | words_of[id(before[id(s)])]
        if holds(words) and len(wanted & words) >= need:
            return True
    return not used


def _sentence_before(sentences: list[Sentence]) -> dict[int, Sentence]:
    """id of each sentence → the sentence just before it in its passage (of those given)."""
    by_passage: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_passage.setdefault(s.passage, []).append(s)
    before: dict[int, Sentence] = {}
    for group in by_passage.values():
        group.sort(key=lambda s: s.start)
        before.update((id(b), a) for a, b in zip(group, group[1:]))
    return before


def misspelled_names(question: str, passages: list[Passage]) -> list[str]:
    """The question's names of two or more words that the passages never write as asked but do
    write one letter apart ("Kevin McCarty": an "Oseola McCarty" matched each word, and
    "Kevin McCarthy" is there): answering would quote whoever matched the words."""
    names = [name for name in names_in(question) if len(name.split()) >= 2]
    if not names:
        return []
    texts = [f"{p.article.title}\n{p.text}" for p in passages]
    # the spellings are read in the passages the answer quotes from (all ten: ~3 ms at p95)
    return [name for name in names if not written(name, texts) and variant(name, texts[:4])]


def _names_held(question: str, sentences: list[Sentence], min_coverage: float,
                passages: list[Passage] | None = None) -> bool:
    """Some sentence covering enough of the question's words holds all of its names and, when it
    asks more than a name, one of its other words too ("what is Bakhmut?" is answered by a
    sentence naming Bakhmut; "what is the capital of France?" is not by one naming France).
    With `passages` (rule passage_names), the names may be held by the sentence's passage and
    headline too, the other word still by the sentence: a fact told of "there", "it" or "the
    company" ("nothing could live there" for "Could anything live on TOI-2281b?"); a question asking
    nothing but its names still needs them in the sentence itself."""
    names = question_name_terms(question)
    if not names:
        return False
    others = [t for t in query_terms(question) if not any(mentioned(n, {t}) for n in names)]
    for s in sentences[:10]:
        words = set(terms(s.text))
        if s.coverage < min_coverage or (others and not any(t in words for t in others)):
            continue
        if passages is not None and others:
            passage = passages[s.passage]
            words |= set(terms(f"{passage.article.title} {passage.text}"))
        if all(mentioned(t, words) for t in names):
            return True
    return False


def _did_you_mean(missing: list[str], passages: list[Passage], version: IndexVersion | None = None,
                  read_passages: bool = True) -> str:
    """" (did you mean “Jim Boeheim”?)" when the passages spell a missing name one letter apart, or,
    for a word no article uses at all ("Bahkmut": its passages are about something else), the index
    has a word one letter apart ("Bakhmut"). `read_passages=False` asks the index only (~0.1 ms;
    reading the passages costs ~3 ms a name)."""
    texts = [f"{p.article.title}\n{p.text}" for p in passages[:4]]  # the passages an answer reads
    unwritten = [name for name in missing if not written(name, texts)]
    near = [(variant(name, texts) if read_passages else None)
            or (_respelled_in_index(name, version) if version is not None else None)
            for name in unwritten]
    near = [spelling for spelling in near if spelling]
    return f" (did you mean {quoted_list(near)}?)" if near else ""


def _respelled_in_index(name: str, version: IndexVersion) -> str | None:
    """The name with each word that no chunk holds replaced by the index's most used word one edit
    from it, spelled as an article spells it; None when some such word has no neighbour. Read only
    when refusing (~10 ms over a 50k-word vocabulary)."""
    vocab = version.bm25.vocab
    parts, changed = name.split(), False
    for i, part in enumerate(parts):
        term = terms(part)
        if len(term) != 1 or term[0] in vocab:
            continue
        near = near_words(term[0], _by_letter_and_length(version).get((term[0][:1], len(term[0])), ()))
        if not near:
            return None
        freq = version.bm25.doc_freq([vocab[w] for w in near])
        best = min(zip(near, freq.tolist()), key=lambda wf: (-wf[1], wf[0]))[0]  # the most used
        rows, _ = version.bm25.search(best, 1)
        spelled = surface_form(best, version.chunk_text(int(rows[0])), terms) if len(rows) else None
        if spelled is None:
            return None
        parts[i], changed = spelled, True
    return " ".join(parts) if changed else None


_BUCKETS: dict[str, dict[tuple[str, int], list[str]]] = {}


def _by_letter_and_length(version: IndexVersion) -> dict[tuple[str, int], list[str]]:
    """The version's vocabulary by (first letter, length ± 1): the words one edit from a word are
    among its bucket (made once per version, ~0.1 s; a lookup is then ~0.1 ms, not ~4 ms)."""
    key = str(version.path)
    if key not in _BUCKETS:
        buckets: dict[tuple[str, int], list[str]] = {}
        for word in version.bm25.vocab:
            for length in (len(word) - 1, len(word), len(word) + 1):
                buckets.setdefault((word[:1], length), []).append(word)
        _BUCKETS.clear()  # one version at a time: the served one
        _BUCKETS[key] = buckets
    return _BUCKETS[key]


def _outlets(sources: list[str]) -> str:
    """"cnn.com", "cnn.com or bbc.com"."""
    return or_list(sources)


def typed_rescore(question: str, kind: QuestionKind, sentences: list[Sentence], settings: AnswerSettings,
                  version: IndexVersion | None = None, passages: list[Passage] | None = None, query: str = "",
                  ) -> tuple[list[Sentence], list[tuple[Pick, Sentence]], list[tuple[Sentence, int, int]]]:
    """The best sentences of a factoid question read by the NER model: those holding a phrase of the
    expected kind rise, those without fall; then the answer phrase is picked from them, and the
    phrases judged not to be the answer (the one reporting, a record holder for "who won", …) are
    returned as (sentence, start, end) so that no other reader gives them either. With the
    `passages`, a sentence that neither names the question's names nor follows closely on one that
    does answers nothing (a company in a sentence about another firm, for "which company makes
    ChatGPT?")."""
    top = sentences[: settings.typed_sentences]
    # numbers and dates need no model; names do (the index stored what the model found in each
    # sentence; one it did not store is read now)
    if kind.labels and kind.labels <= NUMERIC | TEMPORAL:
        found = number_and_date_entities([s.text for s in top])
    else:
        found = sentence_entities(top, version)
    rows = [(s.text, s.score, s.published) for s in top]
    names = tuple(names_in(question))
    far = _far_from_names(top, passages, names, rules.on(settings, "title_topic")) if passages is not None and rules.on(settings, "far_from_names") else set()
    if (kind.wants_date or kind.wants_number) and rules.on(settings, "earlier_unnamed"):  # (a follow-up's names are in its query)
        far |= _earlier_and_unnamed(top, names or tuple(names_in(query)), question)
    typed = {c.sentence for c in candidates(kind, question, rows, found, question_names=names,
                                            unnamed=frozenset(i for i, s in enumerate(top) if id(s) in far), without=settings.without)
             if label_fit(kind, c) >= 1.0 and (not kind.counted or number_fit(rows[c.sentence][0], c, kind.counted, kind.deaths) > 1)
             and (kind.head != "age" or age_fit(rows[c.sentence][0], c) > 1)
             and (kind.head != "long" or not rules.on(settings, "duration") or duration_fit(c) >= 1.0)
             and (kind.head != "far" or not rules.on(settings, "duration") or distance_fit(c) >= 1.0)}
    for i, s in enumerate(top):
        s.score += settings.w_typed if i in typed else -settings.w_typed / 2
    order = sorted(range(len(top)), key=lambda i: (-top[i].score, top[i].passage, top[i].start))
    rescored = [top[i] for i in order] + sentences[len(top):]
    rows = [(top[i].text, top[i].score, top[i].published) for i in order]
    found = [found[i] for i in order]
    per_sentence = candidates(kind, question, rows, found, settings.short_temperature, names,
                              unnamed=frozenset(i for i, s in enumerate(rescored[: len(top)]) if id(s) in far), without=settings.without)
    picks = pick(kind, per_sentence, [s.coverage for s in rescored[: len(top)]], settings.min_short_confidence,
                 rows, 4 if kind.plural else 1, settings.short_min_weight,
                 rules.on(settings, "coordinated"))
    vetoed = [(rescored[c.sentence], c.start, c.end) for c in per_sentence if not c.eligible]
    return rescored, [(p, rescored[p.sentence]) for p in picks], vetoed


def _outlet(sentence: Sentence, passages: list[Passage], background: set[int]) -> str:
    """The outlet a sentence's figure stands for in a comparison ("" for none: a past event's)."""
    return "" if id(sentence) in background else passages[sentence.passage].article.source


def _may_lead(question: str, sentences: list[Sentence], passages: list[Passage], judged: Read,
              roundup: IndexVersion | None, opening: bool = True) -> list[Sentence]:
    """The sentences the judge read that may lead in place of the rules' best (`promote_answering`):
    with `roundup` (the index's entities), not a roundup's next item (`_same_story`); of another
    article than the best's, only one naming the question's names or just after one that does
    ("In both of those massacres, the alleged gunman was 18 …" in a report of another shooting, for
    "how old was the gunman in the Half Moon Bay shooting?"). With `opening`, a question's opening word
    the passages write as a name is one of its names (`_opening_names`)."""
    read = [s for s in sentences if judged.of(s) is not None]
    if roundup is not None:
        read = _same_story(question, read, roundup)
    home = passages[sentences[0].passage].article.id if sentences else None
    far = _far_from_names([s for s in read if passages[s.passage].article.id != home], passages,
                          tuple(names_in(question)) + (_opening_names(question, passages) if opening else ()))
    return [s for s in read if id(s) not in far]


def _keep_judged_lead(sentences: list[Sentence], picks: list, lead: Sentence, judged: Read) -> tuple[list, list]:
    """The sentence the judge left first, when it answers, stays first over one the typed re-ranking
    put there that the judge read as not answering ("It was built by the Bergen firm Polaris Systems",
    0.38, over the launch report naming "Andøya", read 0.05, for who built the satellite); that
    sentence's phrases are no short answer then."""
    first = sentences[0] if sentences else None
    kept, put = judged.of(lead), judged.of(first) if first is not None else None
    if first is lead or kept is None or put is None or kept.relevance < judged.threshold or put.relevance >= judged.threshold:
        return sentences, picks
    return [lead] + [s for s in sentences if s is not lead], [(p, s) for p, s in picks if s is not first]


def _opening_names(question: str, passages: list[Passage]) -> tuple[str, ...]:
    """The capitalised words opening a question's sentences that the passages write capitalised inside
    a sentence and never in lower case: names (`names_in` counts an opening word only before another
    capitalised one, "Temperatures in …" being no name): "Frostline is recalling freezers. How many
    people were injured?" is about Frostline."""
    found: list[str] = []
    for a, _ in split_sentences(question):
        opening = _OPENING_WORD.match(question, a)
        word = opening.group(1) if opening else ""
        if word and word not in found and _written_as_name(word, [p.text for p in passages]):
            found.append(word)
    return tuple(found)


def _written_as_name(word: str, texts: list[str]) -> bool:
    """`word` is capitalised somewhere inside a sentence of the texts and never written in lower case."""
    if any(re.search(rf"\b{re.escape(word.lower())}\b", text) for text in texts):
        return False
    return any(m.start() > 0 and text[: m.start()].rstrip()[-1:] not in ".!?\"“‘'"
               for text in texts for m in re.finditer(rf"\b{re.escape(word)}\b", text))


_OPENING_WORD = re.compile(r"\s*[\"“‘']?([A-Z][a-z]+)(?:['’]s)?\b")


def _telling_the_unread(kind: QuestionKind, asked: list[str], sentences: list[Sentence], group: list[Sentence],
                        passages: list[Passage], most: int = 1) -> list[Sentence]:
    """For a how-many / how-much question, the rules' best sentence (at most `most`) of their best's
    passage holding a figure and a word of the asked event (`asked`: `event_words`, stemmed) that no
    sentence of `group` holds: "She said the walkout would cost the airline about 25 million euros",
    the only one saying "cost", for "how much will the pilots' strike cost Aerolinea Sur?", ranked
    sixth by the rules under the sentences naming the airline and the strike. The reader then weighs it
    with the others. (Read for every kind of question, it reordered 14 RealTime QA answers, held-out
    gold 0.346 -> 0.335: a quiz question's many words leave some unread in any group.)"""
    if not sentences or not kind.wants_number:
        return []
    held = set().union(*(set(terms(s.text)) for s in group)) if group else set()
    unread = [t for t in asked if not told_in(t, held)]
    if not unread:
        return []
    home, ahead = sentences[0].passage, {id(s) for s in group}
    title = passages[home].article.title
    found = [s for s in sentences if s.passage == home and id(s) not in ahead and not not_a_statement(s.text, title)
             and any(told_in(t, set(terms(s.text))) for t in unread) and _FIGURE.search(s.text)]
    return found[:most]


_FIGURE = re.compile(r"\d")


# a question asking about an earlier time itself: a year, "last year", "in October", "ago", "first", "ever"
_ASKS_EARLIER = re.compile(r"\b(?:(?:19|20)\d\d|last|previous|past|ago|before|first|ever|originally|history|since|"
                           r"january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)


def _told_of_earlier(question: str, kind: QuestionKind, asked: list[str], sentences: list[Sentence],
                     passages: list[Passage]) -> set[int]:
    """ids of the sentences that tell the question's event as the rules' best does (a word of `asked`,
    its stemmed event words, in some form in both), but at a time well before their article's news (`tells_the_past`): "Last year
    the council raised the tax by 2.99%" beside "… voted on Thursday to raise council tax by 4.9%", for
    "how much is Harrowgate raising council tax?" — the reader reads them alike. Not when the question
    asks about an earlier time itself or for a date (the day of an earlier event may be what it wants:
    "The bridge was built in 1968" beside "The … bridge was closed on Tuesday", for "when was the
    Orwin bridge built?", both naming the bridge)."""
    if not sentences or kind.wants_date or _ASKS_EARLIER.search(question):
        return set()
    told = [t for t in asked if told_in(t, set(terms(sentences[0].text)))]
    if not told:
        return set()
    return {id(s) for s in sentences[1:] if any(told_in(t, set(terms(s.text))) for t in told)
            and tells_the_past(s.text, published_date(passages[s.passage].article.published))}


def _same_story(question: str, group: list[Sentence], version: IndexVersion | None) -> list[Sentence]:
    """The rules' best sentence (`group[0]`) and those after it that do not name places none of which
    is a place both the question and the best sentence name: a roundup's next item ("… died in a fire
    at a warehouse in Dalmora" after "… the deadly shooting at a Brenford high school", for "how many
    died in the Brenford shooting?") is left out, the same report going on is kept. From the entities
    the index stored; a sentence it stored none for is kept."""
    def places(s: Sentence) -> set[str]:
        found = version.sentence_entities(s.key[0], s.key[1], s.text) if version is not None and s.key else None
        return {e.text.lower() for e in found or () if e.label in PLACE}

    asked = {p for p in places(group[0]) if p in question.lower()} if group else set()
    if not asked:
        return group
    return group[:1] + [s for s in group[1:] if not (named := places(s)) or named & asked]


_NAME_REACH = 300  # characters before a sentence in which the question's name may have been said
_REFERS_BACK = re.compile(r"\s*((?:The|This|That|These|Those)\s+[a-z][\w-]*,?\s[^.!?]{0,200})")


def _far_from_names(sentences: list[Sentence], passages: list[Passage], names: tuple[str, ...],
                    title_topic: bool = True) -> set[int]:
    """ids of the sentences naming none of the question's names, in themselves or in the text just
    before them in their passage ("… the public health emergency on May 11" after a sentence on Covid).
    With `title_topic`, a sentence that refers back (`refers_back`) in an article whose headline names
    them is near them too: the article is about them, and "it", "its", "the bridge" say so."""
    wanted = {t for name in names for t in name_terms(name)}
    if not wanted:
        return set()
    far = set()
    for s in sentences:
        text = passages[s.passage].text
        headline = set(terms(passages[s.passage].article.title))
        if title_topic and refers_back(s.text, headline) and any(mentioned(t, headline) for t in wanted):
            continue
        reach = text[max(0, s.start - _NAME_REACH): s.end]
        # "… a planet 120 light years from Earth. The planet, named TOI-882b, …": a next sentence
        # that opens by referring back names what this one is about
        after = _REFERS_BACK.match(text, s.end)
        if after:
            reach += " " + after.group(1)
        if not any(mentioned(t, set(terms(reach))) for t in wanted):
            far.add(id(s))
    return far


_PRONOUN = r"[\s\"“‘']*(?:It|Its|He|His|She|Her|They|Their)\b"
_PRONOUN_OPENING = re.compile(_PRONOUN)
_OPENS_BACK = re.compile(rf"{_PRONOUN}|[\s\"“‘']*The\s+([a-z][\w-]+)")


def refers_back(sentence: str, headline: set[str]) -> bool:
    """Whether a sentence opens by referring back to what its article is about: a third-person
    pronoun, or "the" before a word of the headline (`headline`: its terms; "The bridge was built in
    1968" under "Orwin bridge closed …"). A pronoun later in it may stand for a name it gives first
    ("Pellam Robotics makes robot vacuums too, and listed its shares" in a briefing whose headline
    names the Dustwing)."""
    match = _OPENS_BACK.match(sentence)
    if match is None:
        return False
    return match.group(1) is None or bool(set(terms(match.group(1))) & headline)


def _earlier_and_unnamed(sentences: list[Sentence], names: tuple[str, ...], question: str) -> set[int]:
    """ids of the sentences about an earlier year's event (`background_year`) that do not name the
    question's names themselves: "When did Silicon Valley Bank collapse?" is not answered "2008"
    from "… after Washington Mutual, which collapsed in 2008", though the bank is named nearby, nor
    "How many rounds did it take?" (after the speaker's election) "133" from the 1856 record.
    An old date stays an answer where the sentence names what is asked ("the Titanic sank in 1912")."""
    wanted = [terms_of for terms_of in (name_terms(name) for name in names) if terms_of]
    if not wanted:
        return set()
    return {id(s) for s in sentences if background_year(s.text, s.published, question)
            and not any(all(mentioned(t, set(terms(s.text))) for t in name) for name in wanted)}


def sentence_entities(sentences: list[Sentence], version: IndexVersion | None) -> list[tuple[Entity, ...]]:
    """The NER model's entities of each sentence: looked up where the index stored them, read by
    the model (one batch) for the others."""
    stored = [version.sentence_entities(s.key[0], s.key[1], s.text) if version is not None and s.key else None
              for s in sentences]
    missing = [s.text for s, found in zip(sentences, stored) if found is None]
    read = iter(entities_of(missing) if missing else [])
    return [found if found is not None else next(read) for found in stored]


def _with_sentences_of(picks: list[tuple[Pick, Sentence]], chosen: list[Sentence], limit: int) -> list[Sentence]:
    """The sentences the short answer comes from lead the quotes (a plural answer may quote one
    sentence per value, up to four)."""
    own: list[Sentence] = []
    for _, sentence in picks:
        if all(sentence is not o for o in own):
            own.append(sentence)
    rest = [s for s in chosen if all(s is not o and not _overlaps(s, o) for o in own)]
    return own + rest[: max(0, limit - len(own))]


def _one_per_source(sentences: list[Sentence], chosen: list[Sentence], passages: list[Passage],
                    sources: tuple[str, ...]) -> list[Sentence]:
    """A question naming several outlets quotes each of them: an outlet the chosen sentences miss
    gets its best sentence added (in the order the question names the outlets)."""
    out = list(chosen)
    for source in sources:
        if any(passages[s.passage].article.source == source for s in out):
            continue
        best = next((s for s in sentences if passages[s.passage].article.source == source), None)
        if best is not None:
            out.append(best)
    return out


# words a question about coverage uses for the coverage itself, not for its topic
_COVERAGE_WORDS = frozenset(terms("describe described report reported reporting say said cover covered coverage "
                                  "write wrote written portray portrayed characterize characterise frame framed "
                                  "call called treat treated article articles story stories"))


def _silent_sources(question: str, passages: list[Passage], sources: tuple[str, ...],
                    version: IndexVersion | None) -> list[str]:
    """The outlets a question names whose retrieved passages hold none of its topic words (its own
    words other than the outlets, names and words about coverage: "derailment" for "how did CNN and
    USA Today describe the Ohio derailment?"): a CNN story on an Ohio teachers' strike is no answer."""
    named = set(question_name_terms(question))
    outlets = {t for source in sources for t in terms(source.replace(".", " "))}
    topic = {t for t in query_terms(question) if t not in named and t not in outlets and t not in _COVERAGE_WORDS}
    if not topic:
        return []
    return [source for source in sources
            if not any(topic & passage_words(p, version) for p in passages if p.article.source == source)]


def _attribution_pick(question: str, passages: list[Passage], lead: tuple[int, Attribution]) -> list[tuple[Pick, Sentence]]:
    """The side of the attribution the question does not name: "who blamed whom?" and "whom did
    Russia blame?" ask for the one blamed, "who blamed Turkey?" for the one who blamed (the speaker,
    where its sentence says it; none otherwise)."""
    attribution = lead[1]
    asked = set(terms(question))
    target = set(terms(attribution.target))
    if not (target and target <= asked and not set(terms(attribution.speaker)) & asked):
        return [_target_pick(passages, lead)]
    sentence = _lead_sentence(passages, lead)
    at = sentence.text.find(attribution.speaker)
    return [] if at < 0 else [(Pick(attribution.speaker, -1, at, at + len(attribution.speaker), "SPEAKER", 1.0), sentence)]


def _target_pick(passages: list[Passage], lead: tuple[int, Attribution]) -> tuple[Pick, Sentence]:
    """Who was blamed (accused, threatened): the attribution's target, located in its sentence."""
    sentence = _lead_sentence(passages, lead)
    target = lead[1].target
    at = max(sentence.text.find(target), 0)
    return Pick(target, -1, at, at + len(target), "TARGET", 1.0), sentence


def reader_picks(kind: QuestionKind, chosen: list[Sentence], read: Read, settings: AnswerSettings,
                 version: IndexVersion | None = None, vetoed: list[tuple[Sentence, int, int]] = (),
                 question: str = "") -> list[tuple[Pick, Sentence]]:
    """The short answer as the reader's span in the first sentence quoted, when the reader is sure
    enough (`reader_short_min`); with `reader_short = "typed"` or `"fill"` only a span that holds a
    phrase of the kind asked, where the question asks for one (a number for "how many", a date for
    "when", a person for "who"); never a phrase the rules vetoed, nor one made of the question's own
    words ("Sky Brown has become … in which sport?" → Sky Brown)."""
    typed = settings.reader_short in ("typed", "fill")
    first = chosen[0]
    reading = read.of(first)
    if reading is None or reading.span is None or reading.relevance < settings.reader_short_min:
        return []
    start, end = reading.span
    text = first.text[start:end].strip(" ,.;:\"“”'‘’()")
    if not text or len(text) > 80:
        return []
    start = first.text.find(text, start)
    if any(s is first and a < start + len(text) and start < b for s, a, b in vetoed):
        return []  # the rules judged that phrase not the answer
    if set(terms(text)) <= set(terms(question)):
        return []
    label = "SPAN"
    if kind.labels:
        found = (number_and_date_entities([first.text])[0] if kind.labels <= NUMERIC | TEMPORAL
                 else sentence_entities([first], version)[0])
        # the span reader is held to the kind asked; the rules' wider second choice (an
        # organisation for "who") is not its to take
        fitting = [e for e in found if e.label in (kind.labels if typed else kind.labels | kind.secondary)
                   and e.start < start + len(text) and start < e.end]
        if fitting:
            label = fitting[0].label
        elif typed:
            return []
    return [(Pick(text, 0, start, start + len(text), label, reading.relevance), first)]


def _span_text(sentence: Sentence, read: Read) -> str:
    reading = read.of(sentence)
    return sentence.text[reading.span[0]: reading.span[1]] if reading is not None and reading.span else ""


def with_reason(chosen: list[Sentence], sentences: list[Sentence], passages: list[Passage], limit: int,
                question: str | None = None, max_chars: int = 700) -> list[Sentence]:
    """A why-question's best sentence usually tells the event ("The Old Quay bridge has been closed
    …"); the reason is the statement after it in its passage, which repeats none of the question's
    words ("Engineers found cracks in two of its steel supports …"), so it is quoted right after it.
    On the three newsroom sets the reason was in the answer for 3 of 7 why-questions, 7 of 7 with it.
    With `question`: when the best sentence states no cause and a statement near it does ("… was
    caused by an electrical fault", "… because two headline acts pulled out": `states_cause`, among the
    `REASON_REACH` statements after it in its passage, or any of its passage's sentences read that
    shares a word of what the question asks), that one leads, the event after it."""
    if not chosen or chosen[0] is not sentences[0]:
        return chosen
    cause = _stated_cause(question, sentences, passages) if question else None
    if cause is not None:  # the cause leads; the event follows when both fit, as the next sentence's pair must
        return _lead_pair(cause, chosen[0], chosen[1:], limit, max_chars)
    after = following(sentences, passages, 1)[1:]
    if not after:
        return chosen
    reason = after[0]
    quoted = reason in chosen  # already in the answer: only moved up
    if not quoted and (any(_overlaps(reason, c) for c in chosen) or len(chosen[0].text) + len(reason.text) > max_chars):
        return chosen
    return ([chosen[0], reason] + [c for c in chosen[1:] if c is not reason])[:max(limit, 2)]


def with_event(chosen: list[Sentence], event: Sentence | None, limit: int, max_chars: int = 700) -> list[Sentence]:
    """A why-question whose reason the judge put first ("Ticket sales had covered less than half of the
    costs"): the event it explains, the rules' best ("The Brookmere Jazz Festival will not take place
    this year"), follows it, as a stated cause's event does (`with_reason`)."""
    return _lead_pair(chosen[0], event, chosen[1:], limit, max_chars)


def _lead_pair(first: Sentence, then: Sentence | None, rest: list[Sentence], limit: int,
               max_chars: int) -> list[Sentence]:
    """`first`, then `then` when both fit in `max_chars` (a reason and its event), then `rest`
    without them, at most `limit` sentences (two when both are quoted)."""
    pair = [first, then] if then is not None and then is not first and \
        len(first.text) + len(then.text) <= max_chars else [first]
    return (pair + [c for c in rest if all(c is not p for p in pair)])[:max(limit, len(pair))]


REASON_REACH = 3  # statements after the best sentence a stated cause may lead from, as the judge reads three


def _stated_cause(question: str, sentences: list[Sentence], passages: list[Passage]) -> Sentence | None:
    """The best-scored sentence stating a cause near the best sentence, when the best states none."""
    head = sentences[0]
    if states_cause(head.text):
        return None
    near = {id(s) for s in following(sentences, passages, REASON_REACH)[1:]}
    asked = set(terms(question)) - CAUSE_WORDS
    found = [s for s in sentences if s is not head and s.passage == head.passage and states_cause(s.text)
             and (id(s) in near or asked & set(terms(s.text)))]
    return max(found, key=lambda s: s.score) if found else None


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


def build_answer(question, query, passages, chosen, lead, version, picks=(), kind=None) -> Answer:
    """Number citations by article in order of first use; each sentence ends with its marker; a
    short answer, when there is one, opens the answer."""
    numbers: dict[str, int] = {}
    cited: list[Sentence] = ([] if lead is None else [_lead_sentence(passages, lead)]) + chosen
    for s in cited:
        numbers.setdefault(passages[s.passage].article.id, len(numbers) + 1)

    def number(s: Sentence) -> tuple[int, ...]:
        return (numbers[passages[s.passage].article.id],)

    segments = [Segment(lead[1].summary(), number(cited[0]), "attribution")] if lead is not None else []
    segments += [Segment(s.text, number(s)) for s in chosen]
    # the short answer's phrase is placed in its citation's passage: the article's citation shows the
    # passage its sentence comes from (another passage of the same article is another window of text)
    anchor = next((s.passage for _, s in picks if _quoted(s, cited)), None)
    citations = []
    homes: dict[str, int] = {}
    for article_id, n in numbers.items():
        mine = [s for s in chosen if passages[s.passage].article.id == article_id]
        if not mine:  # cited only by the attribution line
            mine = [cited[0]]
        home = anchor if anchor is not None and passages[anchor].article.id == article_id else mine[0].passage
        homes[article_id] = home
        passage = passages[home]
        article = passage.article
        citations.append(Citation.of(
            n, article, " … ".join(s.text for s in mine), passage.text,
            tuple((s.start, s.end) for s in sorted(mine, key=lambda s: s.start) if s.passage == home),
        ))
    short = _short_answer(picks, cited, passages, numbers, homes, kind)
    if short is not None:
        segments.insert(0, Segment(short.display, (short.phrases[0].citation,), "short"))
    return Answer(question, tuple(segments), True, tuple(citations), tuple(passages), query, version, short_answer=short)


def _quoted(sentence, cited) -> bool:
    return any((sentence.passage, sentence.start) == (c.passage, c.start) for c in cited)


def _short_answer(picks, cited, passages, numbers, homes, kind) -> ShortAnswer | None:
    """Place each picked phrase in its cited passage (offsets in the citation's passage text: the
    article's `homes` passage; a phrase of another passage of the article is moved by the two
    windows' distance, and left out when it lies outside the cited one)."""
    phrases = []
    first = None
    for p, sentence in picks:
        if not _quoted(sentence, cited):
            continue  # its sentence did not make the quotes (cut by the sentence limit)
        article_id = passages[sentence.passage].article.id
        home = passages[homes[article_id]]
        offset = passages[sentence.passage].start + sentence.start + p.start - home.start
        if offset < 0 or home.text[offset: offset + len(p.text)] != p.text:
            continue
        first = first or (p, sentence)
        phrases.append(Phrase(p.text, numbers[article_id], offset, offset + len(p.text)))
    if not phrases:
        return None
    p, sentence = first
    as_of = passages[sentence.passage].article.published if kind is not None and kind.latest else None
    return ShortAnswer(tuple(phrases), p.label, p.confidence, p.date.iso() if p.date else None,
                       p.date.how if p.date else "", as_of)


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
