"""The real slack-bolt App, real signed Slack payloads over real HTTP and Socket Mode, against a
local stand-in for Slack's Web API."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from slack_sdk.models.blocks import Block

from bot.slack import blocks as kit
from bot.slack.app import create_app, make_client
from bot.slack.listeners import APOLOGY, SLOW_DOWN
from bot.slack.run import serve_http
from tests.slack_fake import FakeSlack, event_body, sign

SECRET = "test-signing-secret"
SEED_TITLE = "Russia blames Turkey for recent Syria regime clashes in Idlib"


@pytest.fixture
def fake():
    server = FakeSlack()
    yield server
    server.close()


class Bot:
    """The app served over HTTP on a free port, plus helpers to send signed requests."""

    def __init__(self, settings, answerer):
        self.app = create_app(settings, answerer)
        self.slack_bot = self.app.slack_bot  # the listeners' shared state, for assertions on memory
        self.server = serve_http(self.app, lambda: {"ok": True, "index_version": "v-test"}, "127.0.0.1", 0,
                                 settings.slack.signing_secret.get())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def post(self, body: str, content_type: str, headers: dict | None = None) -> tuple[int, str]:
        request = urllib.request.Request(f"{self.url}/slack/events", data=body.encode(), method="POST",
                                         headers={"Content-Type": content_type, **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def event(self, event: dict, event_id: str, secret: str = SECRET, retry: int | None = None, timestamp=None):
        body = json.dumps(event_body(event, event_id))
        headers = sign(body, secret, timestamp)
        if retry is not None:
            headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
        return self.post(body, "application/json", headers)

    def form(self, fields: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode(fields)
        return self.post(body, "application/x-www-form-urlencoded", sign(body, SECRET))

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def make_bot(fake, request, tmp_path):
    """A bot on the real answerer and seed index (the packaged model, loaded once per session), or
    on the answerer a test brings (then nothing is loaded: transport tests run in a second)."""
    bots = []

    def make(answerer_=None, **slack):
        slack = {"bot_token": "xoxb-test", "signing_secret": SECRET, "api_url": fake.api_url,
                 "feedback_log": tmp_path / "feedback.jsonl", **slack}
        if answerer_ is None:
            settings = request.getfixturevalue("settings_for")(**slack)
        else:
            from bot.settings import load_settings

            settings = load_settings({}, None, {"index": {"index_dir": tmp_path / "no-index"}, "slack": slack})
        bot = Bot(settings, answerer_ or request.getfixturevalue("answerer"))
        bots.append(bot)
        return bot

    yield make
    for bot in bots:
        bot.close()


class _QuickAnswerer:
    """Answers at once, the same text every time: for tests about transport, not answers."""

    streams = False  # the interface SlackBot uses: answer, stream, streams, retriever
    retriever = None

    def answer(self, question, conversation=None, k=None):
        from bot.types import Answer, Segment

        return Answer(question, (Segment("A quick answer.", ()),), True, ())


def mention(text: str, ts: str = "1700000100.000100", channel: str = "C1", **extra) -> dict:
    return {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {text}", "ts": ts, "channel": channel,
            "event_ts": ts, **extra}


def final_text(call) -> str:
    return call.params["text"] + json.dumps(call.params.get("blocks", ""))


@pytest.mark.slow
def test_mention_gets_a_threaded_cited_answer(fake, make_bot):
    bot = make_bot()
    status, _ = bot.event(mention("Who blamed whom for the Idlib clashes?"), "Ev1")
    assert status == 200
    [placeholder] = fake.wait_for("chat.postMessage")
    assert placeholder.params["thread_ts"] == "1700000100.000100" and kit.THINKING in placeholder.params["text"]
    [update] = fake.wait_for("chat.update")
    assert update.params["ts"] == "1700000000.000001"  # the ts the stand-in returned for the placeholder
    blocks = json.loads(update.params["blocks"]) if isinstance(update.params["blocks"], str) else update.params["blocks"]
    assert "Zakharova" in blocks[0]["text"]["text"] and "[1]" in blocks[0]["text"]["text"]
    assert any(SEED_TITLE in json.dumps(b) for b in blocks if b["type"] == "context")
    assert any(b["type"] == "rich_text" for b in blocks)
    assert any(b["type"] == "context_actions" for b in blocks)
    for block in blocks:  # valid Block Kit, as slack_sdk's models understand it
        Block.parse(block).validate_json()


@pytest.mark.slow
def test_thread_follow_up_without_mention_uses_the_thread_history(fake, make_bot):
    bot = make_bot()
    bot.event(mention("Who blamed whom for the Idlib clashes?", ts="1700000200.000100"), "Ev10")
    fake.wait_for("chat.update")
    follow = {"type": "message", "channel": "C1", "channel_type": "channel", "user": "U1",
              "text": "and how many troops?", "ts": "1700000201.000100", "thread_ts": "1700000200.000100"}
    bot.event(follow, "Ev11")
    updates = fake.wait_for("chat.update", 2)
    assert "5,000 troops" in final_text(updates[1])
    assert fake.of("chat.postMessage")[1].params["thread_ts"] == "1700000200.000100"
    # a message in a thread the bot never joined is left alone
    bot.event({**follow, "thread_ts": "1699999999.000001", "ts": "1700000202.000100"}, "Ev12")
    assert bot.slack_bot.wait_handled(3)  # all three messages were handled: the last one left alone
    assert len(fake.of("chat.postMessage")) == 2


@pytest.mark.slow
def test_after_a_restart_follow_ups_continue_from_the_thread_on_slack(fake, make_bot):
    thread = "1700000300.000100"
    question = {"user": "U1", "text": "<@UBOT> Who blamed whom for the Idlib clashes?", "ts": thread}
    earlier_answer = {"user": "UBOT", "bot_id": "BBOT", "ts": "1700000300.000200", "thread_ts": thread,
                      "text": "Russia’s foreign ministry (spokesperson Maria Zakharova) blamed Turkey [1].\n"
                              f"[1] {SEED_TITLE} — https://example.org/seed"}
    follow = {"type": "message", "channel": "C1", "channel_type": "channel", "user": "U1",
              "text": "what did she say about the Sochi deal?", "ts": "1700000301.000100", "thread_ts": thread}
    fake.threads[("C1", thread)] = [question, earlier_answer, {**follow, "thread_ts": thread}]
    bot = make_bot()  # a fresh process: nothing in memory
    bot.event(follow, "Ev20")
    [update] = fake.wait_for("chat.update")
    assert "Sochi" in final_text(update)
    assert fake.of("chat.postMessage")[0].params["thread_ts"] == thread
    [replies] = fake.of("conversations.replies")
    assert (replies.params["channel"], replies.params["ts"]) == ("C1", thread)
    # the rebuilt memory holds the earlier turn and the new one
    restored = bot.slack_bot.state.conversation("C1", thread, create=False)
    assert [t.question for t in restored.turns] == ["Who blamed whom for the Idlib clashes?", follow["text"]]
    assert "Zakharova" in restored.resolve("and what did she add?")

    # a thread where the bot never answered: looked up once, then left alone
    others = "1700000400.000100"
    fake.threads[("C1", others)] = [{"user": "U2", "text": "lunch?", "ts": others}]
    for i in range(2):
        bot.event({**follow, "thread_ts": others, "ts": f"1700000401.00010{i}"}, f"Ev3{i}")
    assert bot.slack_bot.wait_handled(3)
    assert len(fake.of("chat.postMessage")) == 1
    assert [c.params["ts"] for c in fake.of("conversations.replies")] == [thread, others]


@pytest.mark.slow
def test_direct_message_is_answered(fake, make_bot):
    bot = make_bot()
    dm = {"type": "message", "channel": "D1", "channel_type": "im", "user": "U1",
          "text": "How many troops has Turkey deployed to Idlib?", "ts": "1700000300.000100"}
    bot.event(dm, "Ev20")
    [update] = fake.wait_for("chat.update")
    assert "5,000" in final_text(update)


def test_retried_event_is_answered_once(fake, make_bot):
    bot = make_bot(_QuickAnswerer())
    event = mention("When was the Sochi memorandum signed?", ts="1700000400.000100")
    assert bot.event(event, "Ev30")[0] == 200
    assert bot.event(event, "Ev30", retry=1)[0] == 200
    fake.wait_for("chat.update")
    assert bot.slack_bot.wait_handled(2)  # the retry was handled too, and not answered
    assert len(fake.of("chat.postMessage")) == 1 and len(fake.of("chat.update")) == 1


@pytest.mark.parametrize("kind", ["wrong secret", "stale", "not a number"])
def test_bad_signatures_get_401_and_no_answer(fake, make_bot, kind):
    bot = make_bot(_QuickAnswerer())
    event = mention("Who blamed whom?")
    if kind == "wrong secret":
        status, _ = bot.event(event, "Ev40", secret="not-the-secret")
    elif kind == "stale":
        status, _ = bot.event(event, "Ev41", timestamp=int(time.time()) - 600)
    else:
        body = json.dumps(event_body(event, "Ev42"))
        headers = sign(body, SECRET)
        headers["X-Slack-Request-Timestamp"] = "yesterday"
        status, _ = bot.post(body, "application/json", headers)
    assert status == 401  # refused before Bolt saw it: no listener can have started
    assert fake.of("chat.postMessage") == [] and bot.slack_bot.wait_handled(0)


def test_url_verification_and_healthz(make_bot):
    bot = make_bot(_QuickAnswerer())
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"})
    status, text = bot.post(body, "application/json", sign(body, SECRET))
    assert status == 200 and "abc123" in text
    with urllib.request.urlopen(f"{bot.url}/healthz", timeout=10) as response:
        assert json.loads(response.read())["ok"] is True


@pytest.mark.slow
def test_slash_command_acks_then_responds(fake, make_bot):
    bot = make_bot()
    status, _ = bot.form({"command": "/ask", "text": "How many troops has Turkey deployed to Idlib?",
                          "user_id": "U1", "channel_id": "C1", "team_id": "T1", "trigger_id": "tr1",
                          "response_url": f"{fake.url}/api/response/cmd1"})
    assert status == 200  # the ack; the answer follows through response_url
    [response] = fake.wait_for("response/cmd1")
    assert response.params["response_type"] == "in_channel" and "5,000" in final_text(response)


@pytest.mark.slow
def test_feedback_and_show_passages_buttons(fake, make_bot, tmp_path):
    bot = make_bot()
    bot.event(mention("How many troops has Turkey deployed to Idlib?", ts="1700000500.000100"), "Ev50")
    [update] = fake.wait_for("chat.update")
    message_ts = update.params["ts"]
    blocks = update.params["blocks"] if isinstance(update.params["blocks"], list) else json.loads(update.params["blocks"])
    show = next(b for b in blocks if b["type"] == "actions")["elements"][0]

    def click(action: dict) -> int:
        payload = {"type": "block_actions", "user": {"id": "U2"}, "team": {"id": "T1"}, "api_app_id": "A1",
                   "container": {"type": "message", "message_ts": message_ts, "channel_id": "C1"},
                   "channel": {"id": "C1"}, "trigger_id": "t1",
                   "message": {"ts": message_ts, "thread_ts": "1700000500.000100", "text": update.params["text"]},
                   "response_url": f"{fake.url}/api/response/act", "actions": [action]}
        return bot.form({"payload": json.dumps(payload)})[0]

    assert click({"action_id": kit.FEEDBACK, "block_id": "fb", "type": "feedback_buttons", "value": "good"}) == 200
    assert click({"action_id": kit.SHOW_PASSAGES, "block_id": "sp", "type": "button", "value": show["value"]}) == 200
    ephemerals = fake.wait_for("chat.postEphemeral", 2)
    texts = " ".join(final_text(c) for c in ephemerals)
    assert "feedback was recorded" in texts and "Retrieved passages" in texts and "5,000 troops" in texts
    [entry] = [json.loads(line) for line in (tmp_path / "feedback.jsonl").read_text().splitlines()]
    assert entry["verdict"] == "good" and entry["user"] == "U2"
    assert entry["question"] == "How many troops has Turkey deployed to Idlib?"
    assert entry["citations"][0]["title"] == SEED_TITLE


def test_rate_limited_web_api_is_retried(fake, make_bot):
    bot = make_bot(_QuickAnswerer())
    fake.rate_limit_next["chat.postMessage"] = 1
    bot.event(mention("How many troops has Turkey deployed to Idlib?", ts="1700000600.000100"), "Ev60")
    fake.wait_for("chat.update")
    assert len(fake.of("chat.postMessage")) == 2  # one 429, then the retry after Retry-After


def test_channels_outside_the_allow_list_are_ignored(fake, make_bot):
    bot = make_bot(_QuickAnswerer(), allowed_channels="C_ALLOWED")
    bot.event(mention("Who blamed whom?", channel="C_OTHER"), "Ev70")
    bot.event(mention("How many troops has Turkey deployed to Idlib?", channel="C_ALLOWED", ts="1700000700.1"), "Ev71")
    fake.wait_for("chat.update")
    assert bot.slack_bot.wait_handled(2)
    assert [c.params["channel"] for c in fake.of("chat.postMessage")] == ["C_ALLOWED"]


def test_per_user_rate_limit_gets_a_polite_reply(fake, make_bot):
    bot = make_bot(_QuickAnswerer(), rate_limit_per_minute=1)
    bot.event(mention("How many troops has Turkey deployed to Idlib?", ts="1700000800.1"), "Ev80")
    fake.wait_for("chat.update")
    bot.event(mention("When was the Sochi memorandum signed?", ts="1700000801.1"), "Ev81")
    posts = fake.wait_for("chat.postMessage", 2)
    assert posts[1].params["text"] == SLOW_DOWN


@pytest.mark.parametrize("text, hint", [("", "Please type a question"), ("x" * 2500, "under 2,000")])
@pytest.mark.slow
def test_empty_and_huge_questions_get_helpful_replies(fake, make_bot, text, hint):
    bot = make_bot()
    bot.event(mention(text, ts="1700000900.1"), "Ev90")
    [update] = fake.wait_for("chat.update")
    assert hint in update.params["text"]


def test_bot_messages_and_edits_are_ignored(fake, make_bot):
    bot = make_bot(_QuickAnswerer())
    base = {"type": "message", "channel": "D1", "channel_type": "im", "ts": "1700001000.1"}
    bot.event({**base, "bot_id": "B9", "text": "How many troops?"}, "Ev100")
    bot.event({**base, "subtype": "message_changed", "message": {"text": "How many troops?"}}, "Ev101")
    assert bot.slack_bot.wait_handled(2)
    assert fake.of("chat.postMessage") == []


def test_an_error_becomes_an_apology_in_the_thread(fake, make_bot):
    class Broken:
        streams, retriever = False, None

        def answer(self, *args, **kwargs):
            raise RuntimeError("boom")

    bot = make_bot(Broken())
    bot.event(mention("Who blamed whom?", ts="1700001100.1"), "Ev110")
    [update] = fake.wait_for("chat.update")
    assert update.params["text"] == APOLOGY


@pytest.mark.slow
def test_secrets_never_print(settings_for):
    settings = settings_for(bot_token="xoxb-secret-value", signing_secret="shh")
    assert "xoxb-secret-value" not in repr(settings) and "shh" not in str(settings)


@pytest.mark.slow
def test_socket_mode_end_to_end(fake, settings_for, answerer, tmp_path):
    """A local WebSocket server speaks the Socket Mode protocol to the real SocketModeHandler."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from websockets.sync.server import serve

    acks: list[dict] = []
    delivered = threading.Event()

    def session(ws):
        ws.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        envelope = {
            "envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False, "retry_attempt": 0,
            "payload": event_body(mention("How many troops has Turkey deployed to Idlib?", ts="1700001200.1"), "EvS1"),
        }
        ws.send(json.dumps(envelope))
        delivered.set()
        try:
            for message in ws:
                acks.append(json.loads(message))
        except Exception:
            pass

    with serve(session, "127.0.0.1", 0) as ws_server:
        threading.Thread(target=ws_server.serve_forever, daemon=True).start()
        fake.socket_url = f"ws://127.0.0.1:{ws_server.socket.getsockname()[1]}/link"
        settings = settings_for(bot_token="xoxb-test", app_token="xapp-test", api_url=fake.api_url,
                                feedback_log=tmp_path / "fb.jsonl")
        app = create_app(settings, answerer, make_client(settings))
        handler = SocketModeHandler(app, settings.slack.app_token.get())
        handler.connect()
        try:
            [update] = fake.wait_for("chat.update")
            assert "5,000" in final_text(update)
            deadline = time.time() + 10
            while not acks and time.time() < deadline:
                time.sleep(0.05)
            assert acks and acks[0]["envelope_id"] == "env-1"
            assert fake.of("apps.connections.open")[0].headers.get("Authorization") == "Bearer xapp-test"
        finally:
            handler.close()
            ws_server.shutdown()


