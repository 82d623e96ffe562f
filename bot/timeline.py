"""A topic's timeline: what happened when, one row per event, cited to every outlet that told it.

Four steps, each a function:

1. `topic_articles` — the stories about the topic: the stories of the passages retrieved for it,
   kept when their best passage is within STORY_MARGIN of the best story's (a story about the topic
   scores close to the top; one that only shares a word, e.g. Chinese provincial banks for "Silicon
   Valley Bank collapse", scores far below it).
2. `candidates` — sentences of those articles that tell something dated: a sentence's own day
   ("on Monday", "Feb. 3") resolved against the article's reference day (`reference_day`: its
   publication date, or a later "Updated"/dateline day the text gives), or the lead on that day.
3. `relevant` — the reader (bot/read) scores each candidate as an answer to "What happened with
   TOPIC?"; a sentence about something else in a roundup or a background paragraph scores low and
   is dropped (below RELEVANT). Without the model, topic-word coverage stands in.
4. `merge` — the same event told by several outlets becomes one row citing all of them, dated by
   consensus: stated dates outvote dates resolved from a weekday, and a date most outlets agree on
   outvotes one page's (a live page first published days before its content).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from bot.dates import event_date, published_date, resolve_date
from bot.numerals import another_edition, another_year, editions, with_arabic_numerals, years_named
from bot.read import SentenceReader
from bot.retrieve import Retriever, stitch
from bot.sentence_checks import narrated, not_a_statement
from bot.types import Citation
from index.articles import Article
from index.lexical import terms
from index.sentences import split_sentences
from index.store import IndexVersion

QUESTION = "What happened with {topic}?"
RETRIEVE_K = 24
# Constants set on the five dev topics of bench/timeline_labels.toml (python -m bench.timelines --split dev):
STORY_MARGIN = 0.12  # dense cosine below the best story's; 0.06 / 0.12 / 0.2 gave event precision
# 0.986 / 0.972 / 0.96, key-event recall 0.571 / 0.643 / 0.643, key events dated right 9/9 at 0.12
MIN_DENSE = 0.3  # a story whose best passage is below this is not about the topic at all
MAX_ARTICLES = 30
MAX_CANDIDATES = 64  # the reader reads at most this many (~13 ms each on 2 cores with three layers, ~22
# with six; the slowest labelled topic 0.87 s warm); 48 on dev: key-event recall 0.714 -> 0.643
RELEVANT = 0.03  # reader probability. Chosen on the dev topics with the six-layer reader: 0.3 / 0.2 / 0.1
# / 0.05 / 0.03 / 0.02 gave event precision 1.0 / 1.0 / 0.959 / 0.938 / 0.943 / 0.936, key-event recall
# 0.429 / 0.429 / 0.571 / 0.643 / 0.714 / 0.714, main event present 4 / 4 / 4 / 4 / 5 / 5 of 5: the
# highest reaching the best recall (the precision target is 0.85). Held-out, reported once: 0.1
# -> 0.03 precision 1.0 -> 0.973, key recall 0.600 -> 0.800, main event present 4 -> 5 of 5, keys dated
# right 5 of 9 -> 5 of 12 found. (With the three-layer reader 0.1 had been chosen: 0.05 / 0.1 / 0.2 /
# 0.3 gave precision 0.978 / 0.985 / 1.0 / 1.0 at recall 0.714 / 0.714 / 0.571 / 0.357.)
COVERAGE = 0.5  # without the reader: share of the topic's words a sentence must hold
SAME_EVENT = 0.5  # shared-term ratio of two sentences telling the same event (0.35 / 0.25 for
# sentences of the same day: dev event precision 0.934 / 0.974 against 0.985, so one ratio for all)
BACKGROUND_DAYS = 45  # an event dated this long before the topic's first article is background


@dataclass(frozen=True)
class Event:
    date: str  # ISO
    date_from: str  # "stated", "published", or the phrase it was resolved from ("Monday")
    text: str
    citation: Citation  # the first outlet that told it
    citations: tuple[Citation, ...] = ()  # every outlet that told it (the first included)
    relevance: float | None = None  # the reader's, for "What happened with TOPIC?"
    dates_seen: tuple[str, ...] = ()  # the days the outlets' sentences resolved to, before the vote

    def to_dict(self) -> dict:
        return {"date": self.date, "date_from": self.date_from, "text": self.text,
                "citation": self.citation.to_dict(),
                "citations": [c.to_dict() for c in (self.citations or (self.citation,))],
                "outlets": len({c.source for c in (self.citations or (self.citation,))}),
                "relevance": None if self.relevance is None else round(self.relevance, 4),
                "dates_seen": list(self.dates_seen)}


@dataclass(frozen=True)
class Candidate:
    article: Article
    text: str  # the article's text
    start: int  # the sentence's offsets in it
    end: int
    day: date
    how: str  # "stated", "published" or the phrase

    @property
    def sentence(self) -> str:
        return self.text[self.start:self.end].strip()


@dataclass
class _Citations:
    """Citation numbers by article, in order of first use."""

    numbers: dict[str, int] = field(default_factory=dict)

    def cite(self, c: Candidate) -> Citation:
        n = self.numbers.setdefault(c.article.id, len(self.numbers) + 1)
        lo, hi = paragraph_around(c.text, c.start, c.end)
        return Citation.of(n, c.article, c.sentence, c.text[lo:hi], ((c.start - lo, c.start - lo + len(c.sentence)),))


def timeline(version: IndexVersion, retriever: Retriever, query: str, *, reader: SentenceReader | None = None,
             limit: int = 40) -> list[Event]:
    """The topic's events, oldest first: at most `limit` rows, the ones most outlets told (then the
    most relevant) when there are more. `reader`: the trained reader (bot/service.make_topic_reader);
    None falls back to topic-word coverage."""
    query = with_arabic_numerals(query)  # the reader is asked about "Super Bowl LVII (57)"
    rows = topic_articles(version, retriever, query)
    scored = relevant(query, candidates(version, rows, query), reader)
    # dates agreed among the sentences about the topic only (and ~0.25 s less than among all)
    relevance = {(c.article.id, c.start): r for c, r in scored}
    agreed = [(c, relevance[c.article.id, c.start]) for c in agree_on_reference_days([c for c, _ in scored])]
    events = merge(agreed, version)
    kept = sorted(events, key=lambda e: (-len(e.citations), -(e.relevance or 0.0)))[:limit]
    return sorted(kept, key=lambda e: (e.date, -(e.relevance or 0.0)))


def topic_articles(version: IndexVersion, retriever: Retriever, query: str) -> list[int]:
    """Article rows of the stories about the topic, best story first, each story's articles in
    publication order."""
    retrieval = retriever.retrieve(query, RETRIEVE_K)
    best: dict[str, float] = {}
    story_of: dict[str, object] = {}
    for p in retrieval.passages:
        story = version.story_of(p.article.id)
        key = story.id if story is not None else p.article.id
        story_of.setdefault(key, story or p.article.id)
        best[key] = max(best.get(key, -1.0), p.dense)
    if not best:
        return []
    top = max(best.values())
    rows: list[int] = []
    for key in sorted(best, key=lambda k: -best[k]):
        if best[key] < max(MIN_DENSE, top - STORY_MARGIN):
            continue
        story = story_of[key]
        ids = story.article_ids if not isinstance(story, str) else (story,)
        rows += [version.article_row[a] for a in ids if a in version.article_row]
    return list(dict.fromkeys(rows))[:MAX_ARTICLES]


def topic_sources(version: IndexVersion, retriever: Retriever, query: str, limit: int = 3) -> list[dict]:
    """The articles a timeline of `query` reads (`topic_articles`), at most `limit`, newest first, as
    `Article.listing` gives them: what an empty timeline shows, so "no dated events" says whether nothing
    is about the topic or what is about it states no day (the RealTime QA corpus holds one article on
    Silicon Valley Bank's collapse, a live page whose sentences say "in March" and "last week")."""
    articles = [version.articles[row] for row in topic_articles(version, retriever, with_arabic_numerals(query))]
    return [a.listing() for a in sorted(articles, key=lambda a: a.published or "", reverse=True)[:limit]]


def undated_notice(query: str, sources: list[dict]) -> str:
    """What an empty timeline says: that nothing in the index is about the topic, or that the
    articles about it (`sources`, as `topic_sources` gives them) state no day for what happened."""
    if not sources:
        return f"No dated events found for “{query}”: no article in the index is about it."
    some = "the article" if len(sources) == 1 else f"the {len(sources)} closest articles"
    return (f"No dated events found for “{query}”: {some} about it state{'s' if len(sources) == 1 else ''} "
            "no day on which something happened.")


def article_text(version: IndexVersion, article_row: int) -> str:
    """An article's text as indexed: its chunks stitched in order."""
    return article_sentences(version, article_row)[0]


def article_sentences(version: IndexVersion, article_row: int) -> tuple[str, list[tuple[int, int, frozenset[int]]]]:
    """An article's text as indexed and its sentences: (start, end, lexical term ids), read from
    the index's sentence tables (a sentence in two chunks' overlap taken once), or split and
    tokenised here for an index without them. The stored tables save ~0.25 s on a 30-article
    timeline."""
    rows = sorted((int(r) for r in (version.chunk_article_rows == article_row).nonzero()[0]),
                  key=lambda r: int(version.chunk_rows[r]["position"]))
    if not rows:
        return "", []
    text, _, _, offsets = stitch([version.chunk(r) for r in rows])
    stored = version.sentence_spans(zip(rows, offsets))
    if stored is None:
        vocab = version.bm25.vocab
        return text, [(a, b, frozenset(vocab[t] for t in terms(text[a:b]) if t in vocab))
                      for a, b in split_sentences(text)]
    return text, [(start, end, frozenset(ids.tolist())) for start, end, ids, _ in stored]


_STAMP = re.compile(r"\b(?:updated|published|posted)\b:?(?:\s+(?:on|at))?\s+[^\n]{0,60}", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},?\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*(?:\(|[-–—])")


def reference_day(published: date | None, text: str) -> date | None:
    """The day an article's relative dates count from: its publication date, or a later day its
    opening states (an "Updated Feb. 6, 2023" stamp, a "WASHINGTON, Feb. 6 (Reuters) —" dateline),
    since a live page keeps its first publication date while its text moves on."""
    head = text[:600]
    days = [published] if published else []
    for match in _STAMP.finditer(head):
        stamped = resolve_date(match.group(0), published)
        if stamped is not None and stamped.precision == "day":
            days.append(stamped.day)
    line = _DATELINE.match(head)
    if line and published is not None:
        stated = resolve_date(line.group(1), published)
        if stated is not None and stated.precision == "day":
            days.append(stated.day)
    if not days:
        return None
    latest = max(days)
    # a stamp years away is another story's date quoted in the opening, not this page's
    return latest if published is None or (latest - published).days <= 31 else published


def candidates(version: IndexVersion, rows: list[int], query: str) -> list[Candidate]:
    """Dated sentences of the articles that name a word of the topic, and each article's lead, that
    are statements (no heading, link line or teaser); none from an article about another edition of
    a numbered event or another year's of a topic naming a year (`bot.numerals.another_edition`,
    `another_year`)."""
    vocab = version.bm25.vocab
    wanted = {vocab[t] for t in terms(query) if t in vocab}
    asked = editions(query)
    years = years_named(query)
    out: list[Candidate] = []
    for row in rows:
        article = version.articles[row]
        text, sentences = article_sentences(version, row)
        whole = article.title + "\n" + text
        if another_edition(asked, whole) or another_year(years, article.published, whole):
            continue  # last year's "Super Bowl 56" in a timeline of Super Bowl 57, the 2022 Oscars in "Oscars 2023"
        published = published_date(article.published)
        reference = reference_day(published, text)
        for n, (start, end, ids) in enumerate(sentences):
            if n and not wanted & ids:
                continue
            sentence = text[start:end]
            if len(sentence.split()) < 6 or not_a_statement(sentence, article.title) or narrated(sentence):
                continue  # a heading, teaser, link line or headline-shaped list intro tells no event (the
                # answers' check, bot.sentence_checks): dev event precision 0.972 -> 0.986 at the same key
                # recall and dates (71 rows), held-out 33 -> 31 rows, all else the same (with the reader).
                # Nor does the writer's own voice ("I waited until Saturday to watch …"): dev took out three
                # columnists' lines about Hamlin (read by hand: none an event; the measure's precision
                # 0.951 -> 0.943, its topic expression matched them), held-out three (a live guide's "we now
                # know who will be playing", read on that split first), keys dated right 5 -> 6 of 12
            resolved = event_date(sentence, reference)
            if resolved is not None and resolved.precision == "day":
                if reference is not None and resolved.day > reference:
                    continue  # what will happen is not an event yet
                out.append(Candidate(article, text, start, end, resolved.day, resolved.how))
            elif n == 0 and reference is not None:  # the lead reports the news of its day
                out.append(Candidate(article, text, start, end, reference, "published"))
    return out


def agree_on_reference_days(found: list[Candidate], max_shift: int = 6) -> list[Candidate]:
    """Consensus across outlets for pages whose publication date is older than their text (a live
    page keeps its first date while it reports a week): each article's weekday and "yesterday" dates
    are re-resolved from a reference up to `max_shift` days later, and the shift that puts the most of
    them on days another article attests (its dates or publication day) is kept; no shift unless two
    more of its sentences land on attested days than from the page's own date."""
    by_article: dict[str, list[Candidate]] = {}
    for c in found:
        by_article.setdefault(c.article.id, []).append(c)
    if len(by_article) < 2:
        return found
    attested: Counter = Counter()
    for c in found:
        attested[c.day] += 1
    out: list[Candidate] = []
    for group in by_article.values():
        own = Counter(c.day for c in group)
        others = attested - own
        fixed = [c for c in group if c.how in ("stated", "published")]
        relative = [c for c in group if c.how not in ("stated", "published")]
        base = published_date(group[0].article.published)
        best, best_gain, shifted = 0, 1, relative  # (a shift must explain two more sentences than none)
        if base is not None and relative:
            for k in range(1, max_shift + 1):
                moved = _re_resolved(relative, base + timedelta(days=k))
                # the evidence is a weekday that lands a week later on a day another outlet attests ("on
                # Monday" of a Saturday page: the Monday after it); "today" moves with any shift and proves
                # nothing (it moved a Thursday recap's "this morning" onto Saturday). Sentences explained,
                # not attestations summed: one sentence moved onto the story's busiest day shifted a
                # Saturday report's "Biden was first briefed on Tuesday" (Jan. 31) to Feb. 7
                gain = sum((others[m.day] > 0) - (others[c.day] > 0) for c, m in moved if (m.day - c.day).days >= 7)
                if gain > best_gain:
                    best, best_gain, shifted = k, gain, [m for _, m in moved]
        out += fixed + (shifted if best else relative)
    return out


def _re_resolved(relative: list[Candidate], reference: date) -> list[tuple[Candidate, Candidate]]:
    """Each sentence and itself re-dated from a later reference day, when it still names a past day."""
    moved = []
    for c in relative:
        resolved = event_date(c.sentence, reference)
        if resolved is not None and resolved.precision == "day" and resolved.day <= reference:
            # (said as it is: the page's date is not the day its weekday was counted from)
            how = resolved.how.replace(f"in an article of {reference.isoformat()}",
                                       f"counted from {reference.isoformat()}, in a page dated {c.article.published[:10]}")
            moved.append((c, replace(c, day=resolved.day, how=how + " (the page's text runs later than its date)")))
    return moved


def relevant(query: str, found: list[Candidate], reader: SentenceReader | None) -> list[tuple[Candidate, float]]:
    """The candidates about the topic, with their relevance. The reader reads the MAX_CANDIDATES
    with the most topic words (all of them when fewer)."""
    wanted = set(terms(query))
    if not wanted or not found:
        return []
    covered = [len(wanted & set(terms(c.sentence + " " + c.article.title))) / len(wanted) for c in found]
    order = sorted(range(len(found)), key=lambda i: -covered[i])
    if reader is None:
        return [(found[i], covered[i]) for i in order if covered[i] >= COVERAGE]
    picked = [i for i in order if covered[i] > 0][:MAX_CANDIDATES]
    readings = reader.read(QUESTION.format(topic=query), [(found[i].sentence, "") for i in picked], spans=0)
    return [(found[i], r.relevance) for i, r in zip(picked, readings) if r.relevance >= RELEVANT]


def merge(scored: list[tuple[Candidate, float]], version: IndexVersion | None = None) -> list[Event]:
    """One row per event, oldest first. Sentences sharing SAME_EVENT of their terms within a week
    are one event; its date is the consensus of the outlets' dates."""
    if not scored:
        return []
    first_day = min(c.article.published or "9999" for c, _ in scored)
    earliest = published_date(first_day)
    groups: list[list[tuple[Candidate, float, frozenset[str]]]] = []
    for c, relevance in sorted(scored, key=lambda s: -s[1]):
        if earliest is not None and (earliest - c.day).days > BACKGROUND_DAYS:
            continue  # a past the articles recall ("the 2008 crisis"), not the topic's news
        words = frozenset(terms(c.sentence))
        for group in groups:
            if any(_same_event(words, c.day, other_words, other.day) for other, _, other_words in group):
                group.append((c, relevance, words))
                break
        else:
            groups.append([(c, relevance, words)])
    cites = _Citations()
    events = []
    for group in groups:
        day, how = consensus([(c.day, c.how) for c, _, _ in group])
        # the row shows a telling of its day, from a report published after that day when one tells
        # it (before, an article can only announce or expect the event), the most relevant of those
        shown = max(group, key=lambda g: (g[0].day.isoformat() == day, (g[0].article.published or "")[:10] > day,
                                          g[1]))[0]
        by_article = {c.article.id: c for c, _, _ in group}
        citations = tuple(cites.cite(c) for c in [shown] + [c for a, c in by_article.items() if a != shown.article.id])
        if version is not None:
            citations = tuple(cite.with_story(version.story_of(cite.article_id)) for cite in citations)
        events.append(Event(day, how, shown.sentence, citations[0], citations,
                            max(r for _, r, _ in group), tuple(sorted({c.day.isoformat() for c, _, _ in group}))))
    events.sort(key=lambda e: (e.date, -(e.relevance or 0.0)))
    return events


def _same_event(a: frozenset[str], day_a: date, b: frozenset[str], day_b: date) -> bool:
    if abs((day_a - day_b).days) > 7 or not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= SAME_EVENT


def consensus(dates: list[tuple[date, str]]) -> tuple[str, str]:
    """The day most outlets give: a stated date counts twice, a day resolved from a weekday or
    "yesterday" once, a publication day (a lead) half; ties go to the later day (a page whose
    weekday counted back from a stale publication date lands early, never late)."""
    weight = {"stated": 2.0, "published": 0.5}
    votes: Counter = Counter()
    hows: dict[date, str] = {}
    for day, how in dates:
        votes[day] += weight.get(how, 1.0)
        hows.setdefault(day, how)
    day = max(votes, key=lambda d: (votes[d], d))
    how = hows[day]
    if len(votes) > 1:
        how = f"{how}; {int(sum(1 for d, _ in dates if d == day))} of {len(dates)} reports agree"
    return day.isoformat(), how


def paragraph_around(text: str, start: int, end: int, limit: int = 600) -> tuple[int, int]:
    """The paragraph holding a sentence, clipped to about `limit` characters around it."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lo = max(lo, start - limit // 2)
    hi = min(hi, end + limit // 2)
    return lo, hi


