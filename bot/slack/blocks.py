"""Block Kit for answers (pure): answer text with [n] markers, sources, quoted passages, buttons.

Within Slack's limits: section text 3,000 characters, 50 blocks, message text 40,000.
"""

from __future__ import annotations

import json

from bot.render import claim_end, markers
from bot.types import Answer, Citation, Passage

SECTION_LIMIT = 3000
QUOTE_LIMIT = 600
SHOW_PASSAGES = "newsbot_show_passages"
FEEDBACK = "newsbot_feedback"
VERDICTS = frozenset({"good", "bad"})  # the values of the feedback buttons below
THINKING = "Looking through the articles…"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


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
    """The answer for a section block: the short answer (when there is one) in bold, then each
    segment with its `[n]` markers."""
    out = []
    for i, segment in enumerate(answer.segments):
        if segment.kind == "short":
            out.append(f"*{escape(segment.text)}* —")
        elif segment.kind == "disagreement":
            out.append(f"{escape(segment.text)} {markers(segment)}{claim_end(answer.segments, i)}")
        elif segment.citations:
            marks = "".join(f"[{n}]" for n in segment.citations)
            out.append(f"{escape(segment.text)} {marks}" + ("." if segment.kind == "attribution" else ""))
        else:
            out.append(escape(segment.text))
    return " ".join(out)


ANSWER_EVENT = "newsbot_answer"


def answer_metadata(answer: Answer) -> dict:
    """Message metadata carrying the answer's segments (and its short answer), so a thread's memory
    is rebuilt from what the bot said, not by parsing the message text."""
    short = answer.short_answer
    return {"event_type": ANSWER_EVENT, "event_payload": {
        "question": answer.question[:500],
        "segments": [s.to_dict() for s in answer.segments],
        "short_answer": {"text": short.text, "label": short.label} if short else None,
    }}


def answer_blocks(answer: Answer, key: str = "") -> list[dict]:
    blocks: list[dict] = [{"type": "section", "text": {"type": "mrkdwn", "text": clip_keep_lines(answer_mrkdwn(answer), SECTION_LIMIT)}}]
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
