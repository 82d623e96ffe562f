"""A rich progress bar for an index build's long stages (implements index.build.EmbedProgress)."""

from __future__ import annotations

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class RichProgress:
    def __init__(self, label: str) -> None:
        self.label = label
        self._progress: Progress | None = None
        self._task = None

    def begin(self, total: int, label: str | None = None) -> None:
        if total == 0:
            return
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), transient=True)
        self._progress.start()
        self._task = self._progress.add_task(label or self.label, total=total)

    def advance(self, n: int) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def end(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
