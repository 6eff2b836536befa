"""Does a passphrase fit a vault's pages? Checked without SQLCipher, page by page.

SQLCipher cannot tell a wrong passphrase from a damaged first page: both fail the first page's
check. But every page carries its own HMAC, keyed from the passphrase and the salt in the
file's first 16 bytes. If the later pages pass under a passphrase, the passphrase is right and
the damage is proven; if none does, the passphrase is not this file's. This follows SQLCipher
4's default settings (PBKDF2-HMAC-SHA512 with 256,000 iterations for the key, 2 more for the
HMAC key, HMAC-SHA512 over each page's data and IV and its number, little-endian).
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

PAGE_SIZE = 4096
_SALT = 16
_HMAC = 64
_ITERATIONS = 256_000
_HMAC_ITERATIONS = 2
_HMAC_SALT_MASK = 0x3A
_SAMPLES = 8  # pages looked at: enough to prove a key, few enough to stay quick


def passphrase_fits(path: Path, passphrase: str) -> bool:
    """True when pages of the file after the first pass their HMAC under `passphrase`."""
    try:
        with Path(path).open("rb") as file:
            salt = file.read(_SALT)
            size = file.seek(0, 2)
            pages = size // PAGE_SIZE
            if len(salt) < _SALT or pages < 2:
                return False
            key = _hmac_key(passphrase.encode("utf-8"), salt)
            for number in _sample(pages):
                file.seek((number - 1) * PAGE_SIZE)
                if _page_passes(file.read(PAGE_SIZE), number, key):
                    return True
    except OSError:
        return False
    return False


def _hmac_key(passphrase: bytes, salt: bytes) -> bytes:
    key = hashlib.pbkdf2_hmac("sha512", passphrase, salt, _ITERATIONS, 32)
    hmac_salt = bytes(byte ^ _HMAC_SALT_MASK for byte in salt)
    return hashlib.pbkdf2_hmac("sha512", key, hmac_salt, _HMAC_ITERATIONS, 32)


def _sample(pages: int) -> list[int]:
    """Page 2, the last page and some between: damage rarely covers all of them."""
    step = max(1, (pages - 2) // _SAMPLES)
    return sorted({2, pages, *range(2, pages + 1, step)})[: _SAMPLES + 2]


def _page_passes(page: bytes, number: int, key: bytes) -> bool:
    if len(page) != PAGE_SIZE:
        return False
    body, stored = page[: PAGE_SIZE - _HMAC], page[PAGE_SIZE - _HMAC :]
    computed = hmac.new(key, body + number.to_bytes(4, "little"), hashlib.sha512).digest()
    return hmac.compare_digest(computed, stored)
