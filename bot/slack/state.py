"""What the Slack bot remembers between requests, behind one small interface.

`SlackState` holds: which events and commands were already handled (Slack retries deliveries; a
captured request can be replayed), per-user rate limits, each thread's conversation, the answers
kept for the "Show passages" and feedback buttons, the feedback log, and small named records
(digest schedules, what each user last saw in App Home). Three implementations,
chosen by `slack.state`: `MemoryState` keeps all of it in this process, every store bounded
(settings `slack.max_*`); `SqliteState` (bot/slack/state_sqlite.py) shares it between processes on
one host; `RedisState` (bot/slack/state_redis.py) between hosts.

A caller that changes a conversation saves it back (`save_conversation`): with a shared state the
conversation it got is a copy.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Protocol

from bot.conversation import Conversation
from bot.settings import Settings, SlackSettings
from bot.slack.feedback import FeedbackLog
from bot.slack.guards import RateLimiter, SeenEvents, Threads
from bot.types import Answer


class SlackState(Protocol):
    def first_time(self, key: str) -> bool:
        """True the first time an event id (or a command's key) is seen within the replay window."""
        ...

    def allow(self, user: str) -> bool:
        """Whether the user may ask now (a sliding-minute rate limit)."""
        ...

    def conversation(self, channel: str, thread_ts: str, create: bool = True) -> Conversation | None:
        ...

    def save_conversation(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        ...

    def keep_answer(self, key: str, answer: Answer) -> None:
        ...

    def recall_answer(self, key: str) -> Answer | None:
        ...

    def record_feedback(self, **entry) -> dict:
        ...

    # small named records that outlive a restart: digest schedules, what a user last saw in App Home
    def put_record(self, kind: str, key: str, value: dict) -> None:
        ...

    def records(self, kind: str) -> dict[str, dict]:
        ...

    def drop_record(self, kind: str, key: str) -> bool:
        """True when there was such a record."""
        ...


class MemoryState:
    """In-process state, each store bounded: the oldest entries go first."""

    def __init__(self, settings: SlackSettings, turns: int) -> None:
        self._seen = SeenEvents(capacity=settings.max_seen_events)
        self._rate = RateLimiter(settings.rate_limit_per_minute, capacity=settings.max_rate_users)
        self._threads = Threads(turns, capacity=settings.max_threads)
        self._feedback = FeedbackLog(settings.feedback_log)
        self._answers: OrderedDict[str, Answer] = OrderedDict()
        self._max_answers = settings.max_answers_kept
        self._records: dict[str, dict[str, dict]] = {}
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        return self._seen.first_time(key)

    def allow(self, user: str) -> bool:
        return self._rate.allow(user)

    def conversation(self, channel: str, thread_ts: str, create: bool = True) -> Conversation | None:
        return self._threads.get(channel, thread_ts, create)

    def save_conversation(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        self._threads.put(channel, thread_ts, conversation)

    def keep_answer(self, key: str, answer: Answer) -> None:
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self._max_answers:
                self._answers.popitem(last=False)

    def recall_answer(self, key: str) -> Answer | None:
        with self._lock:
            return self._answers.get(key)

    def record_feedback(self, **entry) -> dict:
        return self._feedback.record(**entry)

    def put_record(self, kind: str, key: str, value: dict) -> None:
        with self._lock:
            self._records.setdefault(kind, {})[key] = dict(value)

    def records(self, kind: str) -> dict[str, dict]:
        with self._lock:
            return {k: dict(v) for k, v in self._records.get(kind, {}).items()}

    def drop_record(self, kind: str, key: str) -> bool:
        with self._lock:
            return self._records.get(kind, {}).pop(key, None) is not None


def make_state(settings: Settings) -> SlackState:
    """The state named by `slack.state`: memory (default), sqlite (a file path in `slack.state_url`,
    default data/slack-state.sqlite) or redis (a redis:// URL in `slack.state_url`)."""
    slack, turns = settings.slack, settings.answer.memory_turns
    if slack.state == "sqlite":
        from bot.slack.state_sqlite import SqliteState

        return SqliteState(slack.state_url.get() or "data/slack-state.sqlite", slack, turns,
                           fallback=MemoryState(slack, turns))
    if slack.state == "redis":
        from bot.slack.state_redis import RedisState

        return RedisState(slack.state_url.get(), slack, turns, fallback=MemoryState(slack, turns))
    return MemoryState(slack, turns)
