"""Result types shared by the CLI, Slack and the evaluation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from bot.dates import readable_date
from bot.markers import plain_answer
from index.articles import Article


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with the scores that ranked it."""

    chunk_id: str
    article: Article
    text: str
    start: int
    end: int
    score: float  # final score after re-scoring
    dense: float = 0.0  # cosine similarity with the question
    bm25: float = 0.0
    row: int = -1
    # where the chunk that matched sits in `text` (text may carry neighbouring chunks as context)
    match_start: int = 0
    match_end: int | None = None
    # the chunks `text` is made of: (row, where the chunk's text starts in `text`), in text order
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def matched(self) -> str:
        return self.text[self.match_start : self.match_end]

    def to_dict(self) -> dict:
        return {
            "chunk_id": self.chunk_id, "article_id": self.article.id, "title": self.article.title,
            "source": self.article.source, "published": self.article.published, "url": self.article.url,
            "path": self.article.path, "text": self.text,
            "matched": [self.match_start, len(self.text) if self.match_end is None else self.match_end],
            "score": round(self.score, 4),
            "dense": round(self.dense, 4), "bm25": round(self.bm25, 4),
        }


@dataclass(frozen=True)
class Citation:
    n: int
    article_id: str
    title: str
    source: str
    published: str | None
    url: str
    path: str
    quote: str  # the supporting sentence(s), verbatim
    passage: str  # the passage the quote sits in
    highlights: tuple[tuple[int, int], ...] = ()  # quote offsets inside passage
    also: tuple[tuple[str, str], ...] = ()  # (source, url) of other copies of the same article
    story_id: str = ""  # the story the article belongs to (index/stories.py)
    outlets: int = 0  # how many outlets reported that story

    @classmethod
    def of(cls, n: int, article: Article, quote: str, passage: str,
           highlights: tuple[tuple[int, int], ...] = ()) -> Citation:
        return cls(n=n, article_id=article.id, title=article.title, source=article.source,
                   published=article.published, url=article.url, path=article.path, quote=quote, passage=passage,
                   highlights=highlights, also=article.also)

    def with_story(self, story) -> Citation:
        """This citation naming its story (index/stories.Story, or None: unchanged) and how many
        outlets reported it."""
        return replace(self, story_id=story.id, outlets=len(story.sources)) if story is not None else self

    def to_dict(self) -> dict:
        data = asdict(self)
        data["highlights"] = [list(h) for h in self.highlights]
        data["also"] = [{"source": s, "url": u} for s, u in self.also]
        return data


@dataclass(frozen=True)
class Segment:
    """A piece of an answer and the numbers of the citations that support it. `[n]` markers are
    never stored: the edges (bot/render.py, bot/slack/blocks.py) draw them from `citations`."""

    text: str
    citations: tuple[int, ...] = ()
    kind: str = "quote"  # "short" (the answer phrase), "attribution", "quote", "notice", "disagreement"

    def to_dict(self) -> dict:
        return {"text": self.text, "citations": list(self.citations), "kind": self.kind}


@dataclass(frozen=True)
class Phrase:
    """One answer value inside a cited passage: `start`/`end` are offsets in that citation's passage."""

    text: str
    citation: int
    start: int
    end: int


@dataclass(frozen=True)
class ShortAnswer:
    """The answer phrase that opens a factoid answer ("more than 5,000"), or several values for a
    plural question ("Alaska, Yukon and Lake Huron"), each taken from a cited sentence."""

    phrases: tuple[Phrase, ...]
    label: str = ""  # the entity kind (CARDINAL, DATE, GPE, PERSON, ...)
    confidence: float = 0.0  # share of the candidates' weight × the sentence's question coverage
    date: str | None = None  # ISO date (or month/year) the phrase stands for, when it names one
    date_from: str = ""  # "stated", or what a relative date was resolved from
    as_of: str | None = None  # for "latest" questions: the publication date of the figure's article

    @property
    def text(self) -> str:
        values = [p.text for p in self.phrases]
        return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]

    @property
    def display(self) -> str:
        """What opens the answer: the phrase, with the date it resolves to and the figure's date."""
        extra = []
        if self.date and self.date_from not in ("", "stated"):
            extra.append(readable_date(self.date))
        if self.as_of:
            extra.append(f"as of {self.as_of}")
        return self.text + (f" ({'; '.join(extra)})" if extra else "")

    def to_dict(self) -> dict:
        first = self.phrases[0]
        return {
            "text": self.text, "citation": first.citation, "start": first.start, "end": first.end,
            "label": self.label, "confidence": self.confidence, "date": self.date, "date_from": self.date_from,
            "as_of": self.as_of, "values": [asdict(p) for p in self.phrases],
        }


@dataclass(frozen=True)
class Answer:
    """What the bot says: segments of text, each with the citations that support it; the passages
    it read; the short answer of a factoid question; notes on how it was made."""

    question: str
    segments: tuple[Segment, ...]
    found: bool
    citations: tuple[Citation, ...] = ()
    passages: tuple[Passage, ...] = ()
    query: str = ""  # the retrieval query after follow-up resolution
    index_version: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)
    short_answer: ShortAnswer | None = None
    mode: str = "extractive"  # "extractive" | "generative"
    notes: tuple[str, ...] = ()  # e.g. why generation fell back, which sentences were dropped
    # outlets giving different figures: {"about", "claims": [{"value", "source", "citation"}]}
    disagreements: tuple[dict, ...] = ()
    # words of what the question says happened that no passage read holds: the sentences quoted are
    # the closest, not an answer (said in a notice first; no short answer)
    untold: tuple[str, ...] = ()
    # the article quoted first is half a year or more older than the newest of the passages found: a
    # newer report may tell a later event (said beside the answer, not in its text)
    dated: str = ""

    @classmethod
    def notice(cls, question: str, text: str, passages: tuple[Passage, ...] = (), query: str = "",
               index_version: str = "") -> "Answer":
        """A reply that answers nothing: a refusal, a question back, a hint."""
        return cls(question, (Segment(text, (), "notice"),), False, (), tuple(passages), query, index_version)

    @property
    def answer(self) -> str:
        """The answer as plain text with `[n]` markers (what `--json` calls "answer")."""
        return plain_answer(self.segments)

    @property
    def text(self) -> str:
        """The answer's words without citation markers (for conversation memory)."""
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "short_answer": self.short_answer.to_dict() if self.short_answer else None,
            "found": self.found,
            "query": self.query,
            "index_version": self.index_version,
            "mode": self.mode,
            "segments": [s.to_dict() for s in self.segments],
            "notes": list(self.notes),
            "disagreements": list(self.disagreements),
            "untold": list(self.untold),
            "dated": self.dated,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }
