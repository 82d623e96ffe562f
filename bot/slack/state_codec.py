"""What a shared Slack state stores, as JSON: a thread's conversation (each turn's question, query,
answer segments, short answer and cited articles: what follow-ups read) and an answer kept for the
feedback button (question, segments, citations, index version). Passages are not stored: the
"Show passages" button names its chunks, and any bot process reads them from its index."""

from __future__ import annotations

import json

from bot.conversation import Conversation, Turn
from bot.types import Answer, Citation, Phrase, Segment, ShortAnswer


def answer_record(answer: Answer) -> dict:
    short = answer.short_answer
    return {
        "question": answer.question, "query": answer.query, "found": answer.found,
        "index_version": answer.index_version, "mode": answer.mode,
        "segments": [s.to_dict() for s in answer.segments],
        "short_answer": {"text": short.text, "label": short.label} if short else None,
        "citations": [{"n": c.n, "article_id": c.article_id, "title": c.title, "source": c.source,
                       "published": c.published, "url": c.url, "path": c.path} for c in answer.citations],
    }


def answer_from_record(data: dict) -> Answer:
    short = data.get("short_answer")
    return Answer(
        question=data.get("question", ""),
        segments=tuple(Segment(s["text"], tuple(s.get("citations", ())), s.get("kind", "quote"))
                       for s in data.get("segments", ())),
        found=bool(data.get("found")),
        citations=tuple(Citation(quote="", passage="", **c) for c in data.get("citations", ())),
        query=data.get("query", ""), index_version=data.get("index_version", ""), mode=data.get("mode", "extractive"),
        short_answer=ShortAnswer((Phrase(short["text"], 1, 0, 0),), short.get("label", "")) if short else None,
    )


def turn_json(turn: Turn) -> str:
    return json.dumps({"question": turn.question, "query": turn.query, "answer": answer_record(turn.answer)},
                      ensure_ascii=False)


def conversation_from_turns(turns_json: list[str | bytes], max_turns: int) -> Conversation:
    conversation = Conversation(max_turns)
    for raw in turns_json:
        data = json.loads(raw)
        conversation.turns.append(Turn(data["question"], data["query"], answer_from_record(data["answer"])))
    return conversation
