"""Near-duplicate detection: syndicated wire copies and lightly edited rewrites share a cluster.

MinHash over word 5-shingles. The text is NFKC-normalised and case-folded and split into `\\w+`
words; every run of five consecutive words is a shingle. Chinese is written without spaces, so a
Han character is a word of its own (a shingle is then five characters, about three words); Korean
and Russian words are split at spaces like English ones (a particle or ending stays on its word, as
it does in every copy of a story). Two documents' Jaccard similarity over
their shingle sets is estimated by the share of positions where their MinHash signatures agree.
A wire story and the same story re-published with another dateline, byline, lead-in or footer keep
almost all shingles; two different stories on the same topic (same names, different events) share
only a few stock phrases.

Everything is deterministic across processes and Python versions: shingles are hashed with BLAKE2b
(never Python's salted `hash()`), and the permutation constants derive from BLAKE2b of fixed labels.
A signature is `NUM_PERM` unsigned 32-bit integers — store it as DuckDB `UINTEGER[]` (or `BIGINT[]`),
or as a 512-byte BLOB via `signature_to_bytes`. Signatures made under another `DEDUP_VERSION` are
not comparable.

Clustering uses LSH banding (the signature is cut into bands; only documents sharing a whole band
are compared), so assigning clusters stays fast with many thousands of existing articles.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = [
    "DEDUP_VERSION",
    "DEFAULT_THRESHOLD",
    "NUM_PERM",
    "SHINGLE_SIZE",
    "assign_clusters",
    "signature",
    "signature_from_bytes",
    "signature_to_bytes",
    "similarity",
    "words",
]

NUM_PERM = 128
SHINGLE_SIZE = 5
DEFAULT_THRESHOLD = 0.5
DEDUP_VERSION = f"minhash-w{SHINGLE_SIZE}-p{NUM_PERM}-blake2b-v1"

Signature = tuple[int, ...]

_PRIME = (1 << 61) - 1  # Mersenne prime for the universal hash family
_MASK32 = (1 << 32) - 1
_CHUNK = 4096  # shingles per vectorised step (bounds memory for very long texts)
_TARGET_RECALL = 0.99  # chance that a pair exactly at the threshold becomes a candidate
# A Han character alone, or a run of other word characters (Latin, Cyrillic, Hangul, digits).
_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _derive(label: str, index: int, modulus: int) -> int:
    digest = hashlib.blake2b(f"storywatch-minhash:{label}:{index}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") % modulus


# a in [1, 2^31), b in [0, 2^31): with 32-bit shingle hashes a*x+b < 2^63, no uint64 overflow.
_A = np.array([1 + _derive("a", i, (1 << 31) - 1) for i in range(NUM_PERM)], dtype=np.uint64)
_B = np.array([_derive("b", i, 1 << 31) for i in range(NUM_PERM)], dtype=np.uint64)


def words(text: str) -> list[str]:
    """The words a signature is built from."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def signature(text: str) -> Signature:
    """MinHash signature of the text's word 5-shingles; () for a text without words.

    Texts shorter than five words form a single shingle of all their words.
    """
    tokens = words(text)
    if not tokens:
        return ()
    if len(tokens) < SHINGLE_SIZE:
        shingles = {" ".join(tokens)}
    else:
        shingles = {" ".join(tokens[i : i + SHINGLE_SIZE]) for i in range(len(tokens) - SHINGLE_SIZE + 1)}
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little") for s in shingles),
        dtype=np.uint64,
        count=len(shingles),
    )
    mins = np.full(NUM_PERM, _MASK32, dtype=np.uint64)
    for start in range(0, hashes.size, _CHUNK):
        block = hashes[start : start + _CHUNK, None]
        permuted = ((block * _A + _B) % np.uint64(_PRIME)) & np.uint64(_MASK32)
        np.minimum(mins, permuted.min(axis=0), out=mins)
    return tuple(int(v) for v in mins)


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0.0 if either is empty)."""
    if not len(sig_a) or not len(sig_b):
        return 0.0
    if len(sig_a) != len(sig_b):
        raise _length_error(len(sig_a), len(sig_b))
    equal = sum(1 for x, y in zip(sig_a, sig_b, strict=True) if x == y)
    return equal / len(sig_a)


def signature_to_bytes(sig: Sequence[int]) -> bytes:
    """Little-endian uint32s (512 bytes); b"" for the empty signature."""
    if not len(sig):
        return b""
    return struct.pack(f"<{len(sig)}I", *sig)


def signature_from_bytes(data: bytes) -> Signature:
    if len(data) % 4:
        raise ValueError(f"signature bytes must be a multiple of 4 long, got {len(data)}")
    return struct.unpack(f"<{len(data) // 4}I", data) if data else ()


@lru_cache(maxsize=32)
def _banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows): the most selective banding that still makes a pair at the threshold a
    candidate with probability >= _TARGET_RECALL."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands < 1:
            break
        if 1.0 - (1.0 - threshold**rows) ** bands >= _TARGET_RECALL:
            best = (bands, rows)
    return best


def assign_clusters(
    new: Sequence[tuple[str, Sequence[int]]],
    existing: Sequence[tuple[str, str, Sequence[int]]] = (),
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, str]:
    """`cluster_id` for each new article.

    A new article joins the cluster of its most similar article — existing, or new and earlier in
    `new` — when the similarity is at least `threshold`; otherwise it starts its own cluster whose
    id is its own `article_id`. Ties go to the earlier article (existing ones first). An article
    already in `existing` keeps its cluster. Articles with an empty signature (no words) are never
    matched. Signatures may be tuples, lists or numpy rows.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    known: dict[str, str] = {}
    kept_clusters: list[str] = []
    kept_rows: list[Sequence[int]] = []
    for article_id, cluster_id, sig in existing:
        known.setdefault(article_id, cluster_id)
        if len(sig):
            kept_clusters.append(cluster_id)
            kept_rows.append(sig)
    index = _Index(threshold, kept_clusters, kept_rows)

    result: dict[str, str] = {}
    for article_id, sig in new:
        if article_id in known:
            result.setdefault(article_id, known[article_id])
            continue
        arr = index.as_array(sig)
        match = index.best_match(arr) if arr is not None else None
        cluster_id = match if match is not None else article_id
        result[article_id] = cluster_id
        known[article_id] = cluster_id
        if arr is not None:
            index.add(cluster_id, arr)
    return result


