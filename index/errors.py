"""Named errors of the index package.

    NewsbotError                 base: every error a user may see, with a message that says what to do
    ├── IndexNotFound            no published index version at the given folder
    ├── IndexCorrupt             a version folder is incomplete or unreadable
    ├── NothingToIndex           a build found no usable article at all
    ├── BuildInProgress          another build holds the index lock
    └── ModelNotAvailable        the embedding model cannot be loaded offline
"""

from __future__ import annotations


class NewsbotError(Exception):
    """Base class: the message is meant for the user, in one line."""


class IndexNotFound(NewsbotError):
    def __init__(self, index_dir: str, seeds_dir: str | None = None) -> None:
        seeds = f" --seeds {seeds_dir}" if seeds_dir else ""
        super().__init__(
            f"No index found at {index_dir}. Build it with: newsbot index build{seeds} --index {index_dir}"
        )
        self.index_dir = index_dir


class IndexCorrupt(NewsbotError):
    pass


class NothingToIndex(NewsbotError):
    pass


class BuildInProgress(NewsbotError):
    pass


class ModelNotAvailable(NewsbotError):
    pass
