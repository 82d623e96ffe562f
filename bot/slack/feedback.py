"""Feedback on answers, appended to a JSONL log (one object per click)."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

from bot.types import Answer


def feedback_entry(*, verdict: str, user: str, channel: str, message_ts: str, answer: Answer | None,
                   fallback_text: str = "") -> dict:
    """One click on 👍/👎: who, where, and the answer it was about."""
    return {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "verdict": verdict, "user": user, "channel": channel, "message_ts": message_ts,
        "question": answer.question if answer else "",
        "answer": answer.answer if answer else fallback_text,
        "citations": [{"n": c.n, "article_id": c.article_id, "title": c.title, "url": c.url or c.path}
                      for c in (answer.citations if answer else ())],
        "index_version": answer.index_version if answer else "",
    }


class FeedbackLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, **fields) -> dict:
        entry = feedback_entry(**fields)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return entry
