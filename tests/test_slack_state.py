"""Slack state shared by several bot processes: the same contract from memory, SQLite and a real
Redis server process; then two real `newsbot slack --http` processes behind one Redis."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.conversation import Conversation
from bot.settings import SlackSettings, load_settings
from bot.slack.state import MemoryState
from bot.slack.state_redis import RedisState
from bot.slack.state_sqlite import SqliteState
from bot.types import Answer, Citation, Phrase, Segment, ShortAnswer
from tests.redis_server import RedisProcess, free_port


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisProcess(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


SLACK = SlackSettings(rate_limit_per_minute=3)


@pytest.fixture(params=["sqlite", "redis"])
def two_states(request, tmp_path, redis_server):
    """Two states on one backend, as two bot processes would hold them."""
    if request.param == "sqlite":
        return [SqliteState(tmp_path / "state.sqlite", SLACK, 6, MemoryState(SLACK, 6)) for _ in range(2)]
    redis_server.client().flushdb()
    return [RedisState(redis_server.url, SLACK, 6, MemoryState(SLACK, 6)) for _ in range(2)]


def zakharova_answer() -> Answer:
    citation = Citation(1, "a1", "Russia blames Turkey", "Rudaw", "2020-01-29", "https://rudaw.net/x", "", "q", "p")
    return Answer(
        "Who blamed Turkey for the Idlib clashes?",
        (Segment("Maria Zakharova", (1,), "short"),
         Segment("Russia's foreign ministry spokesperson Maria Zakharova blamed Turkey for the clashes in Idlib.", (1,))),
        True, (citation,), query="Who blamed Turkey for the Idlib clashes?", index_version="v1",
        short_answer=ShortAnswer((Phrase("Maria Zakharova", 1, 0, 15),), "PERSON"))


def test_an_event_is_first_seen_by_exactly_one_process(two_states):
    keys = [f"Ev{i}" for i in range(60)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda job: job[0].first_time(job[1]),
                                [(state, key) for key in keys for state in two_states for _ in range(2)]))
    assert sum(results) == len(keys)


def test_the_rate_limit_is_shared(two_states):
    a, b = two_states
    assert [a.allow("U1"), b.allow("U1"), a.allow("U1"), b.allow("U1")] == [True, True, True, False]
    assert b.allow("U2")


def test_a_thread_continues_on_the_other_process(two_states):
    a, b = two_states
    conversation = a.conversation("C1", "1700.1")
    conversation.remember(zakharova_answer())
    a.save_conversation("C1", "1700.1", conversation)
    restored = b.conversation("C1", "1700.1", create=False)
    follow_up = "What else did she say?"
    assert restored.resolve(follow_up) == conversation.resolve(follow_up)
    assert "Maria Zakharova" in restored.resolve(follow_up)
    assert restored.focus(follow_up) == "Maria Zakharova" and restored.recent_articles() == ("a1",)
    assert b.conversation("C1", "other", create=False) is None


def test_answers_and_feedback_are_shared(two_states):
    a, b = two_states
    a.keep_answer("C1:1700.2", zakharova_answer())
    kept = b.recall_answer("C1:1700.2")
    assert kept.question == zakharova_answer().question and kept.answer == zakharova_answer().answer
    assert kept.citations[0].url == "https://rudaw.net/x" and b.recall_answer("C1:nope") is None
    entry = b.record_feedback(verdict="up", user="U1", channel="C1", message_ts="1700.2", answer=kept)
    assert entry["question"] == kept.question and entry["citations"][0]["article_id"] == "a1"


def test_redis_down_keeps_answering_from_memory_and_logs_once(caplog):
    state = RedisState(f"redis://127.0.0.1:{free_port()}/0", SLACK, 6, MemoryState(SLACK, 6))
    with caplog.at_level(logging.WARNING, "bot.slack.state_redis"):
        assert state.first_time("Ev1") and not state.first_time("Ev1")
        assert state.allow("U1")
        conversation = state.conversation("C1", "t")
        conversation.remember(zakharova_answer())
        state.save_conversation("C1", "t", conversation)
        assert state.conversation("C1", "t", create=False).turns
    assert sum("unreachable" in r.getMessage() for r in caplog.records) == 1


def test_a_locked_sqlite_state_answers_from_memory_and_loses_no_event(tmp_path, caplog):
    """Another process holds the file's write lock for longer than the busy timeout (a backup, a
    stuck writer): every event is still seen once, admitted and remembered by this process."""
    import sqlite3

    path = tmp_path / "state.sqlite"
    state = SqliteState(path, SLACK, 6, MemoryState(SLACK, 6), busy_s=0.2)
    assert state.first_time("Ev0")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # what a stuck writer holds
    try:
        with caplog.at_level(logging.WARNING, "bot.slack.state_sqlite"):
            started = time.monotonic()
            firsts = [state.first_time(f"Ev{i}") for i in range(1, 11)]
            assert all(firsts) and not state.first_time("Ev3")  # each event once, none dropped
            assert state.allow("U1")
            conversation = state.conversation("C1", "t")
            conversation.remember(zakharova_answer())
            state.save_conversation("C1", "t", conversation)
            assert state.conversation("C1", "t", create=False).turns
            assert time.monotonic() - started < 2  # one busy wait, then memory until the retry time
        assert sum("unusable" in r.getMessage() for r in caplog.records) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize("outage", ["stopped", "frozen"])
def test_a_redis_outage_may_answer_twice_but_never_drops_and_heals_within_seconds(tmp_path, outage):
    """The documented trade-off: while Redis is stopped or frozen (SIGSTOP), two replicas each
    answer an event delivered to both (from their own memory), no event waits more than ~0.5 s,
    and once it is back the replicas share de-duplication again within ~2 s."""
    (tmp_path / "redis").mkdir()
    server = RedisProcess(tmp_path / "redis")
    a, b = (RedisState(server.url, SLACK, 6, MemoryState(SLACK, 6)) for _ in range(2))
    try:
        assert a.first_time("E1") and not b.first_time("E1")  # healthy: exactly one answers
        if outage == "stopped":
            server.stop()
        else:
            os.kill(server.process.pid, signal.SIGSTOP)
        started = time.monotonic()
        assert a.first_time("E2") and b.first_time("E2")  # each answers: a duplicate, not a loss
        assert time.monotonic() - started < 2.5  # two replicas, each at most one 0.5 s timeout
        assert a.first_time("E3") and not a.first_time("E3")  # still once per replica
        if outage == "stopped":
            server = server.restart()
        else:
            os.kill(server.process.pid, signal.SIGCONT)
        back = time.monotonic()
        healed = None
        for i in range(200):
            key = f"E4-{i}"
            if a.first_time(key) and not b.first_time(key):
                healed = time.monotonic() - back
                break
            time.sleep(0.05)
        assert healed is not None and healed < 3.0, healed
    finally:
        if server.process.poll() is None:
            os.kill(server.process.pid, signal.SIGCONT)
            server.stop()


def test_settings_name_the_state():
    settings = load_settings({"NEWSBOT_SLACK_STATE": "redis", "NEWSBOT_SLACK_STATE_URL": "redis://:pw@h:6379/0"})
    assert settings.slack.state == "redis" and "pw" not in repr(settings)
    from index.errors import NewsbotError

    with pytest.raises(NewsbotError, match="needs slack.state_url"):
        load_settings({"NEWSBOT_SLACK_STATE": "redis"})
    with pytest.raises(NewsbotError, match="not one of"):
        load_settings({"NEWSBOT_SLACK_STATE": "postgres"})


# ---------------------------------------------------------------- two real bot processes

NEWSBOT = str(Path(sys.executable).parent / "newsbot")
SECRET = "test-signing-secret"


class Replica:
    def __init__(self, seed_index, fake, redis_url: str, tmp_path: Path, name: str, **env_extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        state = {"NEWSBOT_SLACK_STATE": "redis", "NEWSBOT_SLACK_STATE_URL": redis_url} if redis_url else {}
        env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
               "SLACK_API_URL": fake.api_url, "NEWSBOT_INDEX": str(seed_index), **state, "NEWSBOT_RATE_LIMIT": "4",
               "NEWSBOT_FEEDBACK_LOG": str(tmp_path / f"{name}-feedback.jsonl"), **env_extra}
        self.log = open(tmp_path / f"{name}.log", "w")
        self.process = subprocess.Popen([NEWSBOT, "slack", "--http", "--port", str(self.port)], env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while not self._ready():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"replica {name} did not start: {(tmp_path / f'{name}.log').read_text()[-2000:]}")
            time.sleep(0.2)

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/readyz", timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def handled(self) -> int:
        with urllib.request.urlopen(self.url + "/healthz", timeout=5) as response:
            return json.loads(response.read())["handled"]

    def send(self, body: dict, retry: int | None = None) -> int:
        from tests.slack_fake import sign

        raw = json.dumps(body)
        headers = {"Content-Type": "application/json", **sign(raw, SECRET)}
        if retry is not None:
            headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
        request = urllib.request.Request(self.url + "/slack/events", data=raw.encode(), headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    def form(self, payload: dict) -> int:
        import urllib.parse

        from tests.slack_fake import sign

        raw = urllib.parse.urlencode({"payload": json.dumps(payload)})
        request = urllib.request.Request(self.url + "/slack/events", data=raw.encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                                  **sign(raw, SECRET)})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    def stop(self, sig=signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(30)
        self.log.close()


def _wait(condition, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.mark.slow
def test_two_replicas_share_one_redis(seed_index, redis_server, tmp_path):
    from bot.slack import blocks as kit
    from tests.slack_fake import FakeSlack, event_body

    redis_server.client().flushdb()
    fake = FakeSlack()
    a = b = None
    try:
        a = Replica(seed_index, fake, redis_server.url, tmp_path, "a")
        b = Replica(seed_index, fake, redis_server.url, tmp_path, "b")

        def handled() -> int:
            return a.handled() + b.handled()

        # one event delivered to both replicas at once, and retried to each: answered exactly once
        question = {"type": "app_mention", "user": "U1", "text": "<@UBOT> How many troops has Turkey deployed to Idlib?",
                    "ts": "1700009000.000100", "channel": "C1", "event_ts": "1700009000.000100"}
        body = event_body(question, "EvShared1")
        before = handled()
        deliveries = [(a, None), (b, None), (a, 1), (b, 1), (b, 2)]
        with ThreadPoolExecutor(5) as pool:
            assert set(pool.map(lambda d: d[0].send(body, d[1]), deliveries)) == {200}
        _wait(lambda: handled() >= before + len(deliveries), "every delivery to be handled")
        answers = [c for c in fake.of("chat.update") if "5,000" in c.params.get("text", "")]
        placeholders = [c for c in fake.of("chat.postMessage") if c.params.get("thread_ts") == "1700009000.000100"]
        assert len(answers) == 1 and len(placeholders) == 1

        # a follow-up in that thread on each replica (one of them did not answer the question): both
        # find the thread's memory in Redis, never reading the thread from Slack, and stay on the story
        for n, replica in enumerate((a, b)):
            follow = {"type": "message", "user": "U1", "text": "And who blamed Turkey for the clashes?",
                      "ts": f"170000900{n + 1}.000100", "thread_ts": "1700009000.000100", "channel": "C1",
                      "channel_type": "channel", "event_ts": f"170000900{n + 1}.000100"}
            before = handled()
            replica.send(event_body(follow, f"EvShared{n + 2}"))
            _wait(lambda: handled() > before, "a follow-up")
        assert not fake.of("conversations.replies")
        follow_answers = fake.wait_for("chat.update", 3)[1:]
        assert all("Turkey" in c.params["text"] for c in follow_answers)
        turns = redis_server.client().lrange("newsbot:thread:C1:1700009000.000100", 0, -1)
        assert len(turns) == 3 and json.loads(turns[0])["question"] == "How many troops has Turkey deployed to Idlib?"
        other = b

        # Show passages and feedback on the replica that did not answer
        blocks = answers[0].params["blocks"]
        blocks = blocks if isinstance(blocks, list) else json.loads(blocks)
        value = next(x for x in blocks if x["type"] == "actions")["elements"][0]["value"]
        click = {"type": "block_actions", "user": {"id": "U2"}, "team": {"id": "T1"}, "api_app_id": "A1",
                 "container": {"type": "message", "message_ts": answers[0].params["ts"], "channel_id": "C1"},
                 "channel": {"id": "C1"}, "trigger_id": "t1",
                 "message": {"ts": answers[0].params["ts"], "thread_ts": "1700009000.000100", "text": "x"},
                 "response_url": f"{fake.url}/api/response/x",
                 "actions": [{"action_id": kit.SHOW_PASSAGES, "block_id": "sp", "type": "button", "value": value}]}
        for replica in (a, b):
            assert replica.form(click) == 200
        shown = fake.wait_for("chat.postEphemeral", 2)
        assert all(c.params["text"] == "Retrieved passages" and "5,000" in json.dumps(c.params.get("blocks"))
                   for c in shown[:2])
        vote = {**click, "actions": [{"action_id": kit.FEEDBACK, "block_id": "fb", "type": "button", "value": "good"}]}
        before = handled()
        other.form(vote)
        _wait(lambda: handled() > before, "the feedback click")
        [(_, fields)] = redis_server.client().xrange("newsbot:feedback")
        entry = json.loads(fields[b"entry"])
        assert entry["question"] == "How many troops has Turkey deployed to Idlib?"  # recalled from Redis

        # the rate limit (4 a minute) counts the questions U1 asked on either replica: 3 so far, one more
        for n, replica in enumerate((a, b)):
            ask = {"type": "app_mention", "user": "U1", "text": "<@UBOT> Where are Turkish troops deployed?",
                   "ts": f"170000910{n}.000100", "channel": "C1", "event_ts": f"170000910{n}.000100"}
            before = handled()
            replica.send(event_body(ask, f"EvRate{n}"))
            _wait(lambda: handled() > before, "a rate-limited question")
        slow_down = [c for c in fake.of("chat.postMessage") if "faster than I can" in c.params.get("text", "")]
        assert len(slow_down) == 1

        # one replica dies mid-answer: the other keeps serving
        placeholders_before = len(fake.of("chat.postMessage"))
        ask = {"type": "app_mention", "user": "U3", "text": "<@UBOT> Who blamed whom for the Idlib clashes?",
               "ts": "1700009200.000100", "channel": "C1", "event_ts": "1700009200.000100"}
        a.send(event_body(ask, "EvKill1"))
        _wait(lambda: len(fake.of("chat.postMessage")) > placeholders_before, "replica a's placeholder")
        a.stop(signal.SIGKILL)
        updates = len(fake.of("chat.update"))
        b.send(event_body({**ask, "user": "U4", "ts": "1700009300.000100", "event_ts": "1700009300.000100"},
                          "EvKill2"))
        answer = fake.wait_for("chat.update", updates + 1)[-1]
        assert "Turkey" in answer.params["text"]
    finally:
        for replica in (a, b):
            if replica is not None:
                replica.stop()
        fake.close()


@pytest.mark.slow
@pytest.mark.parametrize("slow_s,drain_s", [(3.0, 30.0), (30.0, 2.0)])
def test_sigterm_finishes_or_apologises_for_every_acked_event_then_exits_0(seed_index, tmp_path, slow_s, drain_s):
    """A slow Slack API (each chat.update takes `slow_s`): SIGTERM stops new requests, the answers
    under way are posted within `drain_s`, or each gets an apology in its thread, and the process
    exits 0 (waitress had caught the interrupt itself: no drain, and alive 200 s after SIGTERM)."""
    from bot.slack.listeners import RESTARTING
    from tests.slack_fake import FakeSlack, event_body

    fake = FakeSlack()
    replica = Replica(seed_index, fake, "", tmp_path, "drain", NEWSBOT_SLACK_DRAIN=str(drain_s))
    try:
        fake.delay["chat.update"] = slow_s
        threads = [f"17000095{i:02d}.000100" for i in range(3)]
        for i, ts in enumerate(threads):
            question = {"type": "app_mention", "user": f"U{i}", "text": "<@UBOT> Who blamed Turkey for the clashes?",
                        "ts": ts, "channel": "C1", "event_ts": ts}
            assert replica.send(event_body(question, f"EvDrain{i}")) == 200  # acked
        fake.wait_for("chat.postMessage", 3)  # every placeholder is up: the answers are under way
        started = time.monotonic()
        replica.process.send_signal(signal.SIGTERM)
        code = replica.process.wait(60)
        took = time.monotonic() - started
        assert code == 0
        if slow_s < drain_s:  # finished: every thread got its answer
            assert {c.params.get("channel") for c in fake.of("chat.update")} == {"C1"}
            assert len(fake.of("chat.update")) == 3 and took < drain_s
        else:  # could not finish: every thread got an apology, and the process did not linger
            sorry = [c for c in fake.of("chat.postMessage") if c.params.get("text") == RESTARTING]
            assert sorted(c.params["thread_ts"] for c in sorry) == threads
            assert took < drain_s + 10
    finally:
        replica.stop()
