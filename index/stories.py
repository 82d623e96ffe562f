"""Stories: the articles that tell the same event, across outlets and days (pure functions).

An article joins the story whose centre (mean of its articles' vectors) is closest, when
- the cosine is at least JOIN and the two share a name (a capitalised word run of the headline or
  lead, e.g. "Idlib", "Maria Zakharova") and the article is at most WINDOW_DAYS from the story's
  dates; or
- the cosine is at least SAME (the same text, reworded) within WINDOW_DAYS (a weekly column with
  the same headline and template is not one story).
An article never joins a story holding another edition of the same column: a headline segment of
three words or more ("News from around our 50 states", "5 things to know for September 7") shared
by articles of different days. Otherwise it starts a story. A story is one event's reporting: its
articles lie within SPAN_DAYS of each other (a tournament's next round, or the objects shot down a
week after the balloon, start a story of their own). A roundup (an article whose chunks disagree:
`coherence_of`) is a story of its own. Articles are taken in publication order, so a
story grows as it is reported; then stories whose centres have
come as close as a reworded copy are merged (`bridge`: a later article bridged them, or one story
split), the earlier one's id kept. An update adds its new articles to the stories it has; the
merge pass runs over all of them, after a split pass that cuts a story whose two halves have drifted
apart (`split`).
An article's vector is the mean of its chunks' vectors (normalised).

JOIN, SAME and WINDOW_DAYS were set on the RealTime QA corpus by reading the stories they made;
the column rule was added after the hand-labelled sample in bench/story_labels.tsv showed roundups
grouped across days (pairwise precision there 0.55 before it; docs/EVALUATION_LOG.md, "Stories").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np

from index.articles import Article

JOIN = 0.62
SAME = 0.85
WINDOW_DAYS = 4
SPAN_DAYS = 6  # a story's articles lie within this many days of each other: a story is one event's
# reporting, and without a limit a tournament's rounds chained into one 19-day story (March window:
# P 0.233). Chosen on the dev labels (bench/story_labels.tsv; story_labels_dev.tsv), P/R at 5 / 6 / 7 /
# 8 / none: 0.864/0.785, 0.896/0.923, 0.845/0.923, 0.845/0.923, 0.845/0.923; dev window 0.940/0.722,
# 0.940/0.722, 0.897/0.722, 0.868/0.731, 0.868/0.731. Held-out (both windows, read once) in
# docs/EVALUATION_LOG.md, "Stories as events".
COPY = 0.95  # a text this close is a copy of the story's text, whatever its headline
SPLIT = 0.65  # a story whose two halves' centres sit below this is two stories (see split). On the dev
# labels 0.62 / 0.64 / 0.65 / 0.66 / 0.68 / 0.70 gave P 0.767 / 0.778 / 0.800 / 0.800 / 0.809 / 0.809 at
# R 0.862 (0.846 from 0.68); held-out 0.644 / 0.929 unchanged at 0.65 (0.660 / 0.876 at 0.66 and 0.68).
ROUNDUP = 0.74  # an article whose chunks sit this far from their mean (mean cosine below) tells several
# stories (a recap, "5 things to know"): it stays a story of its own. On bench/story_labels.tsv (dev)
# 0.68 / 0.70 / 0.72 / 0.74 gave pairwise precision 0.747 / 0.747 / 0.767 / 0.767 at recall 0.862
# (0.699 / 0.892 without); on the whole dev window of bench/story_labels_dev.tsv (with RARE_NAME)
# 0.70 / 0.72 / 0.74 / 0.76 gave 0.859 / 0.859 / 0.868 / 0.864 at recall 0.731 (0.704 at 0.76: a
# Golden Globes winners page sits at 0.750, the daily "Tuesday's news: …" roundup at 0.722).
RARE_NAME = 0.02  # a name word found in the names of at most this share of the index's articles ties
# two articles ("Ardern" in "Jacinda Ardern" and "New Zealand Prime Minister Jacinda Ardern"); a word
# in more ("Biden", "House") ties nothing alone. On the dev labels (dev window; bench/story_labels.tsv)
# 0.01 / 0.02 / 0.03 / 0.05 / 1.0 gave P/R 0.868/0.731, 0.868/0.731, 0.859/0.731, 0.859/0.731,
# 0.859/0.731; 0.825/0.800, 0.845/0.923, 0.845/0.923, 0.800/0.923, 0.759/0.923 (whole names as
# before: 0.882/0.694; 0.800/0.862). In a small index no name is that common: a word in up to
# RARE_FLOOR articles always ties (one story can hold that many).
RARE_FLOOR = 5
_TITLE_WORDS = frozenset("""Prime Minister President Senator Governor Secretary General Chief Former Judge King Queen
Prince Pope Officer Director Chairman Leader Speaker Mayor Police Department State States United""".split())
_WORD = r"[A-Z][A-Za-z0-9’'\-]*[A-Za-z0-9]"  # "Ardern", and "McCarthy", "DeSantis", "FTX", "G20" too
_NAME = re.compile(rf"\b{_WORD}(?:\s+(?:of\s+|al-|de\s+)?{_WORD})*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,4}")  # "FTX", "NASA", "G20": a name word though short
_NOT_NAMES = frozenset("""The A An In On At For From By With After Before As But And Or If When While This That These
Those It Its He She They We I You His Her Their Our Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December Mr Mrs Ms Dr
Here There What Who Why How Where Which Some Many More Most Other New Read Watch Photo Video Updated Here's
I'm It's That's What's There's Let's Don't We're You're""".split())


