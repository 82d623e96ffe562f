"""Block Kit for answers (pure): answer text with [n] markers, sources, quoted passages, buttons.

Within Slack's limits: section text 3,000 characters, 50 blocks, message text 40,000.
"""

from __future__ import annotations

import json

from bot.render import segment_texts
from bot.timeline import undated_notice
from bot.text import clip, counted
from bot.types import Answer, Citation, Passage

SECTION_LIMIT = 3000
QUOTE_LIMIT = 600
SHOW_PASSAGES = "newsbot_show_passages"
FEEDBACK = "newsbot_feedback"
VERDICTS = frozenset({"good", "bad"})  # the values of the feedback buttons below
THINKING = "Looking through the articles…"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def source_line(c: Citation) -> str:
    title = escape(clip(c.title, 200))
    head = f"<{c.url}|{title}>" if c.url.startswith(("http://", "https://")) else f"*{title}*"
    reported = f"reported by {c.outlets} outlets" if c.outlets > 1 else ""
    meta = " · ".join(escape(x) for x in (c.source, c.published or "", reported) if x)
    where = "" if c.url else f" · `{escape(clip(c.path, 120))}`"
    also = ", ".join(f"<{u}|{escape(s or u)}>" for s, u in c.also[:5] if u.startswith(("http://", "https://")))
    return f"*[{c.n}]* {head}" + (f" · {meta}" if meta else "") + where + (f" · also: {also}" if also else "")


def answer_text(answer: Answer) -> str:
    """Plain fallback text for notifications and clients without blocks."""
    lines = [answer.answer]
    lines += [f"[{c.n}] {c.title}" + (f" — {c.url}" if c.url else "") for c in answer.citations]
    return "\n".join(lines)[:39000]


def answer_mrkdwn(answer: Answer) -> str:
    """The answer for a section block: the short answer (when there is one) in bold, a notice in
    italics, then each segment with its `[n]` markers."""
    return " ".join(segment_texts(answer.segments, escape, lambda t: f"*{t}*", lambda t: f"_{t}_"))


ANSWER_EVENT = "newsbot_answer"


def answer_metadata(answer: Answer) -> dict:
    """Message metadata carrying the answer's segments (and its short answer), so a thread's memory
    is rebuilt from what the bot said, not by parsing the message text."""
    short = answer.short_answer
    return {"event_type": ANSWER_EVENT, "event_payload": {
        "question": answer.question[:500],
        "segments": [s.to_dict() for s in answer.segments],
        "short_answer": {"text": short.text, "label": short.label} if short else None,
        # which articles it cited: a follow-up after a restart still prefers them (as before the restart)
        "citations": [{"n": c.n, "article_id": c.article_id, "title": c.title[:200]} for c in answer.citations],
    }}


def answer_blocks(answer: Answer, key: str = "") -> list[dict]:
    blocks: list[dict] = [{"type": "section", "text": {"type": "mrkdwn", "text": clip_keep_lines(answer_mrkdwn(answer), SECTION_LIMIT)}}]
    if answer.dated:  # the quoted report is much older than the newest found
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f":warning: {escape(answer.dated)}"}]})
    if answer.citations:
        for c in answer.citations:
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(source_line(c), 2900)}]})
            blocks.append(quote_block(c.quote))
    elif answer.passages:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "Closest passages (they may not answer the question):"}]})
        for p in answer.passages[:3]:
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(clip(p.article.title, 200))}]})
            blocks.append(quote_block(p.matched))
    if answer.passages:
        blocks.append({"type": "actions", "elements": [{
            "type": "button", "action_id": SHOW_PASSAGES, "value": passages_value(answer, key),
            "text": {"type": "plain_text", "text": "Show passages"},
        }]})
    if answer.found:
        blocks.append(feedback_block())
    return blocks[:50]


def quote_block(text: str) -> dict:
    return {"type": "rich_text", "elements": [{
        "type": "rich_text_quote", "elements": [{"type": "text", "text": clip(text, QUOTE_LIMIT)}],
    }]}


def feedback_block() -> dict:
    return {"type": "context_actions", "elements": [{
        "type": "feedback_buttons", "action_id": FEEDBACK,
        "positive_button": {"text": {"type": "plain_text", "text": "Good answer"}, "value": "good",
                            "accessibility_label": "Mark this answer as good"},
        "negative_button": {"text": {"type": "plain_text", "text": "Bad answer"}, "value": "bad",
                            "accessibility_label": "Mark this answer as bad"},
    }]}


def passages_value(answer: Answer, key: str) -> str:
    """The "Show passages" button's value, self-contained: the channel the answer was given in and
    its passages' chunk ids, so any bot process can show them from the index (the answer's key too,
    for the feedback log). Within Slack's 2,000 characters: passages that do not fit are left out."""
    channel = key.split(":", 1)[0]
    ids: list[str] = []
    for p in answer.passages:
        value = json.dumps({"ch": channel, "key": key, "ids": ids + [p.chunk_id]}, separators=(",", ":"))
        if len(value) > 2000:
            break
        ids.append(p.chunk_id)
    return json.dumps({"ch": channel, "key": key, "ids": ids}, separators=(",", ":"))


