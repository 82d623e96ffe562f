"""Shortening text for display (pure): one rule for the terminal, Slack, notes and prompts."""

from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """`text` with its whitespace collapsed, cut at a word boundary to at most `limit` characters
    (an ellipsis marks the cut)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
