"""Publishing versions atomically, pruning old ones, and readers that follow the newest one.

    <index>/current          symlink → versions/<id>; replaced with one rename, so readers see
                             either the old or the new version, never a half-written one
    <index>/versions/<id>/   complete versions (see store.py)
    <index>/versions/.tmp-*  builds in progress; left behind only by a crash, removed by the next build
    <index>/cache/           embedding cache shared by all versions
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from index.errors import BuildInProgress, IndexCorrupt, IndexNotFound
from index.store import IndexVersion

log = logging.getLogger(__name__)
CURRENT = "current"
VERSIONS = "versions"


def current_version_path(index_dir: Path) -> Path | None:
    link = Path(index_dir) / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return None
    path = (link.parent / target).resolve()
    return path if (path / "manifest.json").exists() else None


def load_current(index_dir: Path, qdrant=None) -> IndexVersion:
    path = current_version_path(index_dir)
    if path is None:
        raise IndexNotFound(str(index_dir))
    return IndexVersion(path, qdrant)


def new_version_name(index_dir: Path) -> str:
    existing = [p.name for p in (Path(index_dir) / VERSIONS).glob("v*") if p.is_dir()]
    number = max((int(n[1:7]) for n in existing if n[1:7].isdigit()), default=0) + 1
    return f"v{number:06d}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}"


def staging_dir(index_dir: Path, name: str) -> Path:
    return Path(index_dir) / VERSIONS / f".tmp-{name}"


def publish(index_dir: Path, staged: Path, name: str) -> Path:
    """Move a complete staged version into place and switch `current` to it atomically."""
    final = Path(index_dir) / VERSIONS / name
    os.rename(staged, final)
    _fsync_dir(final.parent)
    tmp_link = Path(index_dir) / f".{CURRENT}.{os.getpid()}"
    if tmp_link.is_symlink():
        tmp_link.unlink()
    os.symlink(Path(VERSIONS) / name, tmp_link)
    os.replace(tmp_link, Path(index_dir) / CURRENT)
    _fsync_dir(Path(index_dir))
    return final


def prune(index_dir: Path, keep: int) -> list[str]:
    """Delete all but the newest `keep` versions (never the current one) and stale staging folders."""
    root = Path(index_dir) / VERSIONS
    current = current_version_path(index_dir)
    removed = []
    for stale in root.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
        removed.append(stale.name)
    versions = sorted((p for p in root.glob("v*") if p.is_dir()), key=lambda p: p.name)
    for old in versions[: max(0, len(versions) - max(1, keep))]:
        if current is not None and old.resolve() == current:
            continue
        shutil.rmtree(old, ignore_errors=True)
        removed.append(old.name)
    return removed


@contextmanager
def build_lock(index_dir: Path, wait_seconds: float = 0.0):
    """One build at a time per index folder (the watcher and a manual build may race)."""
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(index_dir) / ".build.lock", "w") as fh:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildInProgress(
                        f"another build is running on {index_dir}; wait for it to finish"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def wait_for_index(index_dir: Path, seconds: float, poll: float = 2.0) -> None:
    """Block until a version is published (or raise IndexNotFound after `seconds`)."""
    deadline = time.monotonic() + seconds
    while current_version_path(index_dir) is None:
        if time.monotonic() >= deadline:
            raise IndexNotFound(str(index_dir))
        log.info("waiting for a first index version at %s", index_dir)
        time.sleep(poll)


class IndexReader:
    """Holds the current version for readers and switches to a newly published one on its own.

    `snapshot()` is cheap (one readlink at most every `check_seconds`). A query keeps the snapshot it
    started with, so publishing or pruning never fails a query in flight; if a new version cannot be
    loaded, the reader logs it and keeps serving the old one.
    """

    def __init__(self, index_dir: Path, check_seconds: float = 1.0, qdrant=None) -> None:
        self.index_dir = Path(index_dir)
        self.qdrant = qdrant  # index.qdrant_store.QdrantConnector, for versions kept on Qdrant
        self.check_seconds = check_seconds
        self._lock = threading.Lock()
        self._version: IndexVersion | None = None
        self._checked = 0.0

    def snapshot(self) -> IndexVersion:
        now = time.monotonic()
        version = self._version
        if version is not None and now - self._checked < self.check_seconds:
            return version
        with self._lock:
            self._checked = now
            path = current_version_path(self.index_dir)
            if self._version is not None and (path is None or path == self._version.path.resolve()):
                damage = self._version.damaged()
                if damage is None:
                    return self._version
                log.error("the served index version is damaged: %s; not serving it", damage)
                self._version = None  # no answer from a half file; the next snapshot tries to load it
                raise IndexCorrupt(f"{damage}; rebuild the index: newsbot index build")
            if path is None:
                raise IndexNotFound(str(self.index_dir))
            try:
                self._version = IndexVersion(path, self.qdrant)
                log.info("serving index version %s", path.name)
            except Exception:
                if self._version is None:
                    raise
                log.exception("new index version %s failed to load; still serving %s", path, self._version.name)
            return self._version


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
