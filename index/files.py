"""Reading the plain files an index version is made of."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def mapped(path: Path) -> np.ndarray:
    """A .npy file memory-mapped, as a plain array: indexing a np.memmap costs ~1 µs more per
    access, which answering a question pays tens of thousands of times. The mapping lives as long
    as the array does (and outlives the file's deletion)."""
    return np.asarray(np.load(path, mmap_mode="r"))
