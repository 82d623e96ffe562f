"""Watch a seeds folder and update the index when it changes (polling: works on every filesystem,
including bind mounts and network shares where inotify events do not arrive)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from index.articles import scan_files

log = logging.getLogger(__name__)


def folder_state(root: Path) -> tuple[tuple[str, str], ...]:
    return tuple((str(f.path), f.key) for f in scan_files(root)) if Path(root).exists() else ()


def watch(
    root: Path,
    update: Callable[[], object],
    *,
    interval: float = 1.0,
    debounce: float = 2.0,
    stop: threading.Event | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Call `update` once at start and after each change, when the folder has been quiet for
    `debounce` seconds. A failing update is logged and the watch goes on."""
    stop = stop or threading.Event()
    last_seen = None
    pending_since: float | None = 0.0  # run once at start
    while not stop.is_set():
        state = folder_state(root)
        if state != last_seen:
            if last_seen is not None:
                pending_since = time.monotonic()
            last_seen = state
        if pending_since is not None and time.monotonic() - pending_since >= (debounce if pending_since else 0):
            pending_since = None
            try:
                update()
            except Exception as exc:  # keep watching: the next change may fix it
                log.exception("index update failed; still serving the previous version")
                if on_error:
                    on_error(exc)
        stop.wait(interval)
