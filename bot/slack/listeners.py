"""Slack listeners: mentions, DMs, thread follow-ups, /ask, buttons. They translate only; answers
come from the Answerer, blocks from blocks.py."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict

from slack_bolt import App

from bot.answer import Answerer
from bot.conversation import Conversation
from bot.service import make_topic_reader
from bot.settings import Settings
from bot.slack import blocks as kit
from bot.slack.history import conversation_from_replies, strip_mentions
from bot.slack.follows import Follows
from bot.slack.schedules import DigestScheduler, Schedule, ScheduleError
from bot.slack.state import SlackState, make_state
from bot.types import Answer, Passage

log = logging.getLogger(__name__)
APOLOGY = "Sorry, something went wrong while answering. It has been logged; please try again in a moment."
RESTARTING = "Sorry, newsbot is restarting and could not finish this answer; please ask again in a minute."
READING = "is reading the articles…"
SLOW_DOWN = "You're asking faster than I can keep up with; please wait a minute and ask again."
SLASH_COMMAND = "/ask"  # must match deploy/slack-manifest.yaml
NEWSROOM_COMMAND = "/newsbot"  # follow / unfollow / following / stories / timeline / digest
NEWSROOM_HELP = ("`/newsbot follow <topic>` posts here when new articles about it are indexed · `/newsbot unfollow "
                 "<topic>` · `/newsbot following` · `/newsbot stories [topic]` · `/newsbot timeline <topic>` · "
                 "`/newsbot digest [24h|3d|1w] [topic]` · `/newsbot digest daily 08:00 [Europe/Berlin] [topic]` "
                 "posts it here every day · `/newsbot digest list` · `/newsbot digest stop <id>|all`. "
                 "Questions: `/ask` or mention me.")
IGNORED_SUBTYPES = {"message_changed", "message_deleted", "bot_message", "channel_join", "channel_leave", "thread_broadcast"}


class SlackBot:
    """State the listeners share: guards, thread memory, recent answers for buttons, feedback log."""

    def __init__(self, settings: Settings, answerer: Answerer, state: SlackState | None = None) -> None:
        self.settings = settings
        self.answerer = answerer
        self.state = state or make_state(settings)
        self._not_ours: OrderedDict[tuple[str, str], None] = OrderedDict()  # threads without the bot
        self._pending: dict[tuple[str, str], threading.Event] = {}  # thread look-ups under way
        # two messages of one thread may arrive together: each waits for the other's turn to be
        # answered and saved (in this process; replicas behind a shared state may interleave)
        self._thread_locks: OrderedDict[tuple[str, str], threading.Lock] = OrderedDict()
        self.follows = Follows(settings.slack.follows_file)
        self._checked: tuple[str, set[str]] | None = None  # (version, its article ids) last checked for follows
        self._lock = threading.Lock()
        self._handled = 0  # listener calls finished, answered or not (a signal for probes and tests)
        self._running = 0  # listener calls under way
        self._handled_changed = threading.Condition()
        self._answering: dict[int, tuple[str, str | None]] = {}  # answers under way: (channel, thread)
        self.digests = DigestScheduler(self.state, default_tz=settings.slack.timezone)

    # ---- /newsbot follow: posts when an index update brings articles on a followed topic
    def check_follows(self, client) -> int:
        """Post to each channel whose followed topic the newest index version brought articles on;
        returns how many posts were made. The first call only remembers the version it sees."""
        from bot.newsroom import article_text, lead_of
        from bot.slack.follows import matches

        version = self.answerer.retriever.reader.snapshot()
        ids = {a.id for a in version.articles}
        with self._lock:
            previous, self._checked = self._checked, (version.name, ids)
        if previous is None or previous[0] == version.name:
            return 0
        new_ids = ids - previous[1]
        if not new_ids:
            return 0
        posts = 0
        for match in matches(self.follows.all(), self.answerer.retriever, new_ids, self.settings.answer.min_cosine):
            if not self.state.first_time(f"follow:{match.channel}:{match.topic}:{version.name}"):
                continue  # another bot process posts this one
            found = [(version.articles[version.article_row[a]], version.article_row[a]) for a in match.article_ids]
            items = [{**a.listing(), "lead": lead_of(article_text(version, row))} for a, row in found]
            try:
                client.chat_postMessage(channel=match.channel, text=f"New on “{match.topic}”: "
                                        + "; ".join(i["title"] for i in items)[:3000],
                                        blocks=kit.follow_post_blocks(match.topic, items))
                self.follows.mark_posted(match.channel, match.topic, match.article_ids)
                posts += 1
            except Exception:
                log.exception("posting the update on %r to %s failed", match.topic, match.channel)
        return posts

    def start_follow_checks(self, client, every: float = 30.0) -> threading.Event:
        """Check the followed topics whenever a new index version is served (a daemon thread)."""
        stop = threading.Event()

        def loop():
            self.check_follows(client)  # remember the version served now
            while not stop.wait(every):
                try:
                    self.check_follows(client)
                except Exception:
                    log.exception("checking followed topics failed; trying again in %.0f s", every)

        threading.Thread(target=loop, name="newsbot-follows", daemon=True).start()
        return stop

    # ---- /newsbot digest daily: scheduled digests (bot/slack/schedules.py)
    def post_digest(self, client, schedule: Schedule) -> None:
        text, blocks, _ = self.newsroom(schedule.channel, schedule.user, f"digest 24h {schedule.topic}".strip())
        client.chat_postMessage(channel=schedule.channel, text=f"Daily digest ({schedule.at} {schedule.tz}): {text}",
                                blocks=blocks, unfurl_links=False)

    def start_digest_clock(self, client, every: float = 30.0) -> threading.Event:
        """Post the scheduled digests when due (a daemon thread, a look every `every` seconds)."""
        stop = threading.Event()

        def loop():
            while True:
                try:
                    self.digests.tick(lambda schedule: self.post_digest(client, schedule))
                except Exception:
                    log.exception("checking the digest schedules failed; trying again in %.0f s", every)
                if stop.wait(every):
                    return

        threading.Thread(target=loop, name="newsbot-digests", daemon=True).start()
        return stop

    def schedule_command(self, channel: str, user: str, rest: str) -> str:
        verb, _, args = rest.partition(" ")
        try:
            if verb == "daily":
                s = self.digests.add(channel, user, args)
                return f"Scheduled: {s.describe()}. `/newsbot digest list` shows this channel's digests."
            if verb == "list":
                found = self.digests.schedules(channel)
                return ("Digests scheduled here:\n" + "\n".join(s.describe() for s in found) if found else
                        "No digests are scheduled here: `/newsbot digest daily 08:00 [topic]`.")
            gone = self.digests.stop(channel, args.strip() or "?")
            return ("Stopped: " + "; ".join(s.describe() for s in gone) if gone else
                    f"No digest `{args.strip()}` here: `/newsbot digest list` shows their ids.")
        except ScheduleError as exc:
            return str(exc)

    def newsroom(self, channel: str, user: str, text: str) -> tuple[str, list[dict] | None, str]:
        """/newsbot sub-commands: (text, blocks, response type)."""
        from bot.newsroom import (days_before, digest, list_stories, reference_day, timeline, topic_sources,
                                  topic_stories)

        verb, _, rest = " ".join(text.split()).partition(" ")
        verb = verb.lower()
        if verb == "follow":
            return self.follows.add(channel, rest, user), None, "ephemeral"
        if verb == "unfollow":
            return self.follows.remove(channel, rest), None, "ephemeral"
        if verb == "following":
            topics = self.follows.of(channel)
            return ("This channel follows: " + ", ".join(f"“{t}”" for t in topics) if topics
                    else "This channel follows nothing yet: `/newsbot follow <topic>`."), None, "ephemeral"
        retriever = self.answerer.retriever
        version = retriever.reader.snapshot()
        by_id = {a.id: a for a in version.articles}
        if verb == "stories":
            ids = {a for s in topic_stories(version, retriever, rest) for a in s.article_ids} if rest else None
            found = [s.to_dict(by_id) for s in list_stories(version, article_ids=ids)]
            return f"{len(found)} stories", kit.stories_blocks(found), "ephemeral"
        if verb == "timeline" and rest:
            events = [e.to_dict() for e in timeline(version, retriever, rest, reader=make_topic_reader())]
            sources = [] if events else topic_sources(version, retriever, rest)
            return f"Timeline: {rest}", kit.timeline_blocks(rest, events, sources), "in_channel"
        sub, _, args = rest.partition(" ")
        if verb == "digest" and sub.lower() in ("daily", "list", "stop"):
            return self.schedule_command(channel, user, f"{sub.lower()} {args}"), None, "ephemeral"
        if verb == "digest":
            spec, _, topic = rest.partition(" ")
            if spec and not spec[:-1].isdigit():
                spec, topic = "24h", rest
            as_of, note = reference_day(version)
            since = days_before(as_of, spec or "24h")
            ids = {a for s in topic_stories(version, retriever, topic) for a in s.article_ids} if topic else None
            found = digest(version, since, article_ids=ids)
            return f"New since {since}" + (f" ({note})" if note else ""), kit.digest_blocks(since, found), "ephemeral"
        return NEWSROOM_HELP, None, "ephemeral"

    def thread_lock(self, channel: str, thread: str) -> threading.Lock:
        with self._lock:
            key = (channel, thread)
            lock = self._thread_locks.get(key)
            if lock is None:
                lock = self._thread_locks[key] = threading.Lock()
                while len(self._thread_locks) > self.settings.slack.max_threads:
                    old_key, old = next(iter(self._thread_locks.items()))
                    if old.locked():
                        break
                    del self._thread_locks[old_key]
            self._thread_locks.move_to_end(key)
            return lock

    def counts(self) -> dict[str, int]:
        """Listener calls finished (answered, refused or duplicates) and under way: for probes."""
        with self._handled_changed:
            return {"handled": self._handled, "running": self._running}

    def started(self) -> None:
        with self._handled_changed:
            self._running += 1

    def handled(self) -> None:
        with self._handled_changed:
            self._handled += 1
            self._running -= 1
            self._handled_changed.notify_all()

    def drain(self, timeout: float = 30) -> bool:
        """Wait for the answers under way to be posted (a graceful shutdown); False on timeout."""
        with self._handled_changed:
            return self._handled_changed.wait_for(lambda: self._running <= 0, timeout)

    def apologise_unfinished(self, client) -> int:
        """After a drain that timed out: a short apology in each thread whose answer is still being
        written (the process is about to exit), so no acked question goes unanswered in silence."""
        with self._lock:
            unfinished = list(self._answering.values())
        for channel, thread_ts in unfinished:
            try:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=RESTARTING)
            except Exception:
                log.exception("could not apologise in %s", channel)
        return len(unfinished)

    def wait_handled(self, count: int, timeout: float = 60) -> bool:
        """Wait until `count` listener calls have finished (True), or `timeout` passes (False)."""
        with self._handled_changed:
            return self._handled_changed.wait_for(lambda: self._handled >= count, timeout)

    def passages_of(self, chunk_ids: list[str]) -> tuple[Passage, ...]:
        """The chunks a "Show passages" button names, read from the index being served (those that
        are gone from it are left out)."""
        if self.answerer.retriever is None:
            return ()
        version = self.answerer.retriever.reader.snapshot()
        out = []
        for chunk_id in chunk_ids:
            row = version.row_of(chunk_id)
            if row is not None:
                chunk = version.chunk(row)
                out.append(Passage(chunk_id=chunk.id, article=chunk.article, text=chunk.text, start=chunk.start,
                                   end=chunk.end, score=0.0, row=row))
        return tuple(out)

    def allowed(self, channel: str) -> bool:
        """Channels in `allowed_channels` (all when it is empty); direct messages unless
        `allow_direct_messages` is off."""
        slack = self.settings.slack
        if channel.startswith("D"):
            return slack.allow_direct_messages
        return not slack.allowed_channels or channel in slack.allowed_channels

    def thread_memory(self, client, channel: str, thread_ts: str, bot_user_id: str) -> Conversation | None:
        """The thread's conversation: from memory, else rebuilt from the thread's messages (after a
        restart); None when the bot has not answered in that thread. One look-up per unknown thread."""
        conversation = self.state.conversation(channel, thread_ts, create=False)
        if conversation is not None:
            return conversation
        key = (channel, thread_ts)
        with self._lock:
            if key in self._not_ours:
                return None
            pending = self._pending.get(key)
            if pending is None:
                self._pending[key] = threading.Event()
        if pending is not None:  # another message of the same thread is already reading it
            pending.wait(timeout=10)
            return self.state.conversation(channel, thread_ts, create=False)
        try:
            return self._restore(client, channel, thread_ts, bot_user_id)
        finally:
            with self._lock:
                self._pending.pop(key).set()

    def _restore(self, client, channel: str, thread_ts: str, bot_user_id: str) -> Conversation | None:
        key = (channel, thread_ts)
        try:
            replies = client.conversations_replies(channel=channel, ts=thread_ts, limit=200, include_all_metadata=True)
            messages = replies.get("messages") or []
        except Exception:  # no history scope, thread gone, Slack down: treat it as not ours
            log.warning("cannot read thread %s in %s; follow-ups there need a mention", thread_ts, channel,
                        exc_info=True)
            messages = []
        conversation = conversation_from_replies(messages, bot_user_id, self.settings.answer.memory_turns,
                                                 notices=(f"_{kit.THINKING}_", APOLOGY, SLOW_DOWN))
        if conversation is None:
            with self._lock:
                self._not_ours[key] = None
                while len(self._not_ours) > 5000:
                    self._not_ours.popitem(last=False)
            return None
        self.state.save_conversation(channel, thread_ts, conversation)
        return conversation

    def answer_in_thread(self, client, *, channel: str, user: str, text: str, thread_ts: str | None,
                         conversation_key: str, team: str = "") -> None:
        """Post a placeholder in the thread, answer, replace the placeholder with the answer. A
        generative answer is streamed into the thread as it is written instead."""
        if not self.state.allow(user):
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=SLOW_DOWN)
            return
        token = object()
        with self._lock:
            self._answering[id(token)] = (channel, thread_ts)
        try:
            self._answer_in_thread(client, channel=channel, user=user, text=text, thread_ts=thread_ts,
                                   conversation_key=conversation_key, team=team)
        finally:
            with self._lock:
                self._answering.pop(id(token), None)

    def _answer_in_thread(self, client, *, channel: str, user: str, text: str, thread_ts: str | None,
                          conversation_key: str, team: str = "") -> None:
        if self.answerer.streams:
            self._stream_in_thread(client, channel=channel, user=user, text=text, thread_ts=thread_ts,
                                   conversation_key=conversation_key, team=team)
            return
        placeholder = client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=f"_{kit.THINKING}_")
        ts = placeholder["ts"]
        try:
            with self.thread_lock(channel, conversation_key):  # one turn at a time per thread
                conversation = self.state.conversation(channel, conversation_key)
                answer = self.answerer.answer(strip_mentions(text), conversation)
                self.state.save_conversation(channel, conversation_key, conversation)
            key = f"{channel}:{ts}"
            self.state.keep_answer(key, answer)
            client.chat_update(channel=channel, ts=ts, text=kit.answer_text(answer),
                               blocks=kit.answer_blocks(answer, key), metadata=kit.answer_metadata(answer))
        except Exception:
            log.exception("answering failed in %s", channel)
            client.chat_update(channel=channel, ts=ts, text=APOLOGY, blocks=kit.notice_blocks(APOLOGY))


    def _stream_in_thread(self, client, *, channel: str, user: str, text: str, thread_ts: str | None,
                          conversation_key: str, team: str) -> None:
        """chat.startStream / appendStream / stopStream while the model writes; the verified answer
        with its sources replaces the draft at the end. Where streaming is refused (an older
        workspace, a missing scope), a placeholder is updated instead, at most once a second."""
        if thread_ts:  # the model reads the passages first (seconds on a CPU model): say so in the thread
            _set_status(client, channel, thread_ts, READING)
        stream: _Draft | None = None  # opened at the first text, so the status shows until then
        try:
            answer = None
            with self.thread_lock(channel, conversation_key):  # one turn at a time per thread
                conversation = self.state.conversation(channel, conversation_key)
                for item in self.answerer.stream(strip_mentions(text), conversation):
                    if isinstance(item, Answer):
                        answer = item
                    else:
                        stream = stream or _Draft(client, channel, thread_ts, user, team)
                        stream.add(item)
                self.state.save_conversation(channel, conversation_key, conversation)
            stream = stream or _Draft(client, channel, thread_ts, user, team)
            key = f"{channel}:{stream.ts}"
            self.state.keep_answer(key, answer)
            stream.finish(answer, key)
        except Exception:
            log.exception("answering failed in %s", channel)
            if stream is not None:
                stream.fail()
            else:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=APOLOGY,
                                        blocks=kit.notice_blocks(APOLOGY))


def _set_status(client, channel: str, thread_ts: str, status: str) -> None:
    """assistant.threads.setStatus ("newsbot is reading the articles…"); cleared by Slack when the
    reply is posted. Best effort: a workspace without the assistant features just shows nothing."""
    try:
        client.assistant_threads_setStatus(channel_id=channel, thread_ts=thread_ts, status=status)
    except Exception:
        log.debug("assistant.threads.setStatus unavailable in %s", channel, exc_info=True)


class _Draft:
    """A message being written: a Slack stream when the workspace allows it, else a placeholder."""

    def __init__(self, client, channel: str, thread_ts: str | None, user: str, team: str) -> None:
        self.client, self.channel = client, channel
        self.written, self.pending, self.last_push = "", "", 0.0
        self.streaming = True
        try:
            started = client.chat_startStream(channel=channel, thread_ts=thread_ts, recipient_user_id=user or None,
                                              recipient_team_id=team or None)
            self.ts = started["ts"]
        except Exception:
            log.info("chat.startStream unavailable in %s; updating a placeholder instead", channel, exc_info=True)
            self.streaming = False
            self.ts = client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=f"_{kit.THINKING}_")["ts"]

    def add(self, text: str) -> None:
        self.written += text
        self.pending += text
        now = time.monotonic()
        if len(self.pending) < 200 and now - self.last_push < 1.0:
            return
        self.last_push = now
        if self.streaming:
            try:
                self.client.chat_appendStream(channel=self.channel, ts=self.ts, markdown_text=self.pending)
                self.pending = ""
                return
            except Exception:
                log.info("chat.appendStream failed in %s; updating the message instead", self.channel, exc_info=True)
                self.streaming = False
        self.client.chat_update(channel=self.channel, ts=self.ts, text=self.written)
        self.pending = ""

    def finish(self, answer: Answer, key: str) -> None:
        blocks, text, metadata = kit.answer_blocks(answer, key), kit.answer_text(answer), kit.answer_metadata(answer)
        if self.streaming:
            try:
                if self.pending:
                    self.client.chat_appendStream(channel=self.channel, ts=self.ts, markdown_text=self.pending)
                self.client.chat_stopStream(channel=self.channel, ts=self.ts, blocks=blocks, metadata=metadata)
            except Exception:
                log.info("chat.stopStream failed in %s", self.channel, exc_info=True)
        # the draft is what the model wrote; the verified answer (sentences dropped, markers renumbered,
        # or the quoted fallback) replaces it
        self.client.chat_update(channel=self.channel, ts=self.ts, text=text, blocks=blocks, metadata=metadata)

    def fail(self) -> None:
        if self.streaming:
            try:
                self.client.chat_stopStream(channel=self.channel, ts=self.ts)
            except Exception:
                pass
        self.client.chat_update(channel=self.channel, ts=self.ts, text=APOLOGY, blocks=kit.notice_blocks(APOLOGY))


def _counted(bot: SlackBot, listener):
    """The listener, reporting to `bot.handled()` when it has finished, however it ended."""
    import functools
    import inspect

    @functools.wraps(listener)
    def run(**kwargs):
        bot.started()
        try:
            return listener(**kwargs)
        finally:
            bot.handled()

    run.__signature__ = inspect.signature(listener)  # Bolt injects arguments by these names
    return run


def malformed_event(event) -> str:
    """Why an event cannot be answered as sent (no channel, a field of the wrong type), or "" —
    a forged or broken payload is acked and logged in one line, never a traceback."""
    if not isinstance(event, dict):
        return "the event is not an object"
    for key in ("channel", "ts"):
        if not isinstance(event.get(key), str) or not event[key]:
            return f"no {key}"
    for key in ("text", "user", "thread_ts", "subtype", "bot_id", "channel_type", "event_ts"):
        if event.get(key) is not None and not isinstance(event[key], str):
            return f"{key} is {type(event[key]).__name__}, not text"
    return ""


def text_at(mapping, *path: str) -> str:
    """The text at `path` in nested objects ("channel", "id"), or "" where a step is missing or of
    another type (a button payload is the sender's to shape)."""
    here = mapping
    for key in path:
        if not isinstance(here, dict):
            return ""
        here = here.get(key)
    return here if isinstance(here, str) else ""


def register(app: App, bot: SlackBot) -> None:
    def refused(kind: str, event) -> bool:
        problem = malformed_event(event)
        if problem:
            log.info("ignored a malformed %s event: %s", kind, problem)
        return bool(problem)

    def on_mention(body, event, client, context):
        if refused("app_mention", event):
            return
        if not bot.state.first_time(text_at(body, "event_id") or event.get("ts", "")):
            return
        if event.get("bot_id") or event.get("subtype") in IGNORED_SUBTYPES or not bot.allowed(event["channel"]):
            return
        thread_ts = event.get("thread_ts") or event["ts"]
        if event.get("thread_ts"):  # asked inside a thread: earlier turns there count, even after a restart
            bot.thread_memory(client, event["channel"], thread_ts, context.bot_user_id or "")
        bot.answer_in_thread(client, channel=event["channel"], user=event.get("user", ""), text=event.get("text", ""),
                             thread_ts=thread_ts, conversation_key=thread_ts, team=body.get("team_id", ""))

    def on_message(body, event, client, context):
        if isinstance(event, dict) and (event.get("bot_id") or event.get("subtype")):
            return  # edits, joins, bots: nothing to answer
        if refused("message", event):
            return
        channel = event.get("channel", "")
        thread_ts = event.get("thread_ts")
        is_dm = event.get("channel_type") == "im"
        if not is_dm:
            # a channel message: only follow-ups in threads the bot answered, without a mention
            # (a mention arrives as app_mention too and is answered there)
            mentioned = context.bot_user_id and f"<@{context.bot_user_id}" in event.get("text", "")
            if not thread_ts or mentioned or not bot.allowed(channel):
                return
            if bot.thread_memory(client, channel, thread_ts, context.bot_user_id or "") is None:
                return
        if not bot.state.first_time(text_at(body, "event_id") or event.get("ts", "")):
            return
        bot.answer_in_thread(client, channel=channel, user=event.get("user", ""), text=event.get("text", ""),
                             thread_ts=thread_ts, conversation_key=thread_ts or "dm", team=body.get("team_id", ""))

    def admitted(command, respond, request) -> bool:
        """A slash command is answered once (a replayed request is not), in allowed channels,
        within the user's rate limit; otherwise the user is told why (or, for a replay, not)."""
        channel, user = command.get("channel_id", ""), command.get("user_id", "")
        if not bot.state.first_time(command_key(command, request)):
            log.info("a repeated %s from %s in %s was ignored (same request within the replay window)",
                     command.get("command", "command"), user, channel)
            return False
        if not bot.allowed(channel):
            respond(text="I'm not enabled in this channel.", response_type="ephemeral")
            return False
        if not bot.state.allow(user):
            respond(text=SLOW_DOWN, response_type="ephemeral")
            return False
        return True

    def on_command(ack, command, respond, request):
        ack()  # within Slack's 3 s; the answer follows through response_url
        channel = command.get("channel_id", "")
        if not admitted(command, respond, request):
            return
        try:
            answer = bot.answerer.answer(command.get("text", ""))
            key = f"{channel}:cmd:{command.get('trigger_id', '')}"
            bot.state.keep_answer(key, answer)
            respond(text=kit.answer_text(answer), blocks=kit.answer_blocks(answer, key), response_type="in_channel")
        except Exception:
            log.exception("answering /ask failed")
            respond(text=APOLOGY, response_type="ephemeral")

    def on_newsroom(ack, command, respond, request):
        ack()
        channel, user = command.get("channel_id", ""), command.get("user_id", "")
        if not admitted(command, respond, request):
            return
        try:
            text, blocks, kind = bot.newsroom(channel, user, command.get("text", ""))
            respond(text=text, blocks=blocks, response_type=kind) if blocks else respond(text=text, response_type=kind)
        except Exception:
            log.exception("/newsbot %s failed", command.get("text", "")[:100])
            respond(text=APOLOGY, response_type="ephemeral")

    def on_show_passages(ack, body, action, client):
        ack()
        channel, user = text_at(body, "channel", "id"), text_at(body, "user", "id")
        thread_ts = text_at(body, "message", "thread_ts") or None
        value = text_at(action, "value")
        if not channel or not user:
            log.info("ignored a malformed Show passages action (no channel or user)")
            return
        shown = kit.parse_passages_value(value)
        key = shown["key"] if shown else value
        origin = shown["ch"] if shown else key.split(":", 1)[0]
        if not bot.allowed(channel) or origin != channel:  # only where the answer was given
            log.info("Show passages refused for %s in %s (channel not allowed, or the answer is not from there)",
                     user, channel)
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts,
                                      text="I can only show the passages of an answer given in this channel.")
            return
        if not bot.state.allow(user):
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=SLOW_DOWN)
            return
        # the button names the chunks: any bot process reads them from the index it serves
        passages = bot.passages_of(shown["ids"]) if shown else ()
        if not passages:
            answer = bot.state.recall_answer(key)
            passages = answer.passages if answer is not None else ()
        if not passages:
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts,
                                      text="Those passages are no longer in the index; ask again to see them.")
            return
        client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text="Retrieved passages",
                                  blocks=kit.passages_blocks(passages))

    def on_feedback(ack, body, action, client):
        ack()
        channel, user = text_at(body, "channel", "id"), text_at(body, "user", "id")
        message = body.get("message") if isinstance(body.get("message"), dict) else {}
        ts = text_at(message, "ts")
        verdict = text_at(action, "value")  # a value sent as an object is no verdict
        if not channel or verdict not in kit.VERDICTS or not bot.allowed(channel):
            log.info("feedback ignored from %s in %s: %s", user, channel,
                     "channel not allowed" if verdict in kit.VERDICTS else f"unknown verdict ({len(str(verdict))} chars)")
            return
        bot.state.record_feedback(verdict=verdict, user=user, channel=channel, message_ts=ts,
                                  answer=bot.state.recall_answer(f"{channel}:{ts}"), fallback_text=text_at(message, "text"))
        client.chat_postEphemeral(channel=channel, user=user, thread_ts=text_at(message, "thread_ts") or None,
                                  text="Thanks, your feedback was recorded.")

    app.event("app_mention")(_counted(bot, on_mention))
    app.event("message")(_counted(bot, on_message))
    app.command(SLASH_COMMAND)(_counted(bot, on_command))
    app.command(NEWSROOM_COMMAND)(_counted(bot, on_newsroom))
    app.action(kit.SHOW_PASSAGES)(_counted(bot, on_show_passages))
    app.action(kit.FEEDBACK)(_counted(bot, on_feedback))


def command_key(command: dict, request) -> str:
    """A slash command's identity for replay de-duplication: its trigger id (unique per invocation;
    a replayed request repeats it), else its user, channel, text and signed timestamp."""
    if command.get("trigger_id"):
        return f"cmd:{command['trigger_id']}"
    headers = getattr(request, "headers", {}) or {}
    stamp = (headers.get("x-slack-request-timestamp") or [""])[0]
    digest = hashlib.sha256(f"{command.get('user_id')}|{command.get('channel_id')}|{command.get('text')}|{stamp}".encode())
    return f"cmd:{digest.hexdigest()[:32]}"
