"""Rich views of build reports, index status and evaluation summaries."""

from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

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


def status_view(status: dict) -> Group:
    table = Table.grid(padding=(0, 2))
    for key in ("version", "built_at", "model", "dim", "articles", "chunks", "files", "build_seconds", "path"):
        table.add_row(key, escape(str(status.get(key, ""))))
    table.add_row("skipped files", str(len(status.get("skipped", []))))
    fit = status.get("static_question_encoder")
    if fit:
        table.add_row("static question encoder", f"fitted on {fit['chunks']:,} chunks ({fit['spans']:,} spans), "
                      f"cosine to the model {fit['held_out_cosine']:.2f}, {fit['fitted_at']}")
    parts = [table]
    for s in status.get("skipped", []):
        parts.append(Text(f"skipped: {s['path']}: {s['reason']}", style="yellow"))
    return Group(*parts)


def eval_view(summary: dict) -> Group:
    table = Table(title=f"RealTime QA — retrieval answer-recall (n={summary.get('n_recall', 0)})")
    for col in ("retriever", "hit@1", "hit@5", "hit@10", "mrr@10", "n"):
        table.add_column(col, justify="right" if col != "retriever" else "left")
    for name, row in summary["retrievers"].items():
        table.add_row(name, *(f"{row[c]:.3f}" for c in ("hit@1", "hit@5", "hit@10", "mrr@10")), str(row["n"]))
    mc = summary["multiple_choice"]
    gold = summary.get("answer_contains_gold", {"rate": 0.0, "n": 0})
    return Group(table, Text(f"answer quotes contain the gold answer: {gold['rate']:.3f} (n={gold['n']})"),
                 Text(f"multiple choice accuracy: {mc['accuracy']:.3f} (n={mc['n']})", style="bold"))
