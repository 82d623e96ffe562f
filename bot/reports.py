"""Rich views of build reports, index status and evaluation summaries."""

from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from bot.text import counted
from bot.timeline import undated_notice
from index.build import SyncReport


def sync_report_view(report: SyncReport) -> Group:
    if report.published:
        head = Text(f"Published index version {report.version}", style="bold green")
    else:
        head = Text(f"Index is up to date (version {report.version})", style="bold")
    table = Table.grid(padding=(0, 2))
    for label, value in (
        ("files read", report.files_seen), ("articles indexed", report.articles),
        ("added / changed / removed", f"{len(report.added)} / {len(report.changed)} / {len(report.removed)}"),
        ("duplicates merged", len(report.merged)), ("skipped", len(report.skipped)),
        ("chunks", report.chunks), ("chunks embedded now", report.embedded),
        ("seconds", f"{report.seconds:.2f}"),
    ):
        table.add_row(label, str(value))
    parts = [head, table]
    if report.query_encoder:
        fit = report.query_encoder
        parts.append(Text(f"static question encoder fitted on {fit['spans']:,} spans in {fit['seconds']:.0f} s "
                          f"(cosine to the model's vectors {fit['held_out_cosine']:.2f})"))
    for m in report.merged:
        parts.append(Text(f"merged: {m.dropped_path} duplicates {m.kept_path}", style="dim"))
    for s in report.skipped:
        parts.append(Text(f"skipped: {s.path}: {s.reason}", style="yellow"))
    return Group(*parts)


def fetch_report_view(report) -> Group:
    """One line per feed polled (index/fetched.PollReport), then the URLs added by hand."""
    head = Text(f"Fetched: {report.new} new, {report.changed} changed articles "
                f"({report.requests} requests, {report.seconds:.1f} s)", style="bold")
    parts = [head]
    for feed in report.feeds:
        parts.append(_feed_line(feed.name, feed.last_status, feed.items, feed.error or feed.warning,
                                f"+{feed.new} ~{feed.changed}"))
    for url in report.urls:
        if url.get("status") != "ok":
            parts.append(Text(f"  {url['url']}: {url.get('error') or url.get('status')}", style="yellow"))
    return Group(*parts)


def feeds_view(feeds: list[dict]) -> Group:
    if not feeds:
        return Group(Text("No feeds followed. Add one with `newsbot feeds add URL`."))
    table = Table("name", "url", "last fetch", "status", "articles", "error or warning")
    for f in feeds:
        table.add_row(escape(f["name"]), escape(f["url"]), f.get("last_fetch") or "never",
                      str(f.get("last_status") or ""), str(f.get("items", 0)),
                      Text(f.get("error") or f.get("warning") or "", style="yellow"))
    return Group(table)


def _feed_line(name: str, status, items: int, problem: str, counts: str) -> Text:
    style = "yellow" if status == "error" else ""
    line = Text(f"  {name}: {status} {counts}, {counted(items, 'article')} kept", style=style)
    if problem:
        line.append(f" — {problem}", style="yellow")
    return line


def status_view(status: dict) -> Group:
    table = Table.grid(padding=(0, 2))
    for key in ("version", "built_at", "model", "dim", "articles", "chunks", "files", "build_seconds", "path"):
        table.add_row(key, escape(str(status.get(key, ""))))
    table.add_row("skipped files", str(len(status.get("skipped", []))))
    names = status.get("entities")
    table.add_row("names (NER)", f"stored per sentence by {escape(names['model'])}" if names
                  else "read when answering (not stored: index.entities off, or spaCy missing)")
    fit = status.get("static_question_encoder")
    if fit:
        table.add_row("static question encoder", f"fitted on {fit['chunks']:,} chunks ({fit['spans']:,} spans), "
                      f"cosine to the model {fit['held_out_cosine']:.2f}, {fit['fitted_at']}")
    parts = [table]
    if status.get("feeds"):
        parts.append(feeds_view(status["feeds"]))
    for s in status.get("skipped", []):
        parts.append(Text(f"skipped: {s['path']}: {s['reason']}", style="yellow"))
    return Group(*parts)


