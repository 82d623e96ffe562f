"""App Home (pure): what a user follows and what is new on it since they last looked, the latest
stories of the index, a follow box and a few questions to ask about today's stories.

`gather` reads the index (a version and a retriever); `home_view` turns what it found into a Slack
view that stays within Slack's limits (100 blocks a view, 3,000 characters a section, 2,000 a
button value) whatever the number of follows or stories.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bot.slack.blocks import clip_keep_lines, escape
from bot.text import clip, counted

FOLLOW = "newsbot_home_follow"
UNFOLLOW = "newsbot_home_unfollow"
ASK = "newsbot_home_ask"
MAX_FOLLOWS_SHOWN = 40  # one block each (with its Unfollow button); the rest are listed in one line
MAX_STORIES = 6
MAX_SUGGESTIONS = 3
SEEN_KIND = "home_seen"  # Slack state records: user → {topic: article ids seen at the last look}
MAX_SEEN_IDS = 300


@dataclass(frozen=True)
class TopicNews:
    topic: str
    channel: str  # where its posts go: the user's own id for a follow made here, else a channel
    articles: int  # the topic's articles in the index now
    new: int  # of which the user had not seen at the last look (all of them on a first look)
    newest: dict | None  # {"title", "url", "source", "published"} of the newest one
    first_look: bool = False


@dataclass(frozen=True)
class HomeData:
    user: str
    topics: list[TopicNews] = field(default_factory=list)
    stories: list[dict] = field(default_factory=list)  # Story.to_dict of the latest stories
    suggestions: list[str] = field(default_factory=list)
    articles: int = 0
    note: str = ""  # "newest article 2023-03-31" when the index is older than today


def users_follows(follows: list[dict], user: str) -> list[dict]:
    """A user's follows: their own (posted to them, `channel` = their id) and those they set up in channels."""
    return [f for f in follows if f.get("channel") == user or f.get("user") == user]


def gather(version, retriever, follows: list[dict], user: str, seen: dict, today=None) -> tuple[HomeData, dict]:
    """What App Home shows a user, and the new "seen" record to keep for their next look."""
    from bot.newsroom import reference_day, topic_stories

    by_id = {a.id: a for a in version.articles}
    topics, now_seen = [], {}
    for follow in users_follows(follows, user):
        ids = {a for s in topic_stories(version, retriever, follow["topic"]) for a in s.article_ids if a in by_id}
        before = seen.get(follow["topic"])
        newest = max((by_id[a] for a in ids), key=lambda a: (a.published or "", a.title), default=None)
        topics.append(TopicNews(
            follow["topic"], follow["channel"], len(ids), len(ids - set(before or ())),
            {"title": newest.title, "url": newest.url, "source": newest.source, "published": newest.published}
            if newest else None, before is None))
        now_seen[follow["topic"]] = sorted(ids)[-MAX_SEEN_IDS:]
    stories = latest_stories(version, by_id)
    note = ""
    if version.articles:
        as_of, note = reference_day(version, today=today)
    return HomeData(user, topics, stories, suggestions(stories), len(version.articles), note), now_seen


def latest_stories(version, by_id: dict | None = None) -> list[dict]:
    """The index's latest stories (Story.to_dict), most recent first; `by_id`: its articles by id, if at hand."""
    from bot.newsroom import list_stories

    if not version.articles:
        return []
    by_id = by_id or {a.id: a for a in version.articles}
    return [s.to_dict(by_id) for s in list_stories(version)[:MAX_STORIES]]


def suggestions(stories: list[dict]) -> list[str]:
    """Questions about the latest stories, built from the names their articles share."""
    out = []
    for s in stories:
        if s.get("names"):
            out.append(f"What is the latest on {s['names'][0]}?")
        elif s.get("label"):
            out.append(f"What happened: {clip(s['label'], 90)}?")
        if len(out) == MAX_SUGGESTIONS:
            break
    return list(dict.fromkeys(out))


def _link(item: dict) -> str:
    title = escape(clip(item.get("title") or "untitled", 150))
    url = item.get("url") or ""
    head = f"<{url}|{title}>" if url.startswith(("http://", "https://")) else f"*{title}*"
    meta = " · ".join(escape(x) for x in (item.get("source") or "", item.get("published") or "") if x)
    return head + (f" ({meta})" if meta else "")


def _topic_line(t: TopicNews, user: str) -> str:
    where = "" if t.channel == user else f" · posts in <#{t.channel}>"
    if not t.articles:
        return f"*{escape(clip(t.topic, 150))}*{where}\nNo articles on it yet."
    count = f"{t.articles} article{'s' if t.articles != 1 else ''}"
    new = (" (first look)" if t.first_look else f" · *{t.new} new* since you last looked" if t.new
           else " · nothing new since you last looked")
    newest = f"\nNewest: {_link(t.newest)}" if t.newest else ""
    return f"*{escape(clip(t.topic, 150))}*{where}\n{count}{new}{newest}"


def home_view(data: HomeData) -> dict:
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": "newsbot: your news desk"}}]
    facts = f"{counted(data.articles, 'article')} indexed" + (f" · {data.note}" if data.note else "")
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(facts)}]})
    blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "*Topics you follow*"}})
    if not data.topics:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text":
                       "You follow nothing yet. Type a topic below: I'll message you when new articles about it "
                       "are indexed."}]})
    for t in data.topics[:MAX_FOLLOWS_SHOWN]:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": clip_keep_lines(_topic_line(t, data.user), 3000)},
                       "accessory": {"type": "button", "action_id": UNFOLLOW, "text": {"type": "plain_text",
                                     "text": "Unfollow"}, "value": json.dumps({"ch": t.channel, "t": t.topic})[:2000]}})
    rest = data.topics[MAX_FOLLOWS_SHOWN:]
    if rest:
        names = ", ".join(f"“{t.topic}”" for t in rest)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(
            f"…and {len(rest)} more: {escape(names)} (`/newsbot unfollow <topic>` in their channel)", 3000)}]})
    blocks.append({"type": "input", "dispatch_action": True, "block_id": "follow_box", "optional": True,
                   "label": {"type": "plain_text", "text": "Follow a topic"},
                   "element": {"type": "plain_text_input", "action_id": FOLLOW, "max_length": 200,
                               "placeholder": {"type": "plain_text", "text": "e.g. Idlib clashes, then Enter"},
                               "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]}}})
    blocks.append({"type": "divider"})
    blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "*Latest stories*"}})
    if not data.stories:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text":
                       "The index holds no stories yet: add feeds or articles (`newsbot feeds add`, `newsbot add`)."}]})
    for s in data.stories[:MAX_STORIES]:
        outlets = len(s["sources"])
        latest = s["articles"][-1] if s["articles"] else None
        counts = [counted(outlets, "outlet")] if outlets else []
        counts.append(counted(len(s["articles"]), "article"))
        if s["last_date"]:
            counts.append(f"updated {s['last_date']}")
        text = f"*{escape(clip(s['label'], 200))}*\n" + " · ".join(counts)
        if latest:
            text += f"\nLatest: {_link(latest)}"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": clip_keep_lines(text, 3000)}})
    if data.suggestions:
        blocks.append({"type": "divider"})
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "*Ask about today's stories*"}})
        for q in data.suggestions:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": escape(clip(q, 300))},
                           "accessory": {"type": "button", "action_id": ASK, "value": clip(q, 300),
                                         "text": {"type": "plain_text", "text": "Ask"}}})
    return {"type": "home", "blocks": blocks[:100]}
