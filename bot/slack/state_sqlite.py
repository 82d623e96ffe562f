"""Slack state in one SQLite file: several bot processes on one host share it (WAL mode: readers
never wait for the writer; a write waits up to 2 s for another, then this process's memory answers). Event de-duplication is an
INSERT OR IGNORE on the event id, so exactly one process wins an event."""

from __future__ import annotations

import json
import logging
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
RETRY_AFTER_S = 30.0  # after a lock outlasted the busy timeout, memory answers this long
log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS hits (user TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS hits_user ON hits (user, at);
CREATE TABLE IF NOT EXISTS threads (key TEXT PRIMARY KEY, turns TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                                    PRIMARY KEY (kind, key));
"""


class SqliteState:
    """`fallback` (a MemoryState) answers while the file stays locked past `busy_s` (another process
    holding a long write, a backup tool): an acked event is then de-duplicated, rate-limited and
    remembered by this process alone for RETRY_AFTER_S, and answered, never dropped (with a 12 s
    lock, 2 of 10 acked events had been lost without an apology). One warning a period."""

    def __init__(self, path: Path, settings: SlackSettings, turns: int, fallback, busy_s: float = 2.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.turns = turns
        self.limit = settings.rate_limit_per_minute
        self.max_answers = settings.max_answers_kept
        self.fallback = fallback
        self._db = sqlite3.connect(self.path, timeout=busy_s, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._lock = threading.Lock()  # one connection, shared by the listener threads
        self._writes = 0
        self._down_until = 0.0
        self._warned = False

    def _run(self, op, fallback):
        """op(db) under the lock; fallback() while the file is locked or broken."""
        if time.monotonic() < self._down_until:
            return fallback()
        try:
            with self._lock:
                result = op(self._db)
        except sqlite3.Error as exc:
            self._down_until = time.monotonic() + RETRY_AFTER_S
            if not self._warned:
                self._warned = True
                log.warning("Slack state %s is unusable (%s); answering with this process's memory and trying "
                            "again every %.0f s", self.path, exc, RETRY_AFTER_S)
            return fallback()
        if self._warned:
            self._warned = False
            log.warning("Slack state %s is usable again; state is shared again", self.path)
        return result

    def first_time(self, key: str) -> bool:
        def op(db) -> bool:
            now = time.time()
            self._tidy(db, now)
            return db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (key, now)).rowcount == 1

        return self._run(op, lambda: self.fallback.first_time(key))

    def allow(self, user: str) -> bool:
        if self.limit <= 0:
            return True

        def op(db) -> bool:
            now = time.time()
            db.execute("BEGIN IMMEDIATE")  # count and add in one step across processes
            try:
                db.execute("DELETE FROM hits WHERE user = ? AND at <= ?", (user, now - 60))
                (count,) = db.execute("SELECT count(*) FROM hits WHERE user = ?", (user,)).fetchone()
                if count >= self.limit:
                    db.execute("COMMIT")
                    return False
                db.execute("INSERT INTO hits VALUES (?, ?)", (user, now))
                db.execute("COMMIT")
                return True
            except BaseException:
                db.execute("ROLLBACK")
                raise

        return self._run(op, lambda: self.fallback.allow(user))

    def conversation(self, channel: str, thread_ts: str, create: bool = True) -> Conversation | None:
        key = f"{channel}:{thread_ts}"
        row = self._run(lambda db: db.execute("SELECT turns FROM threads WHERE key = ?", (key,)).fetchone() or (),
                        lambda: None)
        if row is None:  # locked: what this process remembers
            return self.fallback.conversation(channel, thread_ts, create)
        if not row:
            return Conversation(self.turns) if create else None
        return conversation_from_turns(json.loads(row[0]), self.turns)

    def save_conversation(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        turns = json.dumps([turn_json(t) for t in conversation.turns])
        self._run(lambda db: db.execute("INSERT OR REPLACE INTO threads VALUES (?, ?, ?)",
                                        (f"{channel}:{thread_ts}", turns, time.time())),
                  lambda: self.fallback.save_conversation(channel, thread_ts, conversation))

    def keep_answer(self, key: str, answer: Answer) -> None:
        record = json.dumps(answer_record(answer), ensure_ascii=False)
        self._run(lambda db: db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (key, record, time.time())),
                  lambda: self.fallback.keep_answer(key, answer))

    def recall_answer(self, key: str) -> Answer | None:
        row = self._run(lambda db: db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone(),
                        lambda: None)
        if row is None:
            return self.fallback.recall_answer(key)
        return answer_from_record(json.loads(row[0]))

    def record_feedback(self, **fields) -> dict:
        record = feedback_entry(**fields)
        self._run(lambda db: db.execute("INSERT INTO feedback (entry) VALUES (?)",
                                        (json.dumps(record, ensure_ascii=False),)),
                  lambda: self.fallback.record_feedback(**fields))
        return record

    def put_record(self, kind: str, key: str, value: dict) -> None:
        data = json.dumps(value, ensure_ascii=False)
        self._run(lambda db: db.execute("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", (kind, key, data)),
                  lambda: self.fallback.put_record(kind, key, value))

    def records(self, kind: str) -> dict[str, dict]:
        rows = self._run(lambda db: db.execute("SELECT key, value FROM records WHERE kind = ?", (kind,)).fetchall(),
                         lambda: None)
        if rows is None:
            return self.fallback.records(kind)
        return {key: json.loads(value) for key, value in rows}

    def drop_record(self, kind: str, key: str) -> bool:
        return self._run(lambda db: db.execute("DELETE FROM records WHERE kind = ? AND key = ?",
                                               (kind, key)).rowcount == 1,
                         lambda: self.fallback.drop_record(kind, key))

    def feedback(self) -> list[dict]:
        with self._lock:
            return [json.loads(r[0]) for r in self._db.execute("SELECT entry FROM feedback ORDER BY id")]

    def _tidy(self, db, now: float) -> None:
        """Every 500 events: drop what has expired (cheap; keeps the file small)."""
        self._writes += 1
        if self._writes % 500:
            return
        db.execute("DELETE FROM seen WHERE at < ?", (now - SEEN_TTL_S,))
        db.execute("DELETE FROM hits WHERE at < ?", (now - 60,))
        db.execute("DELETE FROM threads WHERE at < ?", (now - KEEP_S,))
        db.execute("DELETE FROM answers WHERE key NOT IN (SELECT key FROM answers ORDER BY at DESC LIMIT ?)",
                   (self.max_answers,))
