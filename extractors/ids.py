"""Stable identifiers and content hashes.

Ids are derived from content that does not change between runs (a normalised URL, a seed's path),
so loading the same input twice produces the same keys and the warehouse can deduplicate.
"""

from __future__ import annotations

import hashlib
import unicodedata


def stable_id(*parts: str, length: int = 16) -> str:
    """Hex digest of the parts, joined by a separator that cannot occur in them."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def article_id(key: str) -> str:
    """Article id from its normalised URL (or `seed:<path>` for seed files)."""
    return stable_id("article", key)


def normalize_text(text: str) -> str:
    """Text as it is compared for identity: NFC, whitespace collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def text_hash(text: str) -> str:
    """Hash of the normalised text: identical stories under different URLs share it."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:32]