@dataclass(frozen=True)
class Story:
    id: str
    label: str  # the headline of its most central article
    article_ids: tuple[str, ...]  # in publication order
    sources: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    names: tuple[str, ...]  # the names its articles share most

    def to_dict(self, articles: dict[str, Article]) -> dict:
        return {"id": self.id, "label": self.label,
                "articles": [{"article_id": a, **articles[a].listing()} for a in self.article_ids if a in articles],
                "sources": list(self.sources), "first_date": self.first_date, "last_date": self.last_date,
                "names": list(self.names)}


def names_of(title: str, lead: str, lead_chars: int = 400) -> frozenset[str]:
    """Capitalised word runs of the headline and the lead, without sentence-initial function words."""
    found = set()
    for text in (title, lead[:lead_chars]):
        for match in _NAME.finditer(text):
            words = [w for w in match.group().split() if w not in _NOT_NAMES]
            if words:
                found.add(" ".join(words))
    return frozenset(n for n in found if len(n) > 2)


_SEGMENTS = re.compile(r"\s*[:|]\s*")
_DATEWORDS = re.compile(r"\b(?:\d+(?:st|nd|rd|th)?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
                        r"nov\w*|dec\w*|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def column_keys(title: str) -> frozenset[str]:
    """Headline segments that name a recurring column, without their dates and numbers."""
    keys = set()
    for segment in _SEGMENTS.split(title.lower()):
        words = _DATEWORDS.sub(" ", segment).split()
        if len(words) >= 3:
            keys.add(" ".join(words))
    return frozenset(keys)


def leads(chunk_article_rows: np.ndarray, positions: np.ndarray, text_of, n_articles: int) -> list[str]:
    """Each article's opening text: its first chunk (`text_of(row)` gives a chunk's text)."""
    out = [""] * n_articles
    for row in np.flatnonzero(np.asarray(positions) == 0).tolist():
        out[int(chunk_article_rows[row])] = text_of(row)
    return out


def article_vectors(chunk_article_rows: np.ndarray, vectors: np.ndarray, n_articles: int) -> np.ndarray:
    sums = np.zeros((n_articles, vectors.shape[1]), dtype=np.float64)
    np.add.at(sums, chunk_article_rows, vectors)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return (sums / np.maximum(norms, 1e-9)).astype(np.float32)


def article_names(articles: list[Article], leads: list[str]) -> list[frozenset[str]]:
    """Each article's names (names_of its headline and opening text)."""
    return [names_of(a.title, lead) for a, lead in zip(articles, leads)]


def name_keys(names: list[frozenset[str]]) -> list[frozenset[str]]:
    """What ties articles by name: each article's name words (four letters or more, no title such as
    "Prime Minister", no possessive) that at most RARE_NAME of the articles' names hold, so "Jacinda
    Ardern" and "New Zealand Prime Minister Jacinda Ardern" share "Ardern" and a headline naming
    "Biden" shares nothing by it."""
    words = [frozenset(w for n in ns for w in _name_words(n)) for ns in names]
    counts = Counter(w for ws in words for w in ws)
    most = max(RARE_FLOOR, RARE_NAME * len(names))
    return [frozenset(w for w in ws if counts[w] <= most) for ws in words]


def _name_words(name: str) -> list[str]:
    out = []
    for word in name.replace("’", "'").split():
        word = word.strip("'-")
        word = word[:-2] if word.endswith("'s") else word
        if (len(word) >= 4 or _ACRONYM.fullmatch(word)) and word not in _TITLE_WORDS:
            out.append(word)
    return out


def group(articles: list[Article], names: list[frozenset[str]], vectors: np.ndarray,
          previous: dict[str, str] | None = None, coherence: np.ndarray | None = None) -> dict[str, str]:
    """Article id → story id. `names`: article_names; `vectors`: each article's vector
    (article_vectors); `previous` keeps the stories of articles grouped before; `coherence`
    (coherence_of): an article below ROUNDUP is a roundup, alone in its story. Stories that new
    articles brought as close as a reworded copy are then merged (`bridge`). Two articles share a
    name by `name_keys`."""
    previous = previous or {}
    names = name_keys(names)
    roundup = (np.asarray(coherence) < ROUNDUP) if coherence is not None else np.zeros(len(articles), dtype=bool)
    members: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        if a.id in previous:
            members.setdefault(previous[a.id], []).append(i)
    ids = list(members)
    state = [_Story.of(members[sid], vectors, names, articles) for sid in ids]
    centres = np.zeros((len(ids) + len(articles), vectors.shape[1] if len(vectors) else 1), dtype=np.float32)
    for n, story in enumerate(state):
        centres[n] = story.centre()
    assigned = {a.id: previous[a.id] for a in articles if a.id in previous}
    fresh = sorted((i for i, a in enumerate(articles) if a.id not in previous), key=_published_order(articles))
    for i in fresh:
        if roundup[i]:
            assigned[articles[i].id] = f"s-{articles[i].id[:12]}"
            continue
        day = _day(articles[i].published)
        cosines = centres[: len(ids)] @ vectors[i]  # all stories at once
        best = None
        keys = column_keys(articles[i].title)
        for n in np.flatnonzero(cosines >= JOIN)[np.argsort(-cosines[cosines >= JOIN], kind="stable")]:
            gap = state[n].gap(day)
            if cosines[n] < COPY and state[n].other_edition(keys, day):
                continue  # the same column on another day (a near-identical text is a copy, not an edition)
            if state[n].span_with(day) > SPAN_DAYS:
                continue  # a story is one event's reporting, not a thread of them (a tournament's rounds)
            if gap <= WINDOW_DAYS and (cosines[n] >= SAME or names[i] & state[n].names.keys()):
                best = int(n)
                break
        if best is None:
            best = len(ids)
            ids.append(f"s-{articles[i].id[:12]}")
            state.append(_Story())
        state[best].add(i, vectors, names, articles)
        centres[best] = state[best].centre()
        assigned[articles[i].id] = ids[best]
    return bridge(articles, names, vectors, split(articles, vectors, assigned), roundup)


def split(articles: list[Article], vectors: np.ndarray, assigned: dict[str, str]) -> dict[str, str]:
    """Split each story in two while its halves are not one story: the greedy pass compares an
    article with a story's centre as it was then, so a story can drift from one event to the next
    (or keep an article that its later reporting moved away from). Halves: two-means over its
    articles' vectors from its two least alike articles; a split when their centres' cosine is below
    SPLIT, then each half is checked again. A story longer than SPAN_DAYS (grouped by an older
    version, before stories were held to one event's reporting) is first cut into runs of at most
    that many days. The part holding the story's first article keeps its id (ids stay stable where
    the story stays the same), each other is named after its own first one."""
    rows_of = _members(articles, assigned)
    order = _published_order(articles)
    out = dict(assigned)
    first = {sid: min(rows, key=order) for sid, rows in rows_of.items()}
    todo = [(sid, rows) for sid, rows in rows_of.items() if len(rows) >= 2]
    while todo:
        sid, rows = todo.pop()
        halves = _runs(rows, articles, order) or _halves(vectors[rows])
        if halves is None:
            continue
        for half in halves:
            part = [rows[k] for k in half]
            head = first[sid] if first[sid] in part else min(part, key=order)
            name = sid if head == first[sid] else f"s-{articles[head].id[:12]}"
            first.setdefault(name, head)
            for i in part:
                out[articles[i].id] = name
            if len(part) >= 2:
                todo.append((name, part))
    return out


def _runs(rows: list[int], articles: list[Article], order) -> list[list[int]] | None:
    """A story's articles (positions in `rows`) in runs of at most SPAN_DAYS from each run's first
    article, in publication order; None when they make one run."""
    ranked = sorted(range(len(rows)), key=lambda k: order(rows[k]))
    runs: list[list[int]] = []
    start = None
    for k in ranked:
        day = _day(articles[rows[k]].published)
        if runs and (day is None or start is None or day - start <= SPAN_DAYS):
            runs[-1].append(k)
        else:
            runs.append([k])
            start = day
    return runs if len(runs) > 1 else None


def _halves(v: np.ndarray) -> tuple[list[int], list[int]] | None:
    """Two-means of unit vectors seeded by the least alike pair; None unless the halves' centres
    have a cosine below SPLIT."""
    sims = v @ v.T
    a, b = np.unravel_index(int(np.argmin(sims)), sims.shape)
    if sims[a, b] >= SPLIT:
        return None  # every pair is alike, so no two halves can be apart
    second = sims[:, b] > sims[:, a]
    for _ in range(10):
        if second.all() or not second.any():
            return None
        centres = np.stack([v[~second].mean(axis=0), v[second].mean(axis=0)])
        centres /= np.linalg.norm(centres, axis=1, keepdims=True)
        moved = (v @ centres[1]) > (v @ centres[0])
        if (moved == second).all():
            break
        second = moved
    if second.all() or not second.any() or float(centres[0] @ centres[1]) >= SPLIT:
        return None
    return np.flatnonzero(~second).tolist(), np.flatnonzero(second).tolist()


def bridge(articles: list[Article], names: list[frozenset[str]], vectors: np.ndarray,
           assigned: dict[str, str], roundup: np.ndarray) -> dict[str, str]:
    """Merge stories whose centres are as close as a reworded copy (SAME), share a name and lie
    within WINDOW_DAYS of each other, when the merged story still spans at most SPAN_DAYS: the
    greedy pass places each article once, so two stories a later article bridges, or one story split
    when its centre drifted, stay apart without this.
    The merged story keeps the id of the one that began first, so ids stay stable. On the held-out
    window of bench/story_labels_heldout.tsv: P / R 0.594 / 0.752 -> 0.644 / 0.929; dev unchanged
    (0.767 / 0.862); SAME is the existing constant, not fitted to this step."""
    rows_of = _members(articles, assigned, skip=roundup)
    ids = list(rows_of)
    if len(ids) < 2:
        return assigned
    centres = np.stack([vectors[rows_of[sid]].mean(axis=0) for sid in ids])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-9)
    spans = [[d for d in (_day(articles[i].published) for i in rows_of[sid]) if d is not None] for sid in ids]
    shared = [set().union(*(names[i] for i in rows_of[sid])) for sid in ids]
    starts = [min((articles[i].published or "9999") for i in rows_of[sid]) for sid in ids]
    parent = list(range(len(ids)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for n in range(len(ids)):
        close = np.flatnonzero(centres[n + 1:] @ centres[n] >= SAME) + n + 1
        for m in close.tolist():
            if not shared[n] & shared[m] or _gap(spans[n], spans[m]) > WINDOW_DAYS:
                continue
            a, b = root(n), root(m)
            if a == b or _span(spans[a] + spans[b]) > SPAN_DAYS:
                continue  # merged, the story would outlast one event (as the greedy pass holds)
            kept, gone = sorted((a, b), key=lambda r: (starts[r], ids[r]))  # the earlier story's id survives
            parent[gone] = kept
            spans[kept] = spans[kept] + spans[gone]
    renamed = {ids[n]: ids[root(n)] for n in range(len(ids)) if root(n) != n}
    return {a: renamed.get(sid, sid) for a, sid in assigned.items()} if renamed else assigned


def _members(articles: list[Article], assigned: dict[str, str], skip=None) -> dict[str, list[int]]:
    """Story id -> the rows of its articles (in `articles` order), leaving out rows `skip` marks."""
    rows_of: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        if a.id in assigned and (skip is None or not skip[i]):
            rows_of.setdefault(assigned[a.id], []).append(i)
    return rows_of


def _published_order(articles: list[Article]):
    """A sort key over rows: publication date (undated last), then id."""
    return lambda i: (articles[i].published or "9999", articles[i].id)


def _span(days: list[int]) -> int:
    return max(days) - min(days) if days else 0


def _gap(a: list[int], b: list[int]) -> int:
    if not a or not b:
        return 0
    return max(0, min(b) - max(a), min(a) - max(b))


def coherence_of(chunk_article_rows: np.ndarray, vectors: np.ndarray, per_article: np.ndarray) -> np.ndarray:
    """Each article's mean cosine between its chunks and its vector: near 1 for an article about one
    thing, lower for a roundup whose paragraphs tell several stories."""
    rows = np.asarray(chunk_article_rows)
    cosines = np.einsum("ij,ij->i", vectors, per_article[rows]).astype(np.float64)
    sums = np.zeros(len(per_article))
    counts = np.zeros(len(per_article))
    np.add.at(sums, rows, cosines)
    np.add.at(counts, rows, 1)
    return (sums / np.maximum(counts, 1)).astype(np.float32)


def stories_of(articles: list[Article], names: list[frozenset[str]], vectors: np.ndarray,
               assigned: dict[str, str]) -> list[Story]:
    """The stories of an assignment, most recent first."""
    out = []
    for sid, rows in _members(articles, assigned).items():
        rows.sort(key=_published_order(articles))
        centre = vectors[rows].mean(axis=0)
        central = rows[int(np.argmax(vectors[rows] @ centre))]
        counted = Counter(n for i in rows for n in names[i])
        ranked = sorted(counted.items(), key=lambda nc: (-nc[1], nc[0]))[:8]  # ties by name: the same on every run
        shared = [n for n, c in ranked if c > 1 or len(rows) == 1][:5]
        dates = sorted(articles[i].published for i in rows if articles[i].published)
        out.append(Story(sid, articles[central].title, tuple(articles[i].id for i in rows),
                         tuple(dict.fromkeys(articles[i].source for i in rows if articles[i].source)),
                         dates[0] if dates else None, dates[-1] if dates else None, tuple(shared)))
    out.sort(key=lambda s: (s.last_date or "", len(s.article_ids)), reverse=True)
    return out


class _Story:
    def __init__(self) -> None:
        self.total: np.ndarray | None = None
        self.names: Counter = Counter()
        self.first: int | None = None  # its earliest and latest publication days
        self.last: int | None = None
        self.columns: set[tuple[str, int | None]] = set()  # (column key, day) of its headlines

    @classmethod
    def of(cls, rows, vectors, names, articles) -> _Story:
        story = cls()
        for i in rows:
            story.add(i, vectors, names, articles)
        return story

    def add(self, i: int, vectors, names, articles) -> None:
        self.total = vectors[i].astype(np.float64) if self.total is None else self.total + vectors[i]
        self.names.update(names[i])
        day = _day(articles[i].published)
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
        self.columns.update((key, day) for key in column_keys(articles[i].title))

    def other_edition(self, keys: frozenset[str], day: int | None) -> bool:
        return any(key in keys and other != day for key, other in self.columns)

    def centre(self) -> np.ndarray:
        return (self.total / max(np.linalg.norm(self.total), 1e-9)).astype(np.float32)

    def span_with(self, day: int | None) -> int:
        """Days from the story's first to its last article if an article of `day` joined it."""
        if day is None or self.first is None:
            return 0
        return max(self.last, day) - min(self.first, day)

    def gap(self, day: int | None) -> int:
        """Days between a date and the story's dates (0 inside them; undated counts as near)."""
        if day is None or self.first is None:
            return 0
        return max(0, self.first - day, day - self.last)


def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None
