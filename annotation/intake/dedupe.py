"""Duplicate detection: exact (content hash) and near duplicates (64-bit simhash over word shingles).

Near duplicates are found through eight 8-bit bands of the fingerprint: two fingerprints within
7 bits of each other share at least one band exactly, so candidates come from a dictionary lookup,
not from comparing every pair. Candidates are then confirmed by the Jaccard similarity of shingles.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from annotation.intake.extract import key

MAX_BITS = 7  # fingerprints this close are near duplicates (random texts differ in ~32 bits)
MIN_SHINGLES = 10  # shorter texts only get the exact check
SHINGLE = 3
_WORD = re.compile(r"[\w\u0600-\u06ff]+")
_MASK64 = (1 << 64) - 1


def normalise(text: str) -> list[str]:
    """Words of the text for comparison: no punctuation, diacritics or spelling variants of alef/ya/ta."""
    return _WORD.findall(key(text).lower())


_word_hashes: dict[str, int] = {}
_K1, _K2 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F  # odd constants: position matters in a shingle


def _word_hash(word: str) -> int:
    value = _word_hashes.get(word)
    if value is None:
        if len(_word_hashes) > 200_000:
            _word_hashes.clear()
        value = _word_hashes[word] = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
    return value


def shingles(text: str) -> set[int]:
    """64-bit hashes of the text's word 3-grams (normalised words), as a set."""
    hashes = [_word_hash(w) for w in normalise(text)]
    if len(hashes) < SHINGLE:
        return {_word_hash(" ".join(normalise(text)))} if hashes else set()
    return {((a * _K1) ^ (b * _K2) ^ c) & _MASK64 for a, b, c in zip(hashes, hashes[1:], hashes[2:], strict=False)}


def content_hash(body: str) -> str:
    """The same hash as Article.hash_body: SHA-256 of the whitespace-normalised body."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


# Bit counting in C: the 8-byte hashes of all shingles are packed, each byte column is sliced out
# and, for each bit, mapped to 0/1 by bytes.translate and counted.
_BIT = [bytes((b >> bit) & 1 for b in range(256)) for bit in range(8)]


def simhash(text: str, grams: set[int] | None = None) -> int:
    """A signed 64-bit fingerprint (fits a BigIntegerField); similar texts differ in few bits."""
    grams = shingles(text) if grams is None else grams
    joined = struct.pack(f"<{len(grams)}Q", *grams)
    half = len(grams) / 2
    value = 0
    for i in range(8):
        column = joined[i::8]
        for bit in range(8):
            if column.translate(_BIT[bit]).count(1) > half:
                value |= 1 << (8 * i + bit)
    return value - (1 << 64) if value >= 1 << 63 else value


def distance(a: int, b: int) -> int:
    return ((a ^ b) & _MASK64).bit_count()


def jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _bands(fingerprint: int) -> list[tuple[int, int]]:
    value = fingerprint & _MASK64
    return [(i, (value >> (8 * i)) & 0xFF) for i in range(8)]


@dataclass(frozen=True)
class Match:
    """An existing (or earlier in the same batch) text that a new text duplicates."""

    key: object  # the article id, or ("new", index) for an earlier item of the same batch
    kind: str  # "exact" or "near"
    bits: int


class FingerprintIndex:
    """Known fingerprints, searchable for exact and near duplicates."""

    def __init__(self, rows: Iterable[tuple[object, str, int | None]] = ()):
        self.by_hash: dict[str, object] = {}
        self.fingerprints: dict[object, int] = {}
        self.bands: dict[tuple[int, int], list[object]] = defaultdict(list)
        for row_key, chash, fingerprint in rows:
            self.add(row_key, chash, fingerprint)

    def add(self, row_key, chash: str, fingerprint: int | None) -> None:
        if chash:
            self.by_hash.setdefault(chash, row_key)
        if fingerprint is not None:
            self.fingerprints[row_key] = fingerprint
            for band in _bands(fingerprint):
                self.bands[band].append(row_key)

    def find(self, chash: str, fingerprint: int) -> list[Match]:
        """Exact match first, then near matches by increasing distance."""
        found: list[Match] = []
        exact = self.by_hash.get(chash)
        if exact is not None:
            found.append(Match(exact, "exact", 0))
        seen = {exact}
        near = []
        for band in _bands(fingerprint):
            for row_key in self.bands.get(band, ()):
                if row_key in seen:
                    continue
                seen.add(row_key)
                bits = distance(fingerprint, self.fingerprints[row_key])
                if bits <= MAX_BITS:
                    near.append(Match(row_key, "near", bits))
        return found + sorted(near, key=lambda m: m.bits)