def test_thread_history_becomes_turns_and_notices_do_not():
    from bot.slack.history import conversation_from_replies

    messages = [
        {"user": "U1", "text": "<@UBOT> who won the election in Peru?", "ts": "1"},
        {"user": "UBOT", "bot_id": "B1", "text": f"_{kit.THINKING}_", "ts": "2"},  # a placeholder never updated
        {"user": "U1", "text": "<@UBOT> Who blamed whom for the Idlib clashes?", "ts": "3"},
        {"user": "UBOT", "bot_id": "B1", "text": "Russia blamed Turkey [1].\n[1] Seed title — https://x", "ts": "4"},
        {"user": "U2", "text": "joined", "subtype": "channel_join", "ts": "5"},
        {"user": "U1", "text": "and why?", "ts": "6"},  # not answered yet: the message being handled
    ]
    conversation = conversation_from_replies(messages, "UBOT", 6, notices=(f"_{kit.THINKING}_", APOLOGY))
    assert [(t.question, t.answer.answer) for t in conversation.turns] == [
        ("Who blamed whom for the Idlib clashes?", "Russia blamed Turkey [1].")]
    assert conversation_from_replies(messages[:1] + messages[4:], "UBOT", 6) is None  # the bot never spoke


def test_thread_history_reads_the_segments_the_bot_left_as_metadata():
    from bot.slack.history import conversation_from_replies
    from bot.types import Answer, Citation, Phrase, Segment, ShortAnswer

    cited = Citation(1, "a1b2c3", "Chiefs win the Super Bowl", "Wire", "2023-02-13", "", "",
                     "Patrick Mahomes was named MVP.",
                     "Patrick Mahomes was named MVP.")
    said = Answer("Who was named MVP?", (Segment("Patrick Mahomes", (1,), "short"),
                                        Segment("Patrick Mahomes was named MVP.", (1,))), True, (cited,),
                  short_answer=ShortAnswer((Phrase("Patrick Mahomes", 1, 0, 15),), "PERSON"))
    messages = [
        {"user": "U1", "text": "<@UBOT> Who was named MVP?", "ts": "1"},
        {"user": "UBOT", "bot_id": "B1", "text": "garbled [9] text", "ts": "2", "metadata": kit.answer_metadata(said)},
    ]
    conversation = conversation_from_replies(messages, "UBOT", 6)
    turn = conversation.turns[0]
    assert turn.answer.segments == said.segments  # read from the metadata, not parsed from the text
    assert conversation.focus("How many yards did he throw for?") == "Patrick Mahomes"
    assert conversation.recent_articles() == ("a1b2c3",)  # a follow-up still prefers the cited article


