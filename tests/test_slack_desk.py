"""The news desk in Slack (issue #26): App Home, link unfurls, message shortcuts, scheduled digests.

Pure parts (views within Slack's limits, schedules on a moved clock, figures across outlets) run
without the model; the end-to-end tests drive the real Bolt App over real HTTP (and Socket Mode)
against the Web API stand-in, on an index of the flood story told by four outlets."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.settings import SlackSettings
from bot.slack import home
from bot.slack.desk import links_in, question_from
from bot.slack.schedules import DigestScheduler, ScheduleError, last_occurrence, parse_request
from bot.slack.state import MemoryState
from tests.slack_fake import FakeSlack
from tests.test_slack import SECRET, Bot, _QuickAnswerer


def valid_view(view: dict) -> dict:
    View(**view).validate_json()  # slack_sdk's own checks (block count, text sizes, types)
    assert len(view["blocks"]) <= 100
    for block in view["blocks"]:
        Block.parse(block).validate_json()
        text = (block.get("text") or {}).get("text", "")
        assert len(text) <= 3000
    return view


def _news(n: int, new: int = 0) -> home.TopicNews:
    return home.TopicNews(f"topic number {n} " + "with a long name " * 5, "U1" if n % 2 else "C9", 12, new,
                          {"title": "A headline " * 30, "url": f"https://news.example/{n}", "source": "Wire",
                           "published": "2023-03-06"})


STORY = {"id": "s1", "label": "Floods in Brova kill at least 40 " * 10, "sources": ["A", "B"], "first_date": "2023-03-05",
         "last_date": "2023-03-08", "names": ["Brova"],
         "articles": [{"article_id": "a", "title": "t " * 200, "source": "A", "published": "2023-03-08",
                       "url": "https://a.example/x"}]}


def test_app_home_fits_slack_limits_with_no_follows_fifty_follows_and_an_empty_index():
    empty = valid_view(home.home_view(home.HomeData("U1")))
    text = json.dumps(empty)
    assert "You follow nothing yet" in text and "The index holds no stories yet" in text
    assert any(b["type"] == "input" and b["element"]["action_id"] == home.FOLLOW for b in empty["blocks"])

    full = valid_view(home.home_view(home.HomeData("U1", [_news(n, n % 3) for n in range(50)], [STORY] * 10,
                                                   home.suggestions([STORY] * 10), 2346, "newest article 2023-03-31")))
    buttons = [b for b in full["blocks"] if b.get("accessory", {}).get("action_id") == home.UNFOLLOW]
    assert len(buttons) == home.MAX_FOLLOWS_SHOWN
    assert "…and 10 more" in json.dumps(full, ensure_ascii=False)
    assert json.loads(buttons[1]["accessory"]["value"]) == {"ch": "U1", "t": _news(1).topic}
    assert "posts in <#C9>" in buttons[0]["text"]["text"] and "*1 new* since you last looked" in buttons[1]["text"]["text"]
    assert buttons[1]["text"]["text"].count("\n") == 2  # topic, counts, newest: one line each
    assert sum(b.get("accessory", {}).get("action_id") == home.ASK for b in full["blocks"]) == 1  # one distinct question
    assert "newest article 2023-03-31" in json.dumps(full)


def test_message_text_gives_links_and_a_question():
    text = "see <https://a.example/x?utm_source=t|this> and https://b.example/y. <@U1> <#C1|news>"
    assert links_in(text) == ["https://a.example/x?utm_source=t", "https://b.example/y"]
    assert question_from("<@U1> what about <https://a.example/x|the Brova floods>?") == "what about the Brova floods?"


def test_outlets_that_state_different_figures_are_found_without_a_question():
    from bot.disagreements import figures_across_outlets

    found = figures_across_outlets([
        ("Wire One", "Floods killed at least 40 people on Sunday. About 3,000 residents spent the night in schools."),
        ("Daily Two", "At least 35 people died in the floods. Hospitals treated more than 200 people."),
        ("Channel Three", "Rescuers said 52 people died. The river rose for 6 hours in 1952.")])
    [people] = [d for d in found if d.about == "people"]
    assert [(c.source, c.number) for c in people.claims] == [("Wire One", 40), ("Daily Two", 35), ("Channel Three", 52)]
    assert all(d.about not in ("hours", "in") for d in found)  # spans of time and years are not figures
    same = figures_across_outlets([("A", "At least 40 people died."), ("B", "Some 40 people died.")])
    assert same == []


# ---------------------------------------------------------------- scheduled digests (a moved clock)


class Clock:
    def __init__(self, when: str) -> None:
        self.now = datetime.fromisoformat(when).timestamp()

    def __call__(self) -> float:
        return self.now

    def set(self, when: str) -> None:
        self.now = datetime.fromisoformat(when).timestamp()


def scheduler(clock, state=None) -> DigestScheduler:
    return DigestScheduler(state or MemoryState(SlackSettings(), 6), default_tz="Europe/Berlin", clock=clock)


def test_a_daily_digest_is_posted_once_a_day_at_its_local_time(caplog):
    clock = Clock("2023-03-06T09:00:00+01:00")
    digests = scheduler(clock)
    schedule = digests.add("C1", "U1", "08:00 Brova floods")
    assert (schedule.at, schedule.tz, schedule.topic) == ("08:00", "Europe/Berlin", "Brova floods")
    posted = []
    assert digests.tick(posted.append) == []  # today's 08:00 had passed when it was set up: not owed
    clock.set("2023-03-07T07:59:00+01:00")
    assert digests.tick(posted.append) == []
    clock.set("2023-03-07T08:00:30+01:00")
    assert digests.tick(posted.append) == [(schedule.id, "posted")] and posted[0].topic == "Brova floods"
    assert digests.tick(posted.append) == []  # once
    # down from before 08:00 until 08:40: posted once on return (40 minutes late)
    clock.set("2023-03-08T08:40:00+01:00")
    assert digests.tick(posted.append) == [(schedule.id, "posted")] and len(posted) == 2
    # down until 09:30 (90 minutes late): skipped and logged, not posted
    clock.set("2023-03-09T09:30:00+01:00")
    with caplog.at_level(logging.WARNING):
        assert digests.tick(posted.append) == [(schedule.id, "skipped")] and len(posted) == 2
    assert sum("90 min late: skipped" in r.getMessage() for r in caplog.records) == 1
    clock.set("2023-03-09T23:00:00+01:00")
    assert digests.tick(posted.append) == []  # the skipped one is not posted later either
    # the summer-time change (26 March in Berlin) keeps 08:00 local
    clock.set("2023-03-27T08:01:00+02:00")
    assert digests.tick(posted.append) == [(schedule.id, "posted")]
    assert last_occurrence("08:00", "Europe/Berlin", datetime(2023, 3, 27, 7, 0, tzinfo=timezone.utc)).hour == 6
    assert [s.id for s in digests.stop("C1", schedule.id)] == [schedule.id] and digests.schedules() == []


def test_schedule_requests_that_cannot_be_understood_say_what_to_type():
    assert parse_request("7:05 UTC", "Europe/Berlin") == ("07:05", "UTC", "")
    assert parse_request("18:30 America/New_York Fed rates", "UTC") == ("18:30", "America/New_York", "Fed rates")
    for bad in ("", "8am", "25:00", "08:00 Mars/Base topic"):
        with pytest.raises(ScheduleError):
            parse_request(bad, "UTC")
    digests = scheduler(Clock("2023-03-06T09:00:00+01:00"))
    digests.add("C1", "U1", "08:00")
    with pytest.raises(ScheduleError, match="already scheduled"):
        digests.add("C1", "U2", "08:00")
    assert len(digests.schedules("C1")) == 1 and digests.schedules("C2") == []


TWO_REPLICAS = textwrap.dedent("""
    import json, sys, time
    from bot.settings import SlackSettings
    from bot.slack.schedules import DigestScheduler
    from bot.slack.state import MemoryState
    from bot.slack.state_redis import RedisState
    url, start_at, now = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    state = RedisState(url, SlackSettings(), 6, MemoryState(SlackSettings(), 6))
    digests = DigestScheduler(state, default_tz="UTC", clock=lambda: now)
    while time.time() < start_at:  # both replicas look at the same moment
        pass
    print(json.dumps(digests.tick(lambda schedule: None)))
