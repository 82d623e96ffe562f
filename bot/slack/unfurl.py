"""Link unfurls (pure given an index version): a link to an indexed article unfurls with its story,
how many outlets report it, what is new since the linked article, and where outlets' figures differ.

Links are matched after `canonical_link` (tracking parameters, fragment and host case do not
matter). A link newsbot does not know gets no unfurl here; `slack.unfurl_fetch` decides whether the
listener fetches and indexes it.
"""

from __future__ import annotations

from functools import lru_cache

from bot.disagreements import figures_across_outlets
from bot.slack.blocks import clip_keep_lines, escape
from bot.text import clip, counted
from index.feeds import canonical_link
from index.sentences import split_sentences

MAX_LINKS = 5  # links unfurled per message (Slack sends up to 5 per link_shared event)
LEAD_SENTENCES = 5  # sentences of each article compared for figures


@lru_cache(maxsize=4)
def _by_link(version) -> dict[str, object]:
    return {canonical_link(a.url): a for a in version.articles if a.url}


def known_article(version, url: str):
    """The indexed article a link points to, or None."""
    return _by_link(version).get(canonical_link(url))


def _lead(version, article) -> str:
    from bot.newsroom import article_text, lead_of

    return lead_of(article_text(version, version.article_row[article.id]))


def _opening(version, article) -> str:
    from bot.newsroom import article_text

    text = article_text(version, version.article_row[article.id])
    return " ".join(text[s:e] for s, e in split_sentences(text)[:LEAD_SENTENCES])


def unfurl_blocks(version, article) -> list[dict]:
    """The unfurl of one indexed article."""
    story = version.story_of(article.id)
    rows = version.article_row
    members = [version.articles[rows[a]] for a in (story.article_ids if story else (article.id,)) if a in rows]
    outlets = sorted({a.source for a in members if a.source})
    label = story.label if story else article.title
    lines = [f"*Story: {escape(clip(label, 200))}*",
             f"{counted(len(members), 'article')} from {counted(len(outlets) or 1, 'outlet')}"
             + (f" ({escape(', '.join(outlets[:6]))})" if outlets else "")]
    newer = [a for a in members if a.id != article.id and (a.published or "") > (article.published or "")]
    latest = max(members, key=lambda a: (a.published or "", a.title))
    if newer:
        lines.append(f"*{len(newer)} newer article{'s' if len(newer) != 1 else ''}* since this one; latest "
                     f"({escape(latest.published or 'undated')}, {escape(latest.source or 'unknown outlet')}): "
                     f"{escape(clip(_lead(version, latest), 400))}")
    elif latest.id == article.id and len(members) > 1:
        lines.append("This is the story's newest article.")
    by_outlet: dict[str, str] = {}
    for a in sorted(members, key=lambda a: a.published or ""):
        by_outlet.setdefault(a.source, _opening(version, a))
    for d in figures_across_outlets([(s, t) for s, t in by_outlet.items() if s]):
        stated = "; ".join(f"{escape(c.source)}: {escape(c.value)}" for c in d.claims[:4])
        lines.append(f"Outlets differ on *{escape(d.about)}*: {stated}")
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": clip_keep_lines("\n".join(lines), 3000)}}]
    if article.url.startswith(("http://", "https://")):
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(
            f"newsbot · indexed as <{article.url}|{escape(clip(article.title, 150))}> · ask `/ask` for more", 2000)}]})
    return blocks


def unfurls(version, links: list[str]) -> dict[str, dict]:
    """chat.unfurl's `unfurls` for the links newsbot knows (keyed by the link as posted)."""
    out = {}
    for url in links[:MAX_LINKS]:
        article = known_article(version, url)
        if article is not None:
            out[url] = {"blocks": unfurl_blocks(version, article)}
    return out
