"""Duplicate detection: content hashes, canonical URLs and MinHash signatures.

* **Exact duplicates** have the same text: :func:`content_hash` (SHA-256 of the raw text).
* **Same-URL duplicates** have the same :func:`canonical_url` (scheme and host lower-cased,
  ``www.`` dropped, default port, fragment and tracking parameters removed, the rest of the
  query sorted, percent-escapes decoded, trailing slash dropped).
* **Near duplicates** share most of their word 3-grams: a MinHash signature of the article's
  stems (``datasketch``, :data:`NUM_PERM` permutations) is cut into :data:`BANDS` bands whose
  hashes are stored, so candidates are found with one indexed SQL lookup per band, and a
  candidate whose estimated Jaccard similarity reaches the threshold is a near duplicate.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
#: articles with fewer shingles than this get no signature (too short to compare).
MIN_SHINGLES = 8
#: estimated Jaccard similarity from which an article is a near duplicate.
NEAR_THRESHOLD = 0.8

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ref_src", "igshid", "at_")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def content_hash(text: str) -> str:
    """The SHA-256 of the raw text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """The form of ``url`` under which two addresses of one page compare equal."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    if not host:
        return url.strip()
    scheme = parts.scheme.lower() or "http"
    scheme = "https" if scheme in ("http", "https") else scheme
    host = host.removeprefix("www.")
    if port is not None and str(port) not in _DEFAULT_PORTS.values():
        host = f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%") or "/"
    path = path.rstrip("/") or "/"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    )
    return urlunsplit((scheme, host, unquote(path), urlencode(query), ""))


def _shingles(stems: Sequence[str]) -> list[bytes]:
    n = len(stems)
    if n < SHINGLE:
        return []
    return list({" ".join(stems[i : i + SHINGLE]).encode("utf-8") for i in range(n - SHINGLE + 1)})


def signature(stems: Sequence[str]) -> tuple[int, ...] | None:
    """The MinHash signature of a text's stems, or None when it is too short."""
    shingles = _shingles(stems)
    if len(shingles) < MIN_SHINGLES:
        return None
    try:
        from datasketch import MinHash
    except ImportError:  # pragma: no cover - the store extra is missing
        from marsad.errors import ConfigError

        raise ConfigError(
            "near-duplicate detection needs datasketch: pip install 'marsad[store]'"
        ) from None
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch(shingles)
    return tuple(int(v) for v in mh.hashvalues)


def band_keys(sig: Sequence[int]) -> list[int]:
    """One signed 64-bit key per band (the band number is hashed in)."""
    keys = []
    for b in range(BANDS):
        chunk = struct.pack(f"<H{ROWS}I", b, *sig[b * ROWS : (b + 1) * ROWS])
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys


def pack(sig: Sequence[int]) -> bytes:
    return struct.pack(f"<{len(sig)}I", *sig)


def unpack(blob: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(blob) // 4}I", blob)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The Jaccard similarity two signatures estimate."""
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