""")


def test_with_two_replicas_on_redis_exactly_one_posts_each_digest(tmp_path):
    from bot.slack.state_redis import RedisState
    from tests.redis_server import RedisProcess

    server = RedisProcess(tmp_path)
    try:
        state = RedisState(server.url, SlackSettings(), 6, MemoryState(SlackSettings(), 6))
        set_up = DigestScheduler(state, default_tz="UTC", clock=Clock("2023-03-06T09:00:00+00:00"))
        ids = {set_up.add("C1", "U1", f"08:0{n} topic {n}").id for n in range(5)}
        script = tmp_path / "replica.py"
        script.write_text(TWO_REPLICAS)
        import time

        for day in (7, 8):
            now = datetime.fromisoformat(f"2023-03-0{day}T08:30:00+00:00").timestamp()
            start_at = time.time() + 3
            runs = [subprocess.Popen([sys.executable, str(script), server.url, str(start_at), str(now)],
                                     stdout=subprocess.PIPE, text=True) for _ in range(2)]
            outcomes = [json.loads(r.communicate(timeout=60)[0]) for r in runs]
            posted = [i for outcome in outcomes for i, what in outcome if what == "posted"]
            assert sorted(posted) == sorted(ids), outcomes  # each digest once, by one replica or the other
    finally:
        server.stop()


# ---------------------------------------------------------------- payloads the handlers cannot read


@pytest.fixture
def quick_bot(tmp_path):
    from bot.settings import load_settings

    fake = FakeSlack()
    settings = load_settings({}, None, {"index": {"index_dir": tmp_path / "no-index"}, "slack": {
        "bot_token": "xoxb-test", "signing_secret": SECRET, "api_url": fake.api_url, "allowed_channels": "C1",
        "follows_file": tmp_path / "follows.json", "feedback_log": tmp_path / "feedback.jsonl"}})
    bot = Bot(settings, _QuickAnswerer())
    yield bot, fake
    bot.close()
    fake.close()


def interactive(bot, payload: dict):
    return bot.form({"payload": json.dumps(payload)})


def test_forged_or_broken_desk_payloads_get_a_quiet_ack_and_one_log_line(quick_bot, caplog):
    bot, fake = quick_bot
    user = {"id": "U1"}
    broken = [
        ("event", {"type": "link_shared", "channel": "C1", "message_ts": "1.2", "links": "https://x"}),
        ("event", {"type": "link_shared", "channel": "C1", "links": [{"url": "https://x.example/a"}]}),
        ("event", {"type": "app_home_opened", "tab": "home"}),
        ("event", {"type": "app_home_opened", "user": "U1", "tab": "messages"}),
        ("form", {"type": "message_action", "callback_id": "newsbot_ask_about", "trigger_id": "t1", "user": user,
                  "channel": {"id": "C1"}, "team": {"id": "T1"}, "message": "not an object"}),
        ("form", {"type": "message_action", "callback_id": "newsbot_add_link", "trigger_id": "t2", "user": user,
                  "channel": {"id": "C1"}, "team": {"id": "T1"}}),
        ("form", {"type": "view_submission", "user": user, "team": {"id": "T1"}, "view": {"callback_id": "x"}}),
        ("form", {"type": "view_submission", "user": user, "team": {"id": "T1"}, "view": {
            "type": "modal", "callback_id": "newsbot_ask_modal", "private_metadata": "{not json",
            "state": {"values": {"question": {"text": {"type": "plain_text_input", "value": "Who?"}}}}}}),
        ("form", {"type": "view_submission", "user": user, "team": {"id": "T1"}, "view": {
            "type": "modal", "callback_id": "newsbot_ask_modal", "private_metadata": json.dumps({"ch": ["C1"], "ts": 5}),
            "state": {"values": {"question": {"text": {"type": "plain_text_input", "value": "Who?"}}}}}}),
        ("form", {"type": "block_actions", "user": user, "team": {"id": "T1"}, "container": {"type": "view"},
                  "actions": [{"action_id": home.UNFOLLOW, "block_id": "b", "type": "button", "value": "{]"}]}),
        ("form", {"type": "block_actions", "user": user, "team": {"id": "T1"}, "container": {"type": "view"},
                  "actions": [{"action_id": home.FOLLOW, "block_id": "b", "type": "plain_text_input", "value": None}]}),
    ]
    before = bot.slack_bot.counts()["handled"]
    with caplog.at_level(logging.INFO):
        for n, (kind, payload) in enumerate(broken):
            status, _ = (bot.event(payload, f"EvBroken{n}") if kind == "event" else interactive(bot, payload))
            assert status == 200, payload
        assert bot.slack_bot.wait_handled(before + len(broken) - 1, timeout=20)  # one never reaches Bolt
    lines = [r.getMessage() for r in caplog.records if "ignored a malformed" in r.getMessage()]
    assert len(lines) == len(broken), lines
    assert not any(r.exc_info or r.levelno >= logging.ERROR for r in caplog.records)
    assert not fake.of("chat.unfurl") and not fake.of("views.open") and not fake.of("chat.postMessage")


def test_desk_handlers_keep_to_the_allowed_channels(quick_bot):
    bot, fake = quick_bot
    message = {"type": "message", "text": "see https://a.example/x", "ts": "1.2", "user": "U2"}
    for callback in ("newsbot_ask_about", "newsbot_add_link"):
        assert interactive(bot, {"type": "message_action", "callback_id": callback, "trigger_id": "t1",
                                 "user": {"id": "U1"}, "channel": {"id": "C2"}, "team": {"id": "T1"},
                                 "message": message})[0] == 200
    said = fake.wait_for("chat.postEphemeral", 2)
    assert all(c.params["text"] == "I'm not enabled in this channel." for c in said)
    assert bot.event({"type": "link_shared", "channel": "C2", "message_ts": "1.2", "user": "U2",
                      "links": [{"url": "https://a.example/x", "domain": "a.example"}]}, "EvC2")[0] == 200
    assert bot.slack_bot.wait_handled(3, timeout=20)
    assert not fake.of("views.open") and not fake.of("chat.unfurl")


# ---------------------------------------------------------------- end to end, the real model and App


@pytest.fixture(scope="module")
def desk(tmp_path_factory, embedder):
    """The bot over HTTP on an index of the flood story (four outlets) among other news; the
    follow-up article is added later by the tests that need "what is new"."""
    import shutil

    from bot.service import make_answerer
    from bot.settings import load_settings
    from index.build import sync_index
    from tests import news_site as ns
    from tests.conftest import OTHER_ARTICLES, SEED_FILE
    from tests.story_articles import FLOOD

    root = tmp_path_factory.mktemp("desk")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_FILE, seeds / SEED_FILE.name)
    for name, article in {**OTHER_ARTICLES, **{k: v for k, v in FLOOD.items() if k != "brova-followup.md"}}.items():
        (seeds / name).write_text(article if isinstance(article, str) else json.dumps(article), encoding="utf-8")
    fake = FakeSlack()
    settings = load_settings({}, None, {
        "index": {"index_dir": root / "index", "seeds_dir": seeds},
        "feeds": {"allow_private": ns.HOST, "host_delay_s": 0, "timeout_s": 5},
        "slack": {"bot_token": "xoxb-test", "signing_secret": SECRET, "api_url": fake.api_url,
                  "follows_file": root / "follows.json", "feedback_log": root / "feedback.jsonl",
                  "rate_limit_per_minute": 100}})
    sync_index(settings.index, embedder)
    bot = Bot(settings, make_answerer(settings, embedder))
    bot.slack_bot.answerer.retriever.reader.check_seconds = 0  # a new version is served at once
    yield bot, fake, settings, seeds, FLOOD, embedder
    bot.close()
    fake.close()


def published_views(fake, user: str) -> list[dict]:
    return [c.params["view"] if isinstance(c.params["view"], dict) else json.loads(c.params["view"])
            for c in fake.of("views.publish") if c.params.get("user_id") == user]


def wait_views(fake, user: str, count: int) -> dict:
    import time

    deadline = time.time() + 60
    while time.time() < deadline:
        views = published_views(fake, user)
        if len(views) >= count:
            return valid_view(views[count - 1])
        time.sleep(0.05)
    raise AssertionError(f"expected {count} views.publish for {user}, got {len(published_views(fake, user))}")


def home_action(bot, user: str, action_id: str, value: str):
    kind = "plain_text_input" if action_id == home.FOLLOW else "button"
    return interactive(bot, {"type": "block_actions", "user": {"id": user}, "team": {"id": "T1"},
                             "container": {"type": "view", "view_id": "V1"}, "view": {"id": "V1", "type": "home"},
                             "trigger_id": "tr", "actions": [{"action_id": action_id, "block_id": "b", "type": kind,
                                                              "value": value}]})


@pytest.mark.slow
def test_app_home_shows_what_a_user_follows_what_is_new_and_todays_stories(desk, monkeypatch):
    from index.build import sync_index

    bot, fake, settings, seeds, flood, embedder = desk
    monkeypatch.setattr("bot.slack.desk.HOME_MIN_INTERVAL_S", 1e-6)  # every open rebuilds the view here
    assert bot.event({"type": "app_home_opened", "user": "U7", "tab": "home", "channel": "D7"}, "EvHome1")[0] == 200
    first = json.dumps(wait_views(fake, "U7", 1), ensure_ascii=False)
    assert "You follow nothing yet" in first and "Brova" in first and "outlets" in first
    assert "What is the latest on" in first  # questions from the latest stories

    assert home_action(bot, "U7", home.FOLLOW, "Brova floods")[0] == 200
    followed = wait_views(fake, "U7", 2)
    [topic] = [b for b in followed["blocks"] if b.get("accessory", {}).get("action_id") == home.UNFOLLOW]
    assert topic["text"]["text"].startswith("*Brova floods*") and "(first look)" in topic["text"]["text"]
    assert "brova-floods-52-dead" in topic["text"]["text"]  # the newest article, linked
    assert any(c.params.get("channel") == "U7" and "Following “Brova floods”" in c.params["text"]
               for c in fake.of("chat.postMessage"))

    bot.slack_bot.check_follows(bot.app.client)  # remembers the version served now
    (seeds / "brova-followup.md").write_text(flood["brova-followup.md"], encoding="utf-8")
    assert sync_index(settings.index, embedder).published
    assert bot.slack_bot.check_follows(bot.app.client) == 1  # the personal follow is posted to the user
    assert any(c.params.get("channel") == "U7" and "Two survivors" in json.dumps(c.params.get("blocks"))
               for c in fake.of("chat.postMessage"))
    bot.event({"type": "app_home_opened", "user": "U7", "tab": "home", "channel": "D7"}, "EvHome2")
    again = wait_views(fake, "U7", 3)
    [topic] = [b for b in again["blocks"] if b.get("accessory", {}).get("action_id") == home.UNFOLLOW]
    assert "*1 new* since you last looked" in topic["text"]["text"] and "brova-survivors" in topic["text"]["text"]

    assert home_action(bot, "U8", home.UNFOLLOW, topic["accessory"]["value"])[0] == 200  # not U8's: refused
    assert home_action(bot, "U7", home.UNFOLLOW, topic["accessory"]["value"])[0] == 200
    assert "You follow nothing yet" in json.dumps(wait_views(fake, "U7", 4))
    assert bot.slack_bot.follows.all() == [] and not published_views(fake, "U8")

    bot.event({"type": "app_home_opened", "user": "U7", "tab": "messages", "channel": "D7"}, "EvHome3")
    [prompts] = fake.wait_for("assistant.threads.setSuggestedPrompts")
    sent = prompts.params["prompts"] if isinstance(prompts.params["prompts"], list) else json.loads(prompts.params["prompts"])
    assert sent and all(p["message"].startswith("What is the latest on") for p in sent)


@pytest.mark.slow
def test_a_link_to_an_indexed_article_unfurls_with_its_story_and_unknown_links_are_left_alone(desk):
    bot, fake, *_ = desk
    known = "https://daily-two.example/news/brova-flood-toll?utm_source=slack"
    event = {"type": "link_shared", "channel": "C1", "user": "U1", "message_ts": "1700000400.000100",
             "unfurl_id": "u1", "source": "conversations_history",
             "links": [{"url": known, "domain": "daily-two.example"}, {"url": "https://elsewhere.example/x",
                                                                        "domain": "elsewhere.example"}]}
    assert bot.event(event, "EvLink1")[0] == 200
    [call] = fake.wait_for("chat.unfurl")
    unfurls = call.params["unfurls"] if isinstance(call.params["unfurls"], dict) else json.loads(call.params["unfurls"])
    assert list(unfurls) == [known] and call.params["ts"] == "1700000400.000100"
    text = json.dumps(unfurls[known], ensure_ascii=False)
    assert "Story:" in text and "from 4 outlets" in text
    assert "newer article" in text  # Channel Three's, a day later
    assert "Outlets differ on *people*" in text and "Wire One: at least 40" in text and "Daily Two: At least 35" in text
    for block in unfurls[known]["blocks"]:
        Block.parse(block).validate_json()
    before = bot.slack_bot.counts()["handled"]
    bot.event({**event, "links": [{"url": "https://elsewhere.example/x", "domain": "elsewhere.example"}]}, "EvLink2")
    assert bot.slack_bot.wait_handled(before + 1, timeout=20)
    assert len(fake.of("chat.unfurl")) == 1  # nothing known: no unfurl


@pytest.mark.slow
def test_ask_about_this_opens_a_prefilled_modal_and_answers_in_the_message_thread(desk):
    bot, fake, *_ = desk
    message = {"type": "message", "user": "U2", "ts": "1700000500.000100",
               "text": "<@U3> Brova floods: does anyone know the death toll? <https://x.example/a|link>"}
    assert interactive(bot, {"type": "message_action", "callback_id": "newsbot_ask_about", "trigger_id": "trig-1",
                             "user": {"id": "U1"}, "channel": {"id": "C1"}, "team": {"id": "T1"},
                             "message": message, "response_url": f"{fake.url}/api/response/x"})[0] == 200
    [opened] = fake.wait_for("views.open")
    view = opened.params["view"] if isinstance(opened.params["view"], dict) else json.loads(opened.params["view"])
    View(**view).validate_json()
    assert opened.params["trigger_id"] == "trig-1"
    assert view["blocks"][0]["element"]["initial_value"] == "Brova floods: does anyone know the death toll? link"

    def submit(question: str):
        return interactive(bot, {"type": "view_submission", "user": {"id": "U1"}, "team": {"id": "T1"}, "view": {
            "type": "modal", "callback_id": view["callback_id"], "private_metadata": view["private_metadata"],
            "state": {"values": {"question": {"text": {"type": "plain_text_input", "value": question}}}}}})

    status, body = submit("  ")
    assert status == 200 and json.loads(body)["response_action"] == "errors"
    assert submit("How many people died in the Brova floods?")[0] == 200
    [update] = fake.wait_for("chat.update")
    [placeholder] = [c for c in fake.of("chat.postMessage") if c.ts == update.params["ts"]]
    assert placeholder.params["thread_ts"] == "1700000500.000100" and placeholder.params["channel"] == "C1"
    assert "Brova" in json.dumps(update.params["blocks"]) and "[1]" in json.dumps(update.params["blocks"])


@pytest.mark.slow
def test_add_link_fetches_the_page_safely_and_says_when_it_is_answerable(desk):
    from tests import news_site as ns
    from tests.feed_stories import LIBRARY

    bot, fake, *_ = desk
    site = ns.NewsSite().start()
    inside = ns.NewsSite(host="127.0.0.1").start()  # an internal address nobody allowed
    try:
        site.routes["/news/library-reopens.html"] = ns.ok(ns.page(LIBRARY), "text/html; charset=utf-8")
        inside.routes["/secret.html"] = ns.ok(ns.page(LIBRARY), "text/html; charset=utf-8")
        page = site.base + "/news/library-reopens.html"
        message = {"type": "message", "user": "U2", "ts": "1700000600.000100",
                   "text": f"worth indexing: <{page}|the library story> and <{inside.base}/secret.html>"}
        assert interactive(bot, {"type": "message_action", "callback_id": "newsbot_add_link", "trigger_id": "t9",
                                 "user": {"id": "U1"}, "channel": {"id": "C1"}, "team": {"id": "T1"},
                                 "message": message})[0] == 200
        reply = next(iter(c for c in fake.wait_for("chat.postMessage", len(fake.of("chat.postMessage")) + 1)
                          if c.params.get("thread_ts") == "1700000600.000100"), None)
        import time

        deadline = time.time() + 120
        while reply is None and time.time() < deadline:
            reply = next(iter(c for c in fake.of("chat.postMessage") if c.params.get("thread_ts") == "1700000600.000100"), None)
            time.sleep(0.1)
        assert reply is not None
        text = reply.params["text"]
        assert f"Indexed <{page}|{LIBRARY.title}>" in text and "you can ask about it now" in text
        assert f"Could not index {inside.base}/secret.html" in text and "loopback" in text
        assert inside.requests == []  # never fetched
        version = bot.slack_bot.answerer.retriever.reader.snapshot()
        assert any(a.title == LIBRARY.title for a in version.articles)
        assert fake.of("chat.postEphemeral")[-1].params["text"].startswith("Fetching 2 link(s)")

        # with slack.unfurl_fetch, a posted link newsbot does not know is fetched, indexed and unfurled
        import dataclasses

        from tests.feed_stories import TRAIN

        site.routes["/news/train.html"] = ns.ok(ns.page(TRAIN), "text/html; charset=utf-8")
        unfurls_before = len(fake.of("chat.unfurl"))
        slack_bot = bot.slack_bot
        slack_bot.settings = dataclasses.replace(slack_bot.settings, slack=dataclasses.replace(
            slack_bot.settings.slack, unfurl_fetch=True))
        try:
            bot.event({"type": "link_shared", "channel": "C1", "user": "U1", "message_ts": "1700000650.000100",
                       "links": [{"url": site.base + "/news/train.html", "domain": ns.HOST}]}, "EvFetchLink")
            unfurl = fake.wait_for("chat.unfurl", unfurls_before + 1, timeout=120)[-1]
            assert TRAIN.title in json.dumps(unfurl.params["unfurls"], ensure_ascii=False)
        finally:
            slack_bot.settings = dataclasses.replace(slack_bot.settings, slack=dataclasses.replace(
                slack_bot.settings.slack, unfurl_fetch=False))
    finally:
        site.stop()
        inside.stop()


@pytest.mark.slow
def test_a_daily_digest_scheduled_by_command_is_posted_at_its_time(desk):
    bot, fake, *_ = desk

    def command(text: str, n: int) -> str:
        assert bot.form({"command": "/newsbot", "text": text, "user_id": "U1", "channel_id": "C5", "team_id": "T1",
                         "trigger_id": f"dg{n}", "response_url": f"{fake.url}/api/response/dg{n}"})[0] == 200
        return fake.wait_for(f"response/dg{n}")[0].params["text"]

    digests = bot.slack_bot.digests
    clock = Clock("2023-03-08T12:00:00+00:00")
    digests.clock = clock
    said = command("digest daily 08:00 UTC Brova floods", 1)
    assert said.startswith("Scheduled: `") and "daily at 08:00 (UTC): “Brova floods”" in said
    assert "Brova floods" in command("digest list", 2)
    clock.set("2023-03-09T08:00:05+00:00")
    assert [outcome for _, outcome in digests.tick(lambda s: bot.slack_bot.post_digest(bot.app.client, s))] == ["posted"]
    [post] = [c for c in fake.of("chat.postMessage") if c.params.get("channel") == "C5"]
    assert post.params["text"].startswith("Daily digest (08:00 UTC)") and "Brova" in json.dumps(post.params["blocks"])
    assert command("digest stop all", 3).startswith("Stopped:") and digests.schedules("C5") == []


@pytest.mark.slow
def test_shortcuts_and_unfurls_work_over_socket_mode_too(desk):
    """The same listeners behind the real SocketModeHandler and a local WebSocket server."""
    import dataclasses
    import threading
    import time

    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from websockets.sync.server import serve

    from bot.slack.app import create_app, make_client
    from index.settings import Secret
    from tests.slack_fake import event_body

    bot, fake, settings, *_ = desk
    acks: list[dict] = []
    shortcut = {"type": "message_action", "callback_id": "newsbot_ask_about", "trigger_id": "trig-ws",
                "user": {"id": "U1"}, "channel": {"id": "C1"}, "team": {"id": "T1"},
                "message": {"type": "message", "ts": "1700000700.000100", "text": "Who is the governor of Brova?"}}
    link = {"type": "link_shared", "channel": "C1", "user": "U1", "message_ts": "1700000701.000100",
            "links": [{"url": "https://wire-one.example/brova-floods", "domain": "wire-one.example"}]}

    def session(ws):
        ws.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        ws.send(json.dumps({"envelope_id": "env-sc", "type": "interactive", "accepts_response_payload": True,
                            "payload": shortcut}))
        ws.send(json.dumps({"envelope_id": "env-ln", "type": "events_api", "accepts_response_payload": False,
                            "retry_attempt": 0, "payload": event_body(link, "EvWsLink")}))
        try:
            for message in ws:
                acks.append(json.loads(message))
        except Exception:
            pass

    unfurls_before, opens_before = len(fake.of("chat.unfurl")), len(fake.of("views.open"))
    with serve(session, "127.0.0.1", 0) as ws_server:
        threading.Thread(target=ws_server.serve_forever, daemon=True).start()
        fake.socket_url = f"ws://127.0.0.1:{ws_server.socket.getsockname()[1]}/link"
        socket_settings = dataclasses.replace(settings, slack=dataclasses.replace(settings.slack, app_token=Secret("xapp-test")))
        app = create_app(socket_settings, bot.slack_bot.answerer, make_client(socket_settings))
        handler = SocketModeHandler(app, "xapp-test")
        handler.connect()
        try:
            opened = fake.wait_for("views.open", opens_before + 1)[-1]
            assert opened.params["trigger_id"] == "trig-ws"
            unfurl = fake.wait_for("chat.unfurl", unfurls_before + 1)[-1]
            assert "https://wire-one.example/brova-floods" in json.dumps(unfurl.params["unfurls"])
            deadline = time.time() + 10
            while len(acks) < 2 and time.time() < deadline:
                time.sleep(0.05)
            assert {a["envelope_id"] for a in acks} >= {"env-sc", "env-ln"}
        finally:
            handler.close()
            ws_server.shutdown()
