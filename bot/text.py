"""Text for display (pure): shortening, one rule for the terminal, Slack, notes and prompts, and
lists of quoted words."""

from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """`text` with its whitespace collapsed, cut at a word boundary to at most `limit` characters
    (an ellipsis marks the cut)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def or_list(items: list[str]) -> str:
    """a, b or c."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def quoted_list(words: list[str]) -> str:
    """“a”, “b” or “c”: words as an answer's notices name them."""
    return or_list([f"“{w}”" for w in words])


def counted(n: int, noun: str) -> str:
    """"1 article", "3 articles" (a noun whose plural adds s)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
