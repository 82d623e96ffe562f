"""The news desk in Slack: App Home, link unfurls, the "Ask newsbot about this" and "Add link to
newsbot" message shortcuts, and the clock that posts scheduled digests. Listeners translate only:
what they show comes from bot/slack/home.py, unfurl.py and blocks.py, what they know from the index.

Every listener acks at once, answers only in allowed channels and within the user's rate limit, and
treats a payload it cannot read (forged, truncated, fields of the wrong type) with a quiet ack and
one log line.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time

from slack_bolt import App

from bot.slack import blocks as kit
from bot.slack import home, unfurl
from bot.slack.listeners import SLOW_DOWN, SlackBot, _counted, text_at

log = logging.getLogger(__name__)
ASK_SHORTCUT = "newsbot_ask_about"  # must match deploy/slack-manifest.yaml
ADD_SHORTCUT = "newsbot_add_link"
ASK_MODAL = "newsbot_ask_modal"
NOT_HERE = "I'm not enabled in this channel."
HOME_MIN_INTERVAL_S = 10  # App Home is rebuilt at most this often per user (each follow is a retrieval)
_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>|(https?://[^\s<>|]+)")


def links_in(text: str) -> list[str]:
    """The http(s) links of a Slack message's text (`<url|label>`, `<url>` or bare), in order, once each."""
    found = (a or b for a, b in _LINK.findall(text or ""))
    return list(dict.fromkeys(u.rstrip(".,;)") for u in found))[:5]


def ask_modal(question: str, channel: str, thread_ts: str) -> dict:
    return {"type": "modal", "callback_id": ASK_MODAL,
            "title": {"type": "plain_text", "text": "Ask newsbot"},
            "submit": {"type": "plain_text", "text": "Ask"},
            "close": {"type": "plain_text", "text": "Cancel"},
            "private_metadata": json.dumps({"ch": channel, "ts": thread_ts}),
            "blocks": [{"type": "input", "block_id": "question", "label": {"type": "plain_text", "text": "Your question"},
                        "element": {"type": "plain_text_input", "action_id": "text", "multiline": True,
                                    "max_length": 500, "initial_value": question[:500]}}]}


def question_from(message_text: str) -> str:
    """The question box's first text: the message without mentions and link markup, one line."""
    text = re.sub(r"<[@#!][^>]*>", "", message_text or "")
    text = re.sub(r"<(https?://[^|>]+)\|([^>]*)>", r"\2", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    return " ".join(text.split())[:500]


class Desk:
    """What the desk listeners share beyond SlackBot: the lock that keeps this process to one index update."""

    def __init__(self, bot: SlackBot) -> None:
        self.bot = bot
        self._adding = threading.Lock()  # one index update at a time from this process

    # ---- App Home
    def publish_home(self, client, user: str) -> None:
        retriever = self.bot.answerer.retriever
        version = retriever.reader.snapshot()
        seen = self.bot.state.records(home.SEEN_KIND).get(user, {})
        data, now_seen = home.gather(version, retriever, self.bot.follows.all(), user, seen)
        client.views_publish(user_id=user, view=home.home_view(data))
        self.bot.state.put_record(home.SEEN_KIND, user, now_seen)

    def suggestions(self) -> list[str]:
        return home.suggestions(home.latest_stories(self.bot.answerer.retriever.reader.snapshot()))

    # ---- adding a linked page
    def add_link(self, client, *, channel: str, user: str, thread_ts: str, urls: list[str]) -> None:
        """Fetch and index `urls` (as `newsbot add` does), then say in the thread what became answerable."""
        from bot.service import make_embedder
        from index.add import add_pages

        settings = self.bot.settings
        try:
            with self._adding:
                pages, _, _ = add_pages(settings.index, settings.feeds, urls, make_embedder(settings),
                                        self.bot.answerer.retriever.reader.snapshot, lock_wait=120)
        except ValueError as exc:  # not an http(s) link
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=f"I can't add that link: {exc}")
            return
        except Exception:
            log.exception("adding %s failed", urls)
            client.chat_postMessage(channel=channel, thread_ts=thread_ts,
                                    text="Sorry, indexing that link failed. It has been logged; please try again later.")
            return
        lines = []
        for p in pages:
            if p.ok:
                lines.append(f"Indexed <{p.url}|{kit.escape(p.title or p.url)}>: you can ask about it now "
                             "(`/ask`, or mention me).")
            else:
                lines.append(f"Could not index {p.url}: {kit.escape(p.error)}. It stays pending; the next index "
                             "update tries again.")
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, text="\n".join(lines)[:3000])


