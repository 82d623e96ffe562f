"""Small in-process guards for the Slack app: retry de-duplication, per-user rate limits, thread memory."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from bot.conversation import Conversation


class SeenEvents:
    """Remembers event ids for `ttl` seconds, at most `capacity` of them: Slack retries the same
    event_id; answer it once. (With several bot processes, use a shared store such as Redis.)"""

    def __init__(self, ttl: float = 3600, clock: Callable[[], float] = time.monotonic, capacity: int = 50_000) -> None:
        self.ttl, self.clock, self.capacity = ttl, clock, capacity
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        now = self.clock()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) < now - self.ttl:
                self._seen.popitem(last=False)
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            while len(self._seen) > self.capacity:
                self._seen.popitem(last=False)
            return True


class RateLimiter:
    """At most `limit` questions per user in a sliding minute; the users seen longest ago are
    forgotten beyond `capacity` (their window has passed long since)."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic,
                 capacity: int = 10_000) -> None:
        self.limit, self.window, self.clock, self.capacity = limit, window, clock, capacity
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, user: str) -> bool:
        if self.limit <= 0:
            return True
        now = self.clock()
        with self._lock:
            hits = self._hits.setdefault(user, deque())
            self._hits.move_to_end(user)
            while len(self._hits) > self.capacity:
                self._hits.popitem(last=False)
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True


class Threads:
    """Conversation per Slack thread (channel, thread_ts), the most recent `capacity` kept."""

    def __init__(self, turns: int, capacity: int = 2000) -> None:
        self.turns, self.capacity = turns, capacity
        self._items: OrderedDict[tuple[str, str], Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, channel: str, thread_ts: str, create: bool = True) -> Conversation | None:
        key = (channel, thread_ts)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            if not create:
                return None
            return self._insert(key, Conversation(self.turns))

    def put(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        with self._lock:
            self._insert((channel, thread_ts), conversation)

    def _insert(self, key: tuple[str, str], conversation: Conversation) -> Conversation:
        """Under the lock: store, and forget the least recently used thread beyond capacity."""
        self._items[key] = conversation
        if len(self._items) > self.capacity:
            self._items.popitem(last=False)
        return conversation
