"""Where articles come from, behind one small interface: a `Source` lists items, each with a stable
key and a change token, and reads the articles of one item. The index build (index/build.py)
re-reads an item only when its token changed.

Two implementations:
- `FolderSource`: a seeds folder; an item is a file, its token size:mtime.
- `FetchedSource`: what feeds and `newsbot add URL` brought in (index/fetched.py writes it, over
  HTTP, before a build); an item is one stored article record, its token the record's size:mtime
  (a record is rewritten only when its article changed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from index.articles import Article, FileParse, Skipped, article_from_fields, read_file, scan_files

FETCHED_PREFIX = "fetched:"


def fetched_dir(index_dir: Path) -> Path:
    """Where feeds, added URLs, their fetch state and the fetched articles live (index/fetched.py)."""
    return Path(index_dir) / "fetched"


def default_sources(seeds_dir: Path, index_dir: Path) -> list[Source]:
    return [FolderSource(seeds_dir), FetchedSource(fetched_dir(index_dir) / "items")]


@dataclass(frozen=True)
class Item:
    key: str  # stable identity across builds (a file path, or "fetched:<group>/<id>.json")
    token: str  # changes whenever the item's content may have


class Source(Protocol):
    label: str  # shown in reports and errors

    def exists(self) -> bool: ...

    def items(self, problems: list[Skipped]) -> list[Item]: ...

    def read(self, item: Item) -> FileParse: ...


class FolderSource:
    """Article files under a folder (or one file): .txt, .md, .html, .json, .jsonl(.gz)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.label = str(root)

    def exists(self) -> bool:
        return self.root.exists()

    def items(self, problems: list[Skipped]) -> list[Item]:
        if not self.root.exists():
            return []
        return [Item(str(f.path), f.key) for f in scan_files(self.root, problems)]

    def read(self, item: Item) -> FileParse:
        return read_file(Path(item.key))


class FetchedSource:
    """Article records fetched from feeds and URLs, one JSON file each under `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.label = "feeds and added URLs"

    def exists(self) -> bool:
        return self.folder.exists()

    def items(self, problems: list[Skipped]) -> list[Item]:
        if not self.folder.exists():
            return []
        return [Item(FETCHED_PREFIX + f.path.relative_to(self.folder).as_posix(), f.key)
                for f in scan_files(self.folder, problems) if f.path.suffix == ".json"]

    def read(self, item: Item) -> FileParse:
        path = self.folder / item.key.removeprefix(FETCHED_PREFIX)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return FileParse(skipped=[Skipped(item.key, f"cannot read the fetched article: {exc}")])
        parsed = article_from_fields(record, item.key, origin=record.get("origin", ""))
        if isinstance(parsed, str):
            return FileParse(skipped=[Skipped(item.key, parsed)])
        return FileParse(articles=[parsed])


def is_fetched(article: Article) -> bool:
    return article.path.startswith(FETCHED_PREFIX)
