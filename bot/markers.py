"""An answer's segments as one text with `[n]` citation markers: the one place (with render.py's
terminal styling and slack/blocks.py's mrkdwn on top of it) that writes markers. Imports nothing of
bot, so `bot.types` can use it without a cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.types import Segment


def segment_texts(segments: tuple[Segment, ...], text=lambda t: t, short=lambda t: t, notice=lambda t: t) -> list[str]:
    """Each segment as drawn: the short answer followed by a dash (its citation is the first
    quote's); a quote with its `[n]` markers; an attribution and the last figure of a disagreement
    end with a full stop, the other figures with a semicolon. `text` escapes, `short` emphasises
    the short answer, `notice` sets a notice apart ("The articles quoted do not say …")."""
    parts = []
    for i, segment in enumerate(segments):
        body = text(segment.text)
        if segment.kind == "short":
            parts.append(f"{short(body)} —")
        elif not segment.citations:
            parts.append(notice(body) if segment.kind == "notice" else body)
        else:
            end = ("." if segment.kind == "attribution"
                   else _claim_end(segments, i) if segment.kind == "disagreement" else "")
            parts.append(f"{body} {''.join(f'[{n}]' for n in segment.citations)}{end}")
    return parts


def plain_answer(segments: tuple[Segment, ...]) -> str:
    """Segments as one text with `[n]` markers."""
    return " ".join(segment_texts(segments))


def _claim_end(segments, i: int) -> str:
    """`;` between the figures of a disagreement, `.` after the last one."""
    following = segments[i + 1] if i + 1 < len(segments) else None
    return ";" if following is not None and following.kind == "disagreement" else "."
