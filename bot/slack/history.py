"""Thread memory rebuilt from Slack's own record (conversations.replies) after a restart: every
question in the thread that the bot answered becomes a turn again, so follow-ups keep working.
The bot's answers carry their segments and cited articles as message metadata; messages without
it (posted before, or by a client that drops metadata) fall back to their text without the
citation lines."""

from __future__ import annotations

import re

from bot.conversation import Conversation
from bot.types import Answer, Citation, Phrase, Segment, ShortAnswer

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_CITATION_LINE = re.compile(r"^\[\d+\] ")


def conversation_from_replies(messages: list[dict], bot_user_id: str, turns: int,
                              notices: tuple[str, ...] = ()) -> Conversation | None:
    """The conversation held in a thread's messages (oldest first), or None when the bot never
    answered there. A turn is a person's message followed by the bot's answer; the bot's notices
    (placeholders, apologies, rate-limit replies) are not answers."""
    conversation = Conversation(turns)
    answered = False
    question = None
    for message in messages:
        text = message.get("text") or ""
        if message.get("user") == bot_user_id or message.get("bot_id") and not message.get("user"):
            answered = True
            if question and not any(text.startswith(n) for n in notices if n):
                conversation.remember(_answer_of(message, question, text))
            question = None
        elif not message.get("subtype"):
            question = strip_mentions(text) or None
    return conversation if answered else None


def _answer_of(message: dict, question: str, text: str) -> Answer:
    payload = (message.get("metadata") or {}).get("event_payload") or {}
    segments = tuple(Segment(str(s.get("text", "")), tuple(int(n) for n in s.get("citations", ())),
                             str(s.get("kind", "quote"))) for s in payload.get("segments") or () if isinstance(s, dict))
    if not segments:
        return Answer(question, (Segment(_answer_part(text)),), True, query=question)
    short = payload.get("short_answer") or None
    short_answer = (ShortAnswer((Phrase(str(short.get("text", "")), 1, 0, 0),), str(short.get("label", "")))
                    if isinstance(short, dict) and short.get("text") else None)
    cited = tuple(Citation(int(c.get("n", 0)), str(c["article_id"]), str(c.get("title", "")), "", None, "", "", "", "")
                  for c in payload.get("citations") or () if isinstance(c, dict) and c.get("article_id"))
    return Answer(question, segments, True, cited, query=question, short_answer=short_answer)


def strip_mentions(text: str | None) -> str:
    """A message's text without its <@U…> mentions."""
    return _MENTION.sub(" ", text or "").strip()


def _answer_part(text: str) -> str:
    """The answer without the citation lines that answer_text() appends."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if _CITATION_LINE.match(line) and i > 0:
            return "\n".join(lines[:i]).strip()
    return text.strip()
