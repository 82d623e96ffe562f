"""Slack state in one SQLite file: several bot processes on one host share it (WAL mode: readers
never wait for the writer; a write waits up to 5 s for another). Event de-duplication is an
INSERT OR IGNORE on the event id, so exactly one process wins an event."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from bot.conversation import Conversation
from bot.settings import SlackSettings
from bot.slack.feedback import feedback_entry
from bot.slack.state_codec import answer_from_record, answer_record, conversation_from_turns, turn_json
from bot.types import Answer

SEEN_TTL_S = 3600.0  # Slack retries within minutes; a replayed request is refused for an hour
KEEP_S = 7 * 24 * 3600.0  # threads and answers older than a week are forgotten

SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS hits (user TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS hits_user ON hits (user, at);
CREATE TABLE IF NOT EXISTS threads (key TEXT PRIMARY KEY, turns TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL);
"""


class SqliteState:
    def __init__(self, path: Path, settings: SlackSettings, turns: int) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.turns = turns
        self.limit = settings.rate_limit_per_minute
        self.max_answers = settings.max_answers_kept
        self._db = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._lock = threading.Lock()  # one connection, shared by the listener threads
        self._writes = 0

    def first_time(self, key: str) -> bool:
        now = time.time()
        with self._lock:
            self._tidy(now)
            inserted = self._db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (key, now)).rowcount
            return inserted == 1

    def allow(self, user: str) -> bool:
        if self.limit <= 0:
            return True
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")  # count and add in one step across processes
            try:
                self._db.execute("DELETE FROM hits WHERE user = ? AND at <= ?", (user, now - 60))
                (count,) = self._db.execute("SELECT count(*) FROM hits WHERE user = ?", (user,)).fetchone()
                if count >= self.limit:
                    return False
                self._db.execute("INSERT INTO hits VALUES (?, ?)", (user, now))
                return True
            finally:
                self._db.execute("COMMIT")

    def conversation(self, channel: str, thread_ts: str, create: bool = True) -> Conversation | None:
        with self._lock:
            row = self._db.execute("SELECT turns FROM threads WHERE key = ?", (f"{channel}:{thread_ts}",)).fetchone()
        if row is None:
            return Conversation(self.turns) if create else None
        return conversation_from_turns(json.loads(row[0]), self.turns)

    def save_conversation(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        turns = json.dumps([turn_json(t) for t in conversation.turns])
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO threads VALUES (?, ?, ?)", (f"{channel}:{thread_ts}", turns,
                                                                                 time.time()))

    def keep_answer(self, key: str, answer: Answer) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                             (key, json.dumps(answer_record(answer), ensure_ascii=False), time.time()))

    def recall_answer(self, key: str) -> Answer | None:
        with self._lock:
            row = self._db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        return answer_from_record(json.loads(row[0])) if row else None

    def record_feedback(self, **fields) -> dict:
        record = feedback_entry(**fields)
        with self._lock:
            self._db.execute("INSERT INTO feedback (entry) VALUES (?)", (json.dumps(record, ensure_ascii=False),))
        return record

    def feedback(self) -> list[dict]:
        with self._lock:
            return [json.loads(r[0]) for r in self._db.execute("SELECT entry FROM feedback ORDER BY id")]

    def _tidy(self, now: float) -> None:
        """Every 500 events: drop what has expired (cheap; keeps the file small)."""
        self._writes += 1
        if self._writes % 500:
            return
        self._db.execute("DELETE FROM seen WHERE at < ?", (now - SEEN_TTL_S,))
        self._db.execute("DELETE FROM hits WHERE at < ?", (now - 60,))
        self._db.execute("DELETE FROM threads WHERE at < ?", (now - KEEP_S,))
        self._db.execute("DELETE FROM answers WHERE key NOT IN (SELECT key FROM answers ORDER BY at DESC LIMIT ?)",
                         (self.max_answers,))