def eval_view(summary: dict) -> Group:
    table = Table(title=f"RealTime QA — retrieval answer-recall (n={summary.get('n_recall', 0)})")
    for col in ("retriever", "hit@1", "hit@5", "hit@10", "mrr@10", "n"):
        table.add_column(col, justify="right" if col != "retriever" else "left")
    for name, row in summary["retrievers"].items():
        table.add_row(name, *(f"{row[c]:.3f}" for c in ("hit@1", "hit@5", "hit@10", "mrr@10")), str(row["n"]))
    splits = Table(title="Answers, by split (tuned on dev; heldout never looked at while tuning)")
    for col in ("split", "questions", "hit@10", "answer has gold", "short answer given", "short answer right",
                "answered (answerable)", "answered (absent)", "multiple choice"):
        splits.add_column(col, justify="left" if col == "split" else "right")
    for name in ("dev", "heldout"):
        if name in summary:
            splits.add_row(name, *_split_cells(summary[name]))
    splits.add_row("all", *_split_cells(summary), style="bold")
    parts = [table, splits]
    gen = summary.get("generative")
    if gen:
        parts.append(Text(
            f"generative ({gen['provider']} {gen['model']}, n={gen['n']}): gold in the answer "
            f"{gen['answer_contains_gold']:.3f} (quotes on the same questions {gen['extractive_on_same']:.3f}); "
            f"written and kept {gen['generative_answers']:.2f}, fell back {gen['fell_back']:.2f}; sentences kept "
            f"{gen['sentences_kept']}, dropped {gen['sentences_dropped']}; p50 {gen['seconds_p50']:.1f} s an answer, "
            f"{gen['first_token_p50']:.1f} s to the first token; multiple choice by the model "
            f"{gen['multiple_choice']['accuracy']:.3f} (by support counting on the same questions "
            f"{gen['multiple_choice']['extractive_on_same']:.3f})"))
    return Group(*parts)


def _split_cells(part: dict) -> list[str]:
    gold = part.get("answer_contains_gold", {"rate": 0.0, "n": 0})
    short = part.get("short_answer_phrase", {"given": 0.0, "right": 0.0, "n": 0})
    answered = part.get("answered", {"answerable": 0.0, "answer_not_in_corpus": 0.0})
    return [str(part.get("questions", 0)), f"{part['retrievers']['rescored']['hit@10']:.3f}",
            f"{gold['rate']:.3f} (n={gold['n']})", f"{short['given']:.3f}", f"{short['right']:.3f} (n={short['n']})",
            f"{answered['answerable']:.3f}", f"{answered['answer_not_in_corpus']:.3f}",
            f"{part['multiple_choice']['accuracy']:.3f}"]


def stories_view(stories: list[dict]) -> Group:
    if not stories:
        return Group(Text("No stories match."))
    parts = []
    for s in stories:
        outlets = len(s["sources"])
        head = Text(s["label"], style="bold")
        head.append(f"  {s['first_date'] or '?'} → {s['last_date'] or '?'} · {counted(len(s['articles']), 'article')}"
                    f" · {counted(outlets, 'outlet')}", style="dim")
        parts.append(head)
        for a in s["articles"][:8]:
            parts.append(_article_row(a))
    return Group(*parts)


def _article_row(a: dict) -> Text:
    """An article as a line under a story or an empty timeline: date, outlet, title."""
    return Text(f"    {a['published'] or '':10}  {a['source'][:20]:20}  {a['title'][:90]}")


def timeline_view(query: str, events, sources: list[dict] | None = None) -> Group:
    if not events:
        return Group(Text(undated_notice(query, sources or [])),
                     *(_article_row(a) for a in sources or []))
    table = Table(title=f"Timeline: {escape(query)}", show_lines=False)
    for col in ("date", "from", "event", "source"):
        table.add_column(col)
    for e in events:
        cited = e.citations or (e.citation,)
        table.add_row(e.date, e.date_from, escape(e.text), " ".join(f"[{c.n}] {escape(c.source)}" for c in cited))
    return Group(table)


def quotes_view(speaker: str, quotes) -> Group:
    if not quotes:
        return Group(Text(f"No statements attributed to {speaker} found."))
    parts = [Text(f"Statements attributed to {speaker}", style="bold")]
    for q in quotes:
        parts.append(Text(f"{q.published or '':10}  “{q.text}”  [{q.citation.n}] {q.citation.source}"))
    return Group(*parts)


def digest_view(since: str, stories: list[dict]) -> Group:
    if not stories:
        return Group(Text(f"Nothing new since {since}."))
    parts = [Text(f"New since {since}", style="bold")]
    for s in stories:
        tag = "new story" if s["new_story"] else f"+{len(s['new_articles'])} article(s)"
        parts.append(Text(f"• {s['label']} ({tag})", style="bold"))
        parts.append(Text(f"    {s['lead']['text']} [{s['lead']['citation']['source']}]"))
    return Group(*parts)