def parse_passages_value(value: str) -> dict | None:
    """{"ch", "key", "ids"} from a button value, or None when it is not one of ours."""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("ids"), list) or not isinstance(data.get("ch"), str):
        return None
    return {"ch": data["ch"], "key": str(data.get("key", "")), "ids": [str(i) for i in data["ids"][:50]]}


def passages_blocks(passages: tuple[Passage, ...]) -> list[dict]:
    blocks: list[dict] = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Retrieved passages*"}}]
    for i, p in enumerate(passages, 1):
        meta = " · ".join(escape(x) for x in (p.article.source, p.article.published or "") if x)
        score = f" · score {p.score:.2f}" if p.score else ""
        head = f"*{i}.* {escape(clip(p.article.title, 200))}" + (f" · {meta}" if meta else "") + score
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": head}]})
        blocks.append(quote_block(p.matched))
    return blocks[:50]


def notice_blocks(text: str) -> list[dict]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": escape(clip(text, SECTION_LIMIT))}}]


def clip_keep_lines(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- /newsbot


def _article_line(title: str, url: str, source: str, published: str | None) -> str:
    head = f"<{url}|{escape(clip(title, 200))}>" if url.startswith(("http://", "https://")) else f"*{escape(clip(title, 200))}*"
    meta = " · ".join(escape(x) for x in (source, published or "") if x)
    return head + (f" · {meta}" if meta else "")


def follow_post_blocks(topic: str, items: list[dict]) -> list[dict]:
    """New articles on a followed topic: title (linked), source, date, and the lead sentence quoted."""
    blocks: list[dict] = [{"type": "section", "text": {"type": "mrkdwn",
                                                        "text": f"*New on “{escape(clip(topic, 150))}”*"}}]
    for n, item in enumerate(items[:5], 1):
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"*[{n}]* " + _article_line(
            item["title"], item["url"], item["source"], item["published"])}]})
        blocks.append(quote_block(item["lead"]))
    return blocks


def stories_blocks(stories: list[dict], limit: int = 8) -> list[dict]:
    if not stories:
        return notice_blocks("No stories match.")
    blocks: list[dict] = []
    for s in stories[:limit]:
        outlets = len(s["sources"])
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": clip_keep_lines(
            f"*{escape(s['label'])}*\n{s['first_date'] or '?'} → {s['last_date'] or '?'} · "
            f"{counted(len(s['articles']), 'article')} · {counted(outlets, 'outlet')}", SECTION_LIMIT)}})
        blocks.append(_articles_context(s["articles"][:5]))
    return blocks[:50]


def _articles_context(articles: list[dict]) -> dict:
    """A context block listing articles, one linked line each."""
    lines = [_article_line(a["title"], a["url"], a["source"], a["published"]) for a in articles]
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip_keep_lines("\n".join(lines), 2900)}]}


def timeline_blocks(query: str, events: list[dict], sources: list[dict] | None = None) -> list[dict]:
    if not events:
        return notice_blocks(undated_notice(query, sources or [])) + ([_articles_context(sources)] if sources else [])
    lines = [f"*{e['date']}* {escape(clip(e['text'], 300))} " + "".join(f"[{c['n']}]" for c in _cited(e))
             for e in events[:25]]
    blocks: list[dict] = [{"type": "section", "text": {"type": "mrkdwn", "text": f"*Timeline: {escape(clip(query, 150))}*"}}]
    for start in range(0, len(lines), 8):
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": clip_keep_lines(
            "\n".join(lines[start:start + 8]), SECTION_LIMIT)}})
    cited = {c["n"]: c for e in events[:25] for c in _cited(e)}
    sources = [f"*[{n}]* " + _article_line(c["title"], c["url"], c["source"], c["published"]) for n, c in sorted(cited.items())]
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip_keep_lines("\n".join(sources), 2900)}]})
    return blocks


def _cited(event: dict) -> list[dict]:
    """Every outlet that told a timeline event (older payloads carry only `citation`)."""
    return event.get("citations") or [event["citation"]]


def digest_blocks(since: str, stories: list[dict]) -> list[dict]:
    if not stories:
        return notice_blocks(f"Nothing new since {since}.")
    blocks: list[dict] = [{"type": "section", "text": {"type": "mrkdwn", "text": f"*New since {since}*"}}]
    for s in stories[:10]:
        c = s["lead"]["citation"]
        tag = "new story" if s["new_story"] else f"+{len(s['new_articles'])} article(s)"
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(
            f"*{escape(s['label'])}* ({tag}) · " + _article_line(c["title"], c["url"], c["source"], c["published"]), 2900)}]})
        blocks.append(quote_block(s["lead"]["text"]))
    return blocks[:50]
