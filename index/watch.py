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
    poll: Callable[[], bool] | None = None,
    poll_every: float = 600.0,
) -> None:
    """Call `update` once at start and after each change, when the folder has been quiet for
    `debounce` seconds. Every `poll_every` seconds `poll` runs (fetching the feeds); when it says
    something new arrived, `update` runs too. A failing update or poll is logged and the watch
    goes on."""
    stop = stop or threading.Event()
    last_seen = None
    pending_since: float | None = 0.0  # run once at start
    next_poll = time.monotonic()
    polling: threading.Thread | None = None
    news = threading.Event()  # a poll brought articles

    def run_poll() -> None:
        try:
            if poll():
                news.set()
        except Exception:
            log.exception("polling the feeds failed; trying again in %.0f s", poll_every)

    while not stop.is_set():
        state = folder_state(root)
        if state != last_seen:
            if last_seen is not None:
                pending_since = time.monotonic()
            last_seen = state
        # the feeds are polled in a thread of their own: a slow feed host never holds up the folder
        if poll is not None and time.monotonic() >= next_poll and (polling is None or not polling.is_alive()):
            next_poll = time.monotonic() + poll_every
            polling = threading.Thread(target=run_poll, name="feed-poll", daemon=True)
            polling.start()
        if news.is_set():
            news.clear()
            if pending_since is None:
                pending_since = 0.0  # fetched articles are complete: no need to wait for quiet
        if pending_since is not None and time.monotonic() - pending_since >= (debounce if pending_since else 0):
            pending_since = None
            try:
                update()
            except Exception as exc:  # keep watching: the next change may fix it
                log.exception("index update failed; still serving the previous version")
                if on_error:
                    on_error(exc)
        stop.wait(interval)