def register(app: App, bot: SlackBot) -> Desk:
    desk = Desk(bot)

    def on_home_opened(event, client):
        user, tab = text_at(event, "user"), text_at(event, "tab")
        if not user:
            log.info("ignored a malformed app_home_opened event: no user")
            return
        if tab == "messages":
            channel = text_at(event, "channel")
            if not channel:
                log.info("ignored a malformed app_home_opened event: no channel")
                return
            prompts = [{"title": q[:75], "message": q} for q in desk.suggestions()][:4]
            if prompts:
                try:
                    client.assistant_threads_setSuggestedPrompts(channel_id=channel, prompts=prompts,
                                                                 title="Ask about today's stories")
                except Exception:  # a workspace without the assistant features: no prompts
                    log.info("suggested prompts not set for %s", user, exc_info=True)
            return
        if not bot.state.first_time(f"home:{user}:{int(time.time() // HOME_MIN_INTERVAL_S)}"):
            return  # opened again within seconds: the view is fresh
        desk.publish_home(client, user)

    def on_home_follow(ack, body, action, client):
        ack()
        user, topic = text_at(body, "user", "id"), " ".join(text_at(action, "value").split())
        if not user or not topic:
            log.info("ignored a malformed home follow action (no user or topic)")
            return
        if not bot.state.allow(user):
            client.chat_postMessage(channel=user, text=SLOW_DOWN)
            return
        said = bot.follows.add(user, topic, user)
        client.chat_postMessage(channel=user, text=said.replace("here", "in this conversation", 1))
        desk.publish_home(client, user)

    def on_home_unfollow(ack, body, action, client):
        ack()
        user = text_at(body, "user", "id")
        try:
            value = json.loads(text_at(action, "value"))
            channel, topic = value["ch"], value["t"]
            if not (isinstance(channel, str) and isinstance(topic, str)):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            log.info("ignored a malformed unfollow action from %s", user or "?")
            return
        mine = any(f["channel"] == channel and f["topic"] == topic for f in home.users_follows(bot.follows.all(), user))
        if not user or not mine:
            log.info("unfollow refused for %s: %r in %s is not theirs", user or "?", topic[:100], channel)
            return
        bot.follows.remove(channel, topic)
        desk.publish_home(client, user)

    def on_home_ask(ack, body, action, client):
        ack()
        user, question = text_at(body, "user", "id"), text_at(action, "value")
        if not user or not question.strip():
            log.info("ignored a malformed home ask action")
            return
        bot.answer_in_thread(client, channel=user, user=user, text=question[:500], thread_ts=None,
                             conversation_key="home", team=text_at(body, "team", "id"))

    def on_link_shared(body, event, client):
        channel, user = text_at(event, "channel"), text_at(event, "user")
        links = event.get("links") if isinstance(event, dict) else None
        urls = [text_at(link, "url") for link in links] if isinstance(links, list) else []
        urls = [u for u in urls if u.startswith(("http://", "https://"))]
        ts, unfurl_id, source = text_at(event, "message_ts"), text_at(event, "unfurl_id"), text_at(event, "source")
        if not channel or not urls or not (ts or unfurl_id):
            log.info("ignored a malformed link_shared event (no channel, links or message)")
            return
        if not bot.state.first_time(text_at(body, "event_id") or f"unfurl:{channel}:{ts or unfurl_id}"):
            return
        if not bot.allowed(channel):
            return  # not a channel newsbot serves: links there are left alone
        if not bot.state.allow(user or channel):
            log.info("link unfurl skipped for %s in %s: rate limit", user, channel)
            return
        version = bot.answerer.retriever.reader.snapshot()
        found = unfurl.unfurls(version, urls)
        unknown = [u for u in urls[:unfurl.MAX_LINKS] if u not in found]
        if unknown and bot.settings.slack.unfurl_fetch and ts:
            desk.add_link(client, channel=channel, user=user, thread_ts=ts, urls=unknown)
            found = unfurl.unfurls(bot.answerer.retriever.reader.snapshot(), urls)
        if not found:
            return  # links newsbot does not know are left alone
        where = {"channel": channel, "ts": ts} if ts and source != "composer" else {"unfurl_id": unfurl_id,
                                                                                      "source": source}
        client.chat_unfurl(unfurls=found, **where)

    def on_ask_shortcut(ack, shortcut, client):
        ack()
        channel, user = text_at(shortcut, "channel", "id"), text_at(shortcut, "user", "id")
        trigger = text_at(shortcut, "trigger_id")
        message = shortcut.get("message") if isinstance(shortcut, dict) else None
        ts = text_at(message, "thread_ts") or text_at(message, "ts")
        if not (channel and user and trigger and ts):
            log.info("ignored a malformed Ask shortcut (no channel, user, trigger or message)")
            return
        if not bot.allowed(channel):
            client.chat_postEphemeral(channel=channel, user=user, text=NOT_HERE)
            return
        client.views_open(trigger_id=trigger, view=ask_modal(question_from(text_at(message, "text")), channel, ts))

    def on_ask_submitted(ack, body, view, client):
        user = text_at(body, "user", "id")
        question = text_at(view, "state", "values", "question", "text", "value").strip()
        if not question:
            ack(response_action="errors", errors={"question": "Type a question first."})
            return
        ack()
        try:
            where = json.loads(text_at(view, "private_metadata"))
            channel, thread_ts = where["ch"], where["ts"]
            if not (isinstance(channel, str) and isinstance(thread_ts, str) and channel and user):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            log.info("ignored a malformed Ask submission from %s", user or "?")
            return
        if not bot.allowed(channel):
            log.info("Ask submission refused for %s: %s is not an allowed channel", user, channel)
            return
        if bot.settings.slack.shortcut_reply == "ephemeral":
            if not bot.state.allow(user):
                client.chat_postEphemeral(channel=channel, user=user, text=SLOW_DOWN)
                return
            answer = bot.answerer.answer(question)
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=kit.answer_text(answer),
                                      blocks=kit.answer_blocks(answer))
            return
        bot.answer_in_thread(client, channel=channel, user=user, text=question, thread_ts=thread_ts,
                             conversation_key=thread_ts, team=text_at(body, "team", "id"))

    def on_add_shortcut(ack, shortcut, client):
        ack()
        channel, user = text_at(shortcut, "channel", "id"), text_at(shortcut, "user", "id")
        message = shortcut.get("message") if isinstance(shortcut, dict) else None
        ts = text_at(message, "thread_ts") or text_at(message, "ts")
        if not (channel and user and ts):
            log.info("ignored a malformed Add link shortcut (no channel, user or message)")
            return
        if not bot.allowed(channel) or not bot.settings.slack.add_links:
            client.chat_postEphemeral(channel=channel, user=user, text=NOT_HERE if not bot.allowed(channel) else
                                      "Adding links from Slack is turned off here (setting slack.add_links).")
            return
        urls = links_in(text_at(message, "text"))
        if not urls:
            client.chat_postEphemeral(channel=channel, user=user, text="That message has no http(s) link to add.")
            return
        if not bot.state.allow(user):
            client.chat_postEphemeral(channel=channel, user=user, text=SLOW_DOWN)
            return
        client.chat_postEphemeral(channel=channel, user=user, text=f"Fetching {len(urls)} link(s); I'll reply in the thread.")
        desk.add_link(client, channel=channel, user=user, thread_ts=ts, urls=urls)

    app.event("app_home_opened")(_counted(bot, on_home_opened))
    app.event("link_shared")(_counted(bot, on_link_shared))
    app.action(home.FOLLOW)(_counted(bot, on_home_follow))
    app.action(home.UNFOLLOW)(_counted(bot, on_home_unfollow))
    app.action(home.ASK)(_counted(bot, on_home_ask))
    app.shortcut(ASK_SHORTCUT)(_counted(bot, on_ask_shortcut))
    app.shortcut(ADD_SHORTCUT)(_counted(bot, on_add_shortcut))
    app.view(ASK_MODAL)(_counted(bot, on_ask_submitted))
    return desk
