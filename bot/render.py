"""Terminal rendering of answers and reports with rich (the CLI's only output code)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.markers import plain_answer, segment_texts  # noqa: F401 (re-exported for slack/blocks)
from bot.text import clip
from bot.types import Answer, Citation, Segment


def answer_text(answer: Answer) -> Text:
    """The answer for the terminal: the short answer (when there is one) in bold, a notice that
    opens a found answer in italics."""
    text = Text()
    rest = tuple(s for s in answer.segments if s.kind != "short")
    for segment in answer.segments:
        if segment.kind == "short":
            text.append(segment.text, style="bold green")
            text.append(" — ")
    while answer.found and rest and rest[0].kind == "notice":  # "The articles quoted do not say …"
        text.append(rest[0].text + " ", style="italic yellow")
        rest = rest[1:]
    text.append(plain_answer(rest))
    return text


def answer_view(answer: Answer, show_passages: bool = False) -> Group:
    parts = [Panel(answer_text(answer), title="Answer" if answer.found else "No answer",
                   border_style="green" if answer.found else "yellow", expand=False)]
    if answer.dated:  # the quoted report is much older than the newest found
        parts.append(Text(answer.dated, style="yellow"))
    for c in answer.citations:
        parts.append(citation_view(c))
    if answer.notes:
        parts.append(Text("\n".join(f"note: {n}" for n in answer.notes), style="dim"))
    if show_passages or not answer.found:
        parts.append(passages_table(answer))
    return Group(*parts)


def citation_view(c: Citation) -> Text:
    where = c.url or c.path
    reported = f"reported by {c.outlets} outlets" if c.outlets > 1 else ""
    meta = " · ".join(x for x in (c.source, c.published or "", reported, where) if x)
    text = Text()
    text.append(f"[{c.n}] ", style="bold cyan")
    text.append(c.title, style="bold")
    text.append(f"\n    {meta}\n", style="dim")
    if c.also:
        text.append("    also: " + ", ".join(f"{s} {u}" if s else u for s, u in c.also) + "\n", style="dim")
    text.append_text(highlighted_passage(c))
    text.append("\n")
    return text


def highlighted_passage(c: Citation, context: int = 160) -> Text:
    """The passage around the supporting sentence(s), which are highlighted."""
    if not c.highlights:
        return Text("    “" + clip(c.quote, 400) + "”")
    start = max(0, c.highlights[0][0] - context)
    end = min(len(c.passage), c.highlights[-1][1] + context)
    start = c.passage.rfind(" ", 0, start) + 1 if start else 0
    space = c.passage.find(" ", end)
    end = space if end < len(c.passage) and space != -1 else len(c.passage)
    body = Text(("…" if start else "") + c.passage[start:end] + ("…" if end < len(c.passage) else ""))
    shift = start - (1 if start else 0)
    for hs, he in c.highlights:
        body.stylize("bold yellow", hs - shift, he - shift)
    out = Text("    ")
    out.append_text(body)
    return out


def passages_table(answer: Answer) -> Table:
    table = Table(title="Closest passages" if not answer.found else "Passages", show_lines=False, expand=True)
    table.add_column("#", justify="right", width=2)
    table.add_column("score", justify="right", width=6)
    table.add_column("article", ratio=1)
    table.add_column("passage", ratio=3)
    for i, p in enumerate(answer.passages, 1):
        table.add_row(str(i), f"{p.score:.2f}", escape(p.article.title), escape(clip(p.matched, 220)))
    return table


def timings_line(answer: Answer) -> Text:
    items = ", ".join(f"{k} {v:.1f}" for k, v in answer.timings_ms.items())
    return Text(f"ms: {items}", style="dim")


def streamed(console: Console, items) -> Answer:
    """Show an answer's text as it is written (a generative answer), then return the finished
    Answer, which the caller prints in full: verification may have changed the text."""
    from rich.live import Live

    written = ""
    live = None
    try:
        for item in items:
            if isinstance(item, Answer):
                return item
            written += item
            if live is None and console.is_terminal:
                live = Live(Panel(Text(written), title="Writing…", border_style="dim"), console=console,
                            refresh_per_second=8, transient=True)
                live.start()
            if live is not None:
                live.update(Panel(Text(written), title="Writing…", border_style="dim"))
    finally:
        if live is not None:
            live.stop()
    raise RuntimeError("the composer ended without an answer")


def make_console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)
