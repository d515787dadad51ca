"""Near-duplicate articles (syndicated copies) with MinHash over word shingles (datasketch).

Signatures are split into LSH bands; each band's hash is a plain string, so the store can look
candidates up with an indexed equality query in SQLite or PostgreSQL instead of an in-memory LSH.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash

NUM_PERM = 128
BANDS, ROWS = 16, 8  # candidate threshold about (1/16) ** (1/8) = 0.71 Jaccard
# A second, wider banding of the same signature finds lightly edited copies (a credit line, a trimmed
# paragraph, house-style words: Jaccard 0.5-0.7). Its band names carry a "w" prefix, so ledgers written before
# it keep matching through the first banding and need no migration. Candidate threshold (1/32) ** (1/4) = 0.42.
WIDE_BANDS, WIDE_ROWS = 32, 4
# estimated Jaccard of 5-word shingles above which two texts are one report: independent write-ups of one
# event share a few names and figures (Jaccard under 0.2); a republished story keeps most of its sentences
THRESHOLD = 0.5
SHINGLE = 5
SCHEME = "affine32"  # pinned: stored signatures must stay comparable across datasketch upgrades

_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def bands(mh: MinHash) -> list[str]:
    """One hash per LSH band; texts sharing any band are near-duplicate candidates."""
    hv = mh.hashvalues
    narrow = [
        f"{b}:" + hashlib.blake2b(hv[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    ]
    wide = [
        f"w{b}:" + hashlib.blake2b(hv[b * WIDE_ROWS : (b + 1) * WIDE_ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(WIDE_BANDS)
    ]
    return narrow + wide


def similarity(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))


def from_values(values: list[int]) -> MinHash:
    import numpy as np

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.array(values, dtype=np.uint32))


def near_duplicate(a: MinHash, b: MinHash) -> bool:
    return similarity(a, b) >= THRESHOLD
