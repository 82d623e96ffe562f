"""`/newsbot follow <topic>`: channels that follow a topic, kept in a JSON file so they survive a
restart, and the check that posts a short cited digest when an index update brings matching
articles (at most one post per topic per update; an article is never posted twice to a channel).

Which articles are new is judged against the version this process checked last (at start-up:
the version it loaded, so nothing old is posted). With several bot processes, the shared state's
de-duplication (`first_time`) lets one of them post.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.retrieve import Retriever
from index.files import write_atomic
from index.lexical import terms

log = logging.getLogger(__name__)
MAX_FOLLOWS_PER_CHANNEL = 20
MAX_TOPIC_CHARS = 200


@dataclass(frozen=True)
class Match:
    topic: str
    channel: str
    article_ids: tuple[str, ...]


class Follows:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def _read(self) -> list[dict]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []

    def _write(self, follows: list[dict]) -> None:
        write_atomic(self.path, json.dumps(follows, ensure_ascii=False, indent=1).encode("utf-8"))

    def add(self, channel: str, topic: str, user: str) -> str:
        topic = " ".join(topic.split())[:MAX_TOPIC_CHARS]
        if not terms(topic):
            return "Tell me what to follow, e.g. `/newsbot follow Idlib clashes`."
        with self._lock:
            follows = self._read()
            mine = [f for f in follows if f["channel"] == channel]
            if any(f["topic"].lower() == topic.lower() for f in mine):
                return f"This channel already follows “{topic}”."
            if len(mine) >= MAX_FOLLOWS_PER_CHANNEL:
                return f"This channel follows {len(mine)} topics already; unfollow one first."
            follows.append({"channel": channel, "topic": topic, "user": user, "posted": []})
            self._write(follows)
        return f"Following “{topic}” here: I'll post when new articles about it are indexed."

    def remove(self, channel: str, topic: str) -> str:
        topic = " ".join(topic.split())
        with self._lock:
            follows = self._read()
            kept = [f for f in follows if not (f["channel"] == channel and f["topic"].lower() == topic.lower())]
            if len(kept) == len(follows):
                return f"This channel does not follow “{topic}”. `/newsbot following` lists what it follows."
            self._write(kept)
        return f"Stopped following “{topic}” here."

    def of(self, channel: str) -> list[str]:
        return [f["topic"] for f in self._read() if f["channel"] == channel]

    def all(self) -> list[dict]:
        return self._read()

    def mark_posted(self, channel: str, topic: str, article_ids: tuple[str, ...]) -> None:
        with self._lock:
            follows = self._read()
            for f in follows:
                if f["channel"] == channel and f["topic"] == topic:
                    f["posted"] = (f["posted"] + list(article_ids))[-500:]
            self._write(follows)


def matches(follows: list[dict], retriever: Retriever, new_ids: set[str], min_cosine: float) -> list[Match]:
    """For each follow, the new articles its topic retrieves (and that name most of its words)."""
    out = []
    for follow in follows:
        wanted = set(terms(follow["topic"]))
        retrieval = retriever.retrieve(follow["topic"], 10)
        found = []
        for p in retrieval.passages:
            if p.article.id not in new_ids or p.article.id in follow.get("posted", ()) or p.article.id in found:
                continue
            if p.dense >= min_cosine and len(wanted & set(terms(f"{p.article.title} {p.text}"))) * 2 >= len(wanted):
                found.append(p.article.id)
        if found:
            out.append(Match(follow["topic"], follow["channel"], tuple(found)))
    return out
