"""Slack state in Redis (or Valkey), shared by bot processes on several hosts:

    newsbot:seen:<event id>           SET NX EX 3600: the process that sets it answers the event
    newsbot:rate:<user>               a sorted set of the user's question times: a sliding minute, as
                                      in memory (a clock-minute INCR counter lets 2× the limit through
                                      across a minute boundary)
    newsbot:thread:<channel>:<ts>     a list of turns (JSON), trimmed to answer.memory_turns, 7-day TTL
    newsbot:answer:<channel>:<ts>     the answer kept for the feedback button (JSON), 7-day TTL
    newsbot:feedback                  a stream of 👍/👎 entries (capped near 100,000)
    newsbot:records:<kind>            a hash of small JSON records (digest schedules, App Home marks)

When Redis cannot be reached, or does not answer within 0.5 s (a frozen server), the bot keeps
answering from this process's memory (logged once) and tries Redis again every 2 s. The trade-off,
chosen on purpose: during an outage de-duplication and rate limits are per process, so an event
Slack delivers to two replicas (a retry landing on the other one) can be answered twice; it is never
dropped. Measured with a real server stopped and frozen (tests/test_slack_state.py): duplicates
only while it is down, shared state again within ~2 s of its return (it was 30 s).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid

from bot.conversation import Conversation
from bot.settings import SlackSettings
from bot.slack.feedback import feedback_entry
from bot.slack.state_codec import answer_from_record, answer_record, conversation_from_turns, turn_json
from bot.types import Answer

log = logging.getLogger(__name__)
SEEN_TTL_S = 3600
KEEP_S = 7 * 24 * 3600
RETRY_AFTER_S = 2.0  # a connect attempt at most this often while Redis is down
PREFIX = "newsbot"


class RedisState:
    def __init__(self, url: str, settings: SlackSettings, turns: int, fallback) -> None:
        import redis

        self._errors = (redis.ConnectionError, redis.TimeoutError)
        # a healthy Redis answers SET NX in well under a millisecond: 0.5 s means frozen or gone
        self.client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
        self.url = url
        self.turns = turns
        self.limit = settings.rate_limit_per_minute
        self.fallback = fallback  # a MemoryState: used while Redis is unreachable
        self._down_until = 0.0
        self._warned = False
        self._lock = threading.Lock()

    # each operation: Redis when reachable, else the in-process fallback
    def _run(self, op, fallback):
        if time.monotonic() < self._down_until:
            return fallback()
        try:
            result = op(self.client)
        except self._errors as exc:
            with self._lock:
                self._down_until = time.monotonic() + RETRY_AFTER_S
                if not self._warned:
                    self._warned = True
                    log.warning("Redis at %s is unreachable (%s); answering with this process's memory and "
                                "trying again every %.0f s", _safe(self.url), exc, RETRY_AFTER_S)
            return fallback()
        if self._warned:
            with self._lock:
                if self._warned:
                    self._warned = False
                    log.warning("Redis at %s is reachable again; state is shared again", _safe(self.url))
        return result

    def first_time(self, key: str) -> bool:
        return self._run(lambda r: bool(r.set(f"{PREFIX}:seen:{key}", 1, nx=True, ex=SEEN_TTL_S)),
                         lambda: self.fallback.first_time(key))

    def allow(self, user: str) -> bool:
        if self.limit <= 0:
            return True

        def op(r) -> bool:
            key, now = f"{PREFIX}:rate:{user}", time.time()
            member = f"{now:.6f}:{uuid.uuid4().hex[:8]}"
            pipe = r.pipeline(transaction=True)
            pipe.zremrangebyscore(key, 0, now - 60)
            pipe.zadd(key, {member: now})
            pipe.zcard(key)
            pipe.expire(key, 61)
            count = pipe.execute()[2]
            if count > self.limit:
                r.zrem(key, member)  # a refused question does not count
                return False
            return True

        return self._run(op, lambda: self.fallback.allow(user))

    def conversation(self, channel: str, thread_ts: str, create: bool = True) -> Conversation | None:
        def op(r):
            turns = r.lrange(f"{PREFIX}:thread:{channel}:{thread_ts}", 0, -1)
            if not turns:
                return Conversation(self.turns) if create else None
            return conversation_from_turns(turns, self.turns)

        return self._run(op, lambda: self.fallback.conversation(channel, thread_ts, create))

    def save_conversation(self, channel: str, thread_ts: str, conversation: Conversation) -> None:
        def op(r):
            key = f"{PREFIX}:thread:{channel}:{thread_ts}"
            pipe = r.pipeline(transaction=True)
            pipe.delete(key)
            if conversation.turns:
                pipe.rpush(key, *(turn_json(t) for t in conversation.turns))
                pipe.ltrim(key, -self.turns, -1)
                pipe.expire(key, KEEP_S)
            pipe.execute()

        self._run(op, lambda: self.fallback.save_conversation(channel, thread_ts, conversation))

    def keep_answer(self, key: str, answer: Answer) -> None:
        data = json.dumps(answer_record(answer), ensure_ascii=False)
        self._run(lambda r: r.set(f"{PREFIX}:answer:{key}", data, ex=KEEP_S),
                  lambda: self.fallback.keep_answer(key, answer))

    def recall_answer(self, key: str) -> Answer | None:
        def op(r):
            raw = r.get(f"{PREFIX}:answer:{key}")
            return answer_from_record(json.loads(raw)) if raw else None

        return self._run(op, lambda: self.fallback.recall_answer(key))

    def record_feedback(self, **fields) -> dict:
        entry = feedback_entry(**fields)
        data = json.dumps(entry, ensure_ascii=False)
        self._run(lambda r: r.xadd(f"{PREFIX}:feedback", {"entry": data}, maxlen=100_000, approximate=True),
                  lambda: self.fallback.record_feedback(**fields))
        return entry

    def put_record(self, kind: str, key: str, value: dict) -> None:
        data = json.dumps(value, ensure_ascii=False)
        self._run(lambda r: r.hset(f"{PREFIX}:records:{kind}", key, data),
                  lambda: self.fallback.put_record(kind, key, value))

    def records(self, kind: str) -> dict[str, dict]:
        def op(r):
            raw = r.hgetall(f"{PREFIX}:records:{kind}")
            return {k.decode(): json.loads(v) for k, v in raw.items()}

        return self._run(op, lambda: self.fallback.records(kind))

    def drop_record(self, kind: str, key: str) -> bool:
        return self._run(lambda r: bool(r.hdel(f"{PREFIX}:records:{kind}", key)),
                         lambda: self.fallback.drop_record(kind, key))


def _safe(url: str) -> str:
    """The URL without its password."""
    if "@" in url:
        scheme, rest = url.split("://", 1) if "://" in url else ("", url)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
