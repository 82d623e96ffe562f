"""Reading the plain files an index version is made of, and writing small files safely."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np


def mapped(path: Path) -> np.ndarray:
    """A .npy file memory-mapped, as a plain array: indexing a np.memmap costs ~1 µs more per
    access, which answering a question pays tens of thousands of times. The mapping lives as long
    as the array does (and outlives the file's deletion)."""
    return np.asarray(np.load(path, mmap_mode="r"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write aside, then rename over the file: a reader sees the old content or the new, never half
    (the name carries the pid, so two processes writing the same file do not share a temp file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