_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant; uint64 products wrap around


class _Index:
    """LSH over signatures, verified on the full signature.

    Existing signatures sit in numpy arrays: one band-hash column per band, sorted, searched with
    `searchsorted` (about 50 bytes per band and article, no Python object per bucket). Articles
    added during the call go to small per-band dictionaries.
    """

    def __init__(self, threshold: float, clusters: list[str], rows: list[Sequence[int]]) -> None:
        self.threshold = threshold
        self.length: int | None = None
        self.bands = self.rows = 0
        matrix = np.zeros((0, 0), dtype=np.uint32)
        if rows:
            matrix = np.asarray(rows, dtype=np.uint32) if _same_length(rows) else _ragged(rows)
            self._set_length(matrix.shape[1])
        self.static = matrix
        self.static_clusters = clusters
        if rows:
            hashes = self._band_hashes(matrix)  # (n, bands)
            self.order = np.argsort(hashes, axis=0, kind="stable").T.copy()  # (bands, n)
            self.sorted = np.take_along_axis(hashes.T, self.order, axis=1)  # (bands, n)
        self.dynamic: list[npt.NDArray[np.uint32]] = []
        self.dynamic_clusters: list[str] = []
        self.buckets: list[dict[int, list[int]]] = [{} for _ in range(self.bands)]

    def _set_length(self, length: int) -> None:
        self.length = length
        self.bands, self.rows = _banding(self.threshold, length)

    def as_array(self, sig: Sequence[int]) -> npt.NDArray[np.uint32] | None:
        if not len(sig):
            return None
        if self.length is None:
            self._set_length(len(sig))
            self.buckets = [{} for _ in range(self.bands)]
        elif len(sig) != self.length:
            raise _length_error(len(sig), self.length)
        return np.asarray(sig, dtype=np.uint32)

    def _band_hashes(self, matrix: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
        """(n, k) signatures → (n, bands) 64-bit hashes of each band's `rows` values."""
        width = self.bands * self.rows
        hashes = np.zeros((matrix.shape[0], self.bands), dtype=np.uint64)
        for j in range(self.rows):
            hashes = (hashes * _MIX) ^ matrix[:, j : width : self.rows].astype(np.uint64)
        return hashes

    def add(self, cluster_id: str, arr: npt.NDArray[np.uint32]) -> None:
        position = len(self.dynamic)
        self.dynamic.append(arr)
        self.dynamic_clusters.append(cluster_id)
        for band, value in enumerate(self._band_hashes(arr[None, :])[0].tolist()):
            self.buckets[band].setdefault(value, []).append(position)

    def best_match(self, arr: npt.NDArray[np.uint32]) -> str | None:
        keys = self._band_hashes(arr[None, :])[0]
        best_score, best_cluster = -1.0, None
        if len(self.static_clusters):
            found = [
                self.order[band, lo:hi]
                for band in range(self.bands)
                for lo, hi in [self._range(band, keys[band])]
                if hi > lo
            ]
            if found:
                candidates = np.unique(np.concatenate(found))  # sorted: earliest first on ties
                scores = np.count_nonzero(self.static[candidates] == arr, axis=1) / arr.size
                top = int(np.argmax(scores))
                best_score, best_cluster = float(scores[top]), self.static_clusters[candidates[top]]
        dynamic: set[int] = set()
        for band, value in enumerate(keys.tolist()):
            dynamic.update(self.buckets[band].get(value, ()))
        for position in sorted(dynamic):
            score = float(np.count_nonzero(self.dynamic[position] == arr)) / arr.size
            if score > best_score:
                best_score, best_cluster = score, self.dynamic_clusters[position]
        return best_cluster if best_score >= self.threshold else None

    def _range(self, band: int, key: np.uint64) -> tuple[int, int]:
        row = self.sorted[band]
        return int(np.searchsorted(row, key, "left")), int(np.searchsorted(row, key, "right"))


def _same_length(rows: list[Sequence[int]]) -> bool:
    first = len(rows[0])
    return all(len(row) == first for row in rows)


def _ragged(rows: list[Sequence[int]]) -> npt.NDArray[np.uint32]:
    lengths = sorted({len(row) for row in rows})
    raise _length_error(lengths[0], lengths[-1])


def _length_error(got: int, expected: int) -> ValueError:
    return ValueError(f"signatures differ in length ({got} vs {expected}): not made by the same DEDUP_VERSION")
