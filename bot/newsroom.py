"""A story seen whole: the stories an index holds, the timeline of a topic, who said what, and what
is new. Each function reads one index version (and the retriever to find the topic); the CLI and
Slack only render what these return.

- `list_stories`: stories (index/stories.py) filtered by date and topic.
- `timeline` (bot/timeline.py): the events of the stories about a topic, one row per event citing
  every outlet that told it, dated by consensus.
- `quotes`: statements attributed to a person or body (bot/attribution.py: "X said", "…, X said",
  pronouns carried to the last named speaker).
- `digest`: stories with articles published since a date, one cited lead sentence each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.attribution import find_attributions
from bot.retrieve import Retriever
from bot.timeline import Event, article_text, timeline, topic_sources
from bot.types import Citation
from index.articles import Article
from index.sentences import split_sentences
from index.store import IndexVersion
from index.stories import Story

__all__ = ["Event", "Quote", "timeline", "topic_sources", "quotes", "digest", "list_stories", "topic_stories",
           "reference_day", "days_before", "lead_of"]


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    published: str | None
    citation: Citation

    def to_dict(self) -> dict:
        return {"speaker": self.speaker, "text": self.text, "published": self.published,
                "citation": self.citation.to_dict()}


@dataclass
class _Citations:
    """Citation numbers by article, in order of first use."""

    numbers: dict[str, int] = field(default_factory=dict)

    def cite(self, article: Article, quote: str, passage: str, start: int) -> Citation:
        n = self.numbers.setdefault(article.id, len(self.numbers) + 1)
        return Citation.of(n, article, quote, passage, ((start, start + len(quote)),))


def list_stories(version: IndexVersion, *, since: str | None = None, until: str | None = None,
                 article_ids: set[str] | None = None) -> list[Story]:
    """Stories with an article published between `since` and `until` (ISO dates, inclusive), and
    holding one of `article_ids` (a topic's retrieved articles) when given; most recent first."""
    out = []
    dates = {a.id: a.published or "" for a in version.articles} if since or until else {}
    for story in version.stories():
        if (since or until) and not any((since or "") <= dates.get(a, "") <= (until or "9999")
                                        for a in story.article_ids):
            continue
        if article_ids is not None and not article_ids & set(story.article_ids):
            continue
        out.append(story)
    return out


def topic_stories(version: IndexVersion, retriever: Retriever, query: str, k: int = 10) -> list[Story]:
    """The stories of the passages retrieved for a topic (best passage's story first)."""
    retrieval = retriever.retrieve(query, k)
    found = (version.story_of(p.article.id) for p in retrieval.passages if p.dense >= 0.3)
    return list({s.id: s for s in found if s is not None}.values())


def quotes(version: IndexVersion, retriever: Retriever, speaker: str, limit: int = 30) -> list[Quote]:
    """Statements attributed to `speaker` (matched on the last word of the name, e.g. "Zakharova",
    in articles that name the speaker in full), oldest first."""
    key = speaker.split()[-1].lower() if speaker.split() else ""
    if not key:
        return []
    retrieval = retriever.retrieve(speaker, 20, mode="bm25")
    cites = _Citations()
    found: list[Quote] = []
    seen: set[str] = set()
    for article_id in dict.fromkeys(p.article.id for p in retrieval.passages):
        row = version.article_row[article_id]
        article = version.articles[row]
        text = article_text(version, row)
        if len(speaker.split()) > 1 and speaker.lower() not in text.lower():
            continue  # "Powell said" in an article that never names Jerome Powell is another Powell
        spans = split_sentences(text)
        sentences = [text[s:e].strip() for s, e in spans]
        for a in find_attributions(sentences):
            who = f"{a.speaker} {a.via}".lower()
            sentence = sentences[a.sentence]
            if key not in who or sentence in seen or a.verb not in ("said", "blamed", "accused", "threatened"):
                continue
            seen.add(sentence)
            named = a.via or a.speaker
            found.append(Quote(named if key in named.lower() else speaker, sentence, article.published,
                               cites.cite(article, sentence, text, text.find(sentence))))
    found.sort(key=lambda q: (q.published or "", q.citation.n))
    return found[:limit]


def digest(version: IndexVersion, since: str, *, until: str | None = None,
           article_ids: set[str] | None = None) -> list[dict]:
    """Stories with articles published from `since` to `until`: new stories and the new articles
    of older ones, each with the lead sentence of its newest new article, cited."""
    by_id = {a.id: a for a in version.articles}
    cites = _Citations()
    out = []
    for story in list_stories(version, since=since, until=until, article_ids=article_ids):
        new = [by_id[a] for a in story.article_ids
               if a in by_id and since <= (by_id[a].published or "") <= (until or "9999")]
        if not new:
            continue
        newest = max(new, key=lambda a: (a.published or "", a.id))
        text = article_text(version, version.article_row[newest.id])
        lead = lead_of(text)
        citation = cites.cite(newest, lead, text, max(text.find(lead), 0))
        out.append({"id": story.id, "label": story.label, "new_story": (story.first_date or "") >= since,
                    "new_articles": [{"article_id": a.id, **a.listing()} for a in new],
                    "lead": {"text": lead, "citation": citation.to_dict()}})
    return out


def reference_day(version: IndexVersion, as_of: date | None = None, today: date | None = None) -> tuple[date, str]:
    """The day a "since" window counts back from, and a note when it is not today: an index whose
    newest article is older than today (an archive, a paused feed) counts back from that article,
    where counting from today would show nothing ("newest article 2023-03-31; counting back from
    it"). An explicit `as_of` wins."""
    if as_of is not None:
        return as_of, ""
    today = today or date.today()
    newest = version.newest_published
    if newest and newest < today.isoformat():
        return date.fromisoformat(newest), f"newest article {newest}; counting back from it, not from today"
    return today, ""


def days_before(as_of: date, spec: str) -> str:
    """"24h", "3d", "2w" before a day, as an ISO date (a day's articles count as one)."""
    from datetime import timedelta

    spec = spec.strip().lower()
    units = {"h": 1 / 24, "d": 1, "w": 7}
    if not spec or spec[-1] not in units or not spec[:-1].isdigit():
        raise ValueError(f"{spec!r} is not a duration like 24h, 3d or 2w")
    days = int(spec[:-1]) * units[spec[-1]]
    return (as_of - timedelta(days=max(round(days), 1))).isoformat()


def lead_of(text: str) -> str:
    """An article's first sentence of six words or more."""
    for start, end in split_sentences(text):
        if len(text[start:end].split()) >= 6:
            return text[start:end].strip()
    return text[:300]