def wait_for_log(caplog, text: str, count: int = 1, timeout: float = 30) -> None:
    """A positive signal that the bot finished with a request it was meant to ignore."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if sum(text in r.getMessage() for r in caplog.records) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} log line(s) with {text!r}")


def test_a_replayed_slash_command_is_answered_once(fake, make_bot, caplog):
    caplog.set_level("INFO", logger="bot.slack.listeners")
    bot = make_bot(_QuickAnswerer())
    fields = {"command": "/ask", "text": "How many troops has Turkey deployed to Idlib?", "user_id": "U1",
              "channel_id": "C1", "team_id": "T1", "trigger_id": "tr-replay", "response_url": f"{fake.url}/api/response/r1"}
    body = urllib.parse.urlencode(fields)
    headers = sign(body, SECRET)  # one captured request, sent three times within the replay window
    for _ in range(3):
        assert bot.post(body, "application/x-www-form-urlencoded", headers)[0] == 200
    fake.wait_for("response/r1")
    wait_for_log(caplog, "repeated /ask", count=2)  # both replays were handled, and ignored
    assert len(fake.of("response/r1")) == 1


@pytest.mark.slow
def test_buttons_apply_the_channel_and_value_checks(fake, make_bot, tmp_path, caplog):
    caplog.set_level("INFO", logger="bot.slack.listeners")
    bot = make_bot()
    bot.event(mention("How many troops has Turkey deployed to Idlib?", ts="1700000700.000100"), "Ev70")
    [update] = fake.wait_for("chat.update")
    blocks = update.params["blocks"] if isinstance(update.params["blocks"], list) else json.loads(update.params["blocks"])
    key = next(b for b in blocks if b["type"] == "actions")["elements"][0]["value"]

    def click(channel: str, action: dict) -> int:
        payload = {"type": "block_actions", "user": {"id": "U3"}, "team": {"id": "T1"}, "api_app_id": "A1",
                   "container": {"type": "message", "message_ts": update.params["ts"], "channel_id": channel},
                   "channel": {"id": channel}, "trigger_id": "t9",
                   "message": {"ts": update.params["ts"], "thread_ts": "1700000700.000100", "text": "x"},
                   "response_url": f"{fake.url}/api/response/act", "actions": [action]}
        return bot.form({"payload": json.dumps(payload)})[0]

    # "Show passages" of an answer given in C1, clicked in C2: refused, nothing shown
    assert click("C2", {"action_id": kit.SHOW_PASSAGES, "block_id": "sp", "type": "button", "value": key}) == 200
    [refusal] = fake.wait_for("chat.postEphemeral")
    assert "only show the passages of an answer given in this channel" in refusal.params["text"]
    assert "blocks" not in refusal.params
    # a verdict outside the buttons' values is not stored
    forged = {"action_id": kit.FEEDBACK, "block_id": "fb", "type": "feedback_buttons", "value": "x" * 10_000}
    assert click("C1", forged) == 200
    wait_for_log(caplog, "feedback ignored")
    assert not (tmp_path / "feedback.jsonl").exists()
    assert len(fake.of("chat.postEphemeral")) == 1


@pytest.mark.slow
def test_direct_messages_follow_their_setting(settings_for, answerer):
    from bot.slack.listeners import SlackBot

    open_dms = SlackBot(settings_for(allowed_channels="C1"), answerer)
    assert open_dms.allowed("D1") and open_dms.allowed("C1") and not open_dms.allowed("C2")
    closed = SlackBot(settings_for(allowed_channels="C1", allow_direct_messages=False), answerer)
    assert not closed.allowed("D1") and closed.allowed("C1")


def raw_request(bot, head: bytes, body: bytes = b"", timeout: float = 10) -> bytes:
    import socket

    with socket.create_connection(("127.0.0.1", bot.server.server_address[1]), timeout=timeout) as sock:
        sock.sendall(head + body)
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
            if b"\r\n\r\n" in b"".join(chunks):
                break
        return b"".join(chunks)


def test_unsigned_and_malformed_requests_are_refused_before_parsing(fake, make_bot, caplog):
    caplog.set_level("INFO")
    bot = make_bot(_QuickAnswerer())
    secret_body = "not json at all <script>"
    assert bot.post(secret_body, "application/json")[0] == 401  # no signature: never parsed
    assert bot.post(secret_body, "application/json", sign(secret_body, "wrong-secret"))[0] == 401
    assert bot.post("{not json", "application/json", sign("{not json", SECRET))[0] == 400  # signed, malformed
    broken_form = "payload=%7Bnot-json"
    assert bot.post(broken_form, "application/x-www-form-urlencoded", sign(broken_form, SECRET))[0] == 400
    deep = '{"a":' * 25_000 + "1" + "}" * 25_000  # nested 25,000 deep: json.loads' RecursionError
    assert bot.post(deep, "application/json", sign(deep, SECRET))[0] == 400
    assert _post_bytes(bot, b'{"type": "event_callback", "x": "\xff\xfe"}')[0] == 400  # invalid UTF-8
    form = b"payload=%7B%22type%22%3A%22%FF%FE%22%7D"  # bad bytes inside %-escapes
    assert _post_bytes(bot, form, "application/x-www-form-urlencoded")[0] == 400
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    assert not any("Traceback" in (r.exc_text or "") for r in caplog.records)
    assert not any("<script>" in r.getMessage() for r in caplog.records)  # bodies are never logged
    # the first refusal is logged at once, later ones in a summary at most once a minute
    assert sum("badly signed" in r.getMessage() for r in caplog.records) == 1


def _post_bytes(bot, body: bytes, content_type: str = "application/json") -> tuple[int, str]:
    """A signed request whose body is raw bytes (the signature covers them as Slack's would)."""
    import hashlib
    import hmac

    timestamp = str(int(time.time()))
    signature = "v0=" + hmac.new(SECRET.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(f"{bot.url}/slack/events", data=body, method="POST", headers={
        "Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_refused_requests_are_logged_as_a_summary_at_most_once_a_minute(caplog):
    from bot.slack.run import RefusalLog

    now = [1000.0]
    refusals = RefusalLog(60.0, clock=lambda: now[0])
    caplog.set_level("INFO", "bot.slack.run")
    for i in range(1450):
        refusals.add(f"10.0.0.{i % 3}")
        now[0] += 0.001
    assert len(caplog.records) == 1
    now[0] += 61
    refusals.add("10.0.0.9")
    assert len(caplog.records) == 2
    assert "refused 1450 unsigned or badly signed requests in the last 60 s" in caplog.records[1].getMessage()


def test_a_huge_declared_body_is_refused_without_being_read(make_bot):
    bot = make_bot(_QuickAnswerer())
    head = (b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000000000\r\n\r\n")
    response = raw_request(bot, head, b"0123456789")
    assert response.startswith(b"HTTP/1.1 413")


def test_stalled_clients_do_not_hold_the_server(make_bot):
    import socket

    bot = make_bot(_QuickAnswerer())
    stalled = []
    try:
        for _ in range(60):  # each sends half a request line and stops
            sock = socket.create_connection(("127.0.0.1", bot.server.server_address[1]), timeout=5)
            sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Le")
            stalled.append(sock)
        with urllib.request.urlopen(f"{bot.url}/readyz", timeout=5) as response:  # answered meanwhile
            assert response.status == 200 and json.loads(response.read())["ok"] is True
    finally:
        for sock in stalled:
            sock.close()


def test_socket_mode_down_for_too_long_is_noticed(fake, tmp_path):
    """A Socket Mode client that cannot connect (the WebSocket URL refuses): the health file says
    so and the supervisor gives up after the configured time, so the process can exit and be restarted."""
    import socket

    from slack_sdk.socket_mode.builtin import SocketModeClient

    from bot.slack.run import supervise

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    fake.socket_url = f"ws://127.0.0.1:{dead}/link"
    client = SocketModeClient(app_token="xapp-test", web_client=make_client_for(fake), auto_reconnect_enabled=False)
    health = tmp_path / "health.json"
    down = supervise(client, health, give_up_s=1.0, every_s=0.2)
    assert down >= 1.0
    state = json.loads(health.read_text())
    assert state["connected"] is False and state["down_s"] >= 1.0


def make_client_for(fake):
    from slack_sdk import WebClient

    return WebClient(token="xoxb-test", base_url=fake.api_url)


@pytest.mark.slow
def test_the_load_script_answers_every_event_once(seed_index):
    from bench.slack_load import run

    result = run(seed_index, events=12, concurrency=6)
    assert result["connection_errors"] == 0 and result["statuses"] == {"200": 12}
    assert result["answered_exactly_once"] == 12 and result["answered_twice_or_more"] == 0
    assert result["answer_ms"]["n"] == 12


@pytest.mark.slow
def test_shutdown_finishes_the_answers_under_way(fake, make_bot, answerer):
    import threading as _threading

    release = _threading.Event()

    class Slow:
        """The real answerer, held back until the server has been told to stop."""

        streams, retriever = False, answerer.retriever

        def answer(self, *args, **kwargs):
            release.wait(10)
            return answerer.answer(*args, **kwargs)

    bot = make_bot(Slow())
    bot.event(mention("How many troops has Turkey deployed to Idlib?", ts="1700002000.1"), "EvStop")
    fake.wait_for("chat.postMessage")  # the placeholder: the answer is under way
    bot.server.shutdown()  # what SIGTERM does: no new requests
    release.set()
    assert bot.slack_bot.drain(30)
    [update] = fake.of("chat.update")
    assert "5,000" in final_text(update)


@pytest.mark.slow
def test_two_messages_of_one_thread_take_turns(fake, make_bot, answerer):
    import threading as _threading

    inside, most = [0], [0]
    guard = _threading.Lock()

    class Counting:
        """The real answerer, noting how many answers of the same thread run at once."""

        streams, retriever = False, answerer.retriever

        def answer(self, question, conversation=None, k=None):
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            try:
                _threading.Event().wait(0.3)  # long enough for the other message to arrive meanwhile
                return answerer.answer(question, conversation, k)
            finally:
                with guard:
                    inside[0] -= 1

    bot = make_bot(Counting())
    thread = "1700003000.000100"
    bot.event(mention("Who blamed whom for the Idlib clashes?", ts=thread), "EvT0")
    fake.wait_for("chat.update")
    follow = {"type": "message", "channel": "C1", "channel_type": "channel", "user": "U1", "thread_ts": thread}
    bot.event({**follow, "text": "and how many troops?", "ts": "1700003001.1"}, "EvT1")
    bot.event({**follow, "text": "and when was the memorandum signed?", "ts": "1700003001.2"}, "EvT2")
    assert bot.slack_bot.wait_handled(3)
    assert len(fake.of("chat.update")) == 3 and most[0] == 1
    turns = bot.slack_bot.state.conversation("C1", thread, create=False).turns
    assert len(turns) == 3  # both follow-ups remembered, one after the other


@pytest.mark.slow
def test_show_passages_works_on_a_process_that_did_not_give_the_answer(fake, make_bot):
    first, second = make_bot(), make_bot()  # two bot processes' worth of state, one index
    first.event(mention("How many troops has Turkey deployed to Idlib?", ts="1700004000.000100"), "EvR1")
    [update] = fake.wait_for("chat.update")
    blocks = update.params["blocks"] if isinstance(update.params["blocks"], list) else json.loads(update.params["blocks"])
    value = next(b for b in blocks if b["type"] == "actions")["elements"][0]["value"]
    assert len(value) <= 2000 and json.loads(value)["ids"]  # the chunks travel in the button itself
    payload = {"type": "block_actions", "user": {"id": "U2"}, "team": {"id": "T1"}, "api_app_id": "A1",
               "container": {"type": "message", "message_ts": update.params["ts"], "channel_id": "C1"},
               "channel": {"id": "C1"}, "trigger_id": "t-r",
               "message": {"ts": update.params["ts"], "thread_ts": "1700004000.000100", "text": "x"},
               "response_url": f"{fake.url}/api/response/act",
               "actions": [{"action_id": kit.SHOW_PASSAGES, "block_id": "sp", "type": "button", "value": value}]}
    assert second.form({"payload": json.dumps(payload)})[0] == 200
    [shown] = fake.wait_for("chat.postEphemeral")
    assert shown.params["text"] == "Retrieved passages" and "5,000 troops" in final_text(shown)
    assert second.slack_bot.state.recall_answer(json.loads(value)["key"]) is None  # not from its memory


def test_a_flood_of_slow_drip_clients_does_not_stop_real_events(fake, make_bot):
    """1,050 clients each sending one header byte every second or two (no secret needed) while 30
    signed events arrive: every event is acked within 3 s, and the drips are closed within the
    request deadline instead of holding connections forever."""
    import resource
    import socket
    from concurrent.futures import ThreadPoolExecutor

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 4000:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(4000, hard), hard))
    bot = make_bot(_QuickAnswerer())
    port = bot.server.server_address[1]
    drips: list[socket.socket] = []
    stop = threading.Event()
    try:
        for _ in range(1050):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.setblocking(False)
            sock.send(b"P")
            drips.append(sock)

        def drip():
            while not stop.is_set():
                for sock in drips:
                    try:
                        sock.send(b"O")
                    except OSError:
                        pass
                stop.wait(1.0)

        threading.Thread(target=drip, daemon=True).start()
        started = time.monotonic()

        def one(i):
            sent = time.monotonic()
            status, _ = bot.event(mention(f"Question {i}?", ts=f"17000300{i:02d}.000100"), f"EvFlood{i}")
            return status, time.monotonic() - sent

        with ThreadPoolExecutor(10) as pool:
            results = list(pool.map(one, range(30)))
        assert all(status == 200 for status, _ in results)
        assert max(took for _, took in results) < 3.0, results
        assert time.monotonic() - started < 10
        # the drips are cut at the request deadline (10 s) however steadily they drip
        deadline = time.monotonic() + 20
        closed = 0
        while time.monotonic() < deadline:
            closed = 0
            for sock in drips:
                try:
                    if sock.recv(1) == b"":
                        closed += 1
                except BlockingIOError:
                    pass
                except OSError:
                    closed += 1
            if closed == len(drips):
                break
            time.sleep(0.5)
        assert closed == len(drips)
    finally:
        stop.set()
        for sock in drips:
            sock.close()


def test_malformed_events_and_buttons_get_a_quiet_ack_and_one_log_line(fake, make_bot, caplog):
    """Signed but broken payloads (no channel, mistyped fields, a button whose value is an object):
    each is acked at once, logged in one line, and answered with nothing, never a traceback."""
    caplog.set_level("INFO")
    bot = make_bot(_QuickAnswerer())
    before = bot.slack_bot.counts()["handled"]
    broken = [
        {"type": "app_mention", "user": "U1", "text": "<@UBOT> hi", "ts": "1700040000.000100", "event_ts": "1"},
        {"type": "app_mention", "user": "U1", "text": ["<@UBOT>", "hi"], "ts": "1700040001.000100", "channel": "C1"},
        {"type": "app_mention", "user": {"id": "U1"}, "text": "<@UBOT> hi", "ts": "1700040002.000100", "channel": "C1"},
        {"type": "message", "user": "U1", "text": "hi", "ts": 1700040003, "channel": "D1", "channel_type": "im"},
    ]
    for i, event in enumerate(broken):
        started = time.monotonic()
        assert bot.event(event, f"EvBroken{i}")[0] == 200
        assert time.monotonic() - started < 3
    payload = {"type": "block_actions", "user": {"id": "U2"}, "team": {"id": "T1"}, "api_app_id": "A1",
               "channel": {"id": "C1"}, "trigger_id": "t1", "message": {"ts": "1", "text": "x"},
               "response_url": f"{fake.url}/api/response/act",
               "actions": [{"action_id": kit.FEEDBACK, "block_id": "fb", "type": "feedback_buttons",
                            "value": {"nested": ["object"]}}]}
    started = time.monotonic()
    assert bot.form({"payload": json.dumps(payload)})[0] == 200
    assert time.monotonic() - started < 3
    assert bot.slack_bot.wait_handled(before + len(broken) + 1, timeout=10)
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL") or r.exc_info]
    assert sum("ignored a malformed" in r.getMessage() for r in caplog.records) == len(broken)
    assert any("feedback ignored" in r.getMessage() for r in caplog.records)
    assert not fake.of("chat.postMessage") and not fake.of("chat.postEphemeral")


def test_a_connection_cut_without_a_close_frame_is_noticed_within_15_s(fake, tmp_path):
    """The WebSocket's TCP connection is closed under the client with no close frame (a NAT or a
    load balancer dropping it): the health file says "not connected" within 15 s, where the
    client's default pings had noticed nothing for ~52 s."""
    import socket as sockets

    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from websockets.sync.server import serve

    from bot.slack.run import PING_INTERVAL_S, supervise

    cut = threading.Event()
    cut_at: list[float] = []

    def session(ws):
        ws.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        time.sleep(1.0)
        with sockets.socket() as probe:  # any reconnection now fails: the health file must say so
            probe.bind(("127.0.0.1", 0))
            fake.socket_url = f"ws://127.0.0.1:{probe.getsockname()[1]}/link"
        cut_at.append(time.monotonic())
        ws.socket.shutdown(sockets.SHUT_RDWR)  # a plain TCP close: no close frame
        cut.wait(30)

    from slack_bolt import App

    with serve(session, "127.0.0.1", 0) as ws_server:
        threading.Thread(target=ws_server.serve_forever, daemon=True).start()
        fake.socket_url = f"ws://127.0.0.1:{ws_server.socket.getsockname()[1]}/link"
        app = App(client=make_client_for(fake), signing_secret="x", token_verification_enabled=False)
        handler = SocketModeHandler(app, "xapp-test", ping_interval=PING_INTERVAL_S)
        handler.connect()
        health = tmp_path / "health.json"
        stop = threading.Event()
        watcher = threading.Thread(target=supervise, args=(handler.client, health, 60.0, 0.5, stop), daemon=True)
        watcher.start()
        try:
            deadline = time.monotonic() + 30
            noticed = None
            while time.monotonic() < deadline:
                if cut_at and health.exists() and json.loads(health.read_text())["connected"] is False:
                    noticed = time.monotonic() - cut_at[0]
                    break
                time.sleep(0.2)
            assert noticed is not None and noticed <= 15, noticed
        finally:
            stop.set()
            cut.set()
            handler.close()
            ws_server.shutdown()
