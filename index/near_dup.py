"""Near-identical texts (one story syndicated under several URLs, with another headline, a byline
or a trailing "read more" line): MinHash signatures over word 5-grams, candidates from LSH bands,
kept when the signatures agree on most positions. Pure functions.

With 32 hashes in 8 bands of 4, two texts sharing 85% of their 5-grams become candidates with
probability 1 - (1 - 0.85^4)^8 ≈ 0.9997, and texts sharing 30% almost never (≈ 0.06); a
candidate pair is merged when the estimated overlap is at least `threshold`.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict

import numpy as np

HASHES = 32
BANDS = 8
SHINGLE = 5
THRESHOLD = 0.8
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20261126)  # fixed: signatures are stored and compared across runs
_A = _rng.integers(1, 1 << 31, HASHES, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def signature(text: str) -> list[int]:
    """32 MinHash values of the text's lower-cased word 5-grams (short texts: of their words)."""
    words = _WORD.findall(text.lower())
    n = SHINGLE if len(words) >= SHINGLE else 1
    grams = {" ".join(words[i : i + n]) for i in range(max(len(words) - n + 1, 1))} if words else {""}
    hashed = np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint64, count=len(grams))
    # (a·x + b) mod 2^61-1 with x < 2^32 and a, b < 2^31 stays below 2^64: no overflow
    values = (hashed[None, :] * _A[:, None] + _B[:, None]) % np.uint64(_PRIME)
    return values.min(axis=1).astype(np.int64).tolist()


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated share of 5-grams the two texts have in common (Jaccard)."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


def near_duplicates(signatures: list[list[int]], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """(first, later) index pairs of near-identical texts: each later text is paired with the
    earliest text it copies, so keeping the firsts keeps one of each group."""
    rows = len(signatures[0]) // BANDS if signatures else 0
    buckets: dict[tuple, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    owner: dict[int, int] = {}
    for i, sig in enumerate(signatures):
        best = None
        for band in range(BANDS):
            key = (band, *sig[band * rows : (band + 1) * rows])
            for j in buckets[key]:
                if (best is None or j < best) and similarity(sig, signatures[j]) >= threshold:
                    best = j
            buckets[key].append(i)
        if best is not None:
            first = owner.get(best, best)
            owner[i] = first
            pairs.append((first, i))
    return pairs
