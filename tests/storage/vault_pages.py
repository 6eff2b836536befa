"""Which pages of a real vault file hold what, read by decrypting them as SQLCipher 4 does
(its default settings: AES-256-CBC, the key by PBKDF2-HMAC-SHA512 over 256,000 iterations, each
page's IV and HMAC in its last 80 bytes), so a test can damage exactly the page it means."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
_SALT, _IV, _HMAC = 16, 16, 64


def _page_one(path: Path, passphrase: str) -> bytes:
    """Page 1 decrypted, laid out as SQLite sees it (offsets as in the file)."""
    page = path.read_bytes()[:PAGE]
    salt = page[:_SALT]
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, 256_000, 32)
    end = PAGE - _IV - _HMAC
    decryptor = Cipher(algorithms.AES(key), modes.CBC(page[end : end + _IV])).decryptor()
    return bytes(_SALT) + decryptor.update(page[_SALT:end]) + decryptor.finalize()


def schema_pages(path: Path, passphrase: str) -> list[int]:
    """The pages below page 1 in the table of tables (sqlite_master): every first read of the
    vault needs them. Empty when the whole table fits on page 1."""
    page = _page_one(path, passphrase)
    header = 100  # the database header comes first on page 1
    if page[header] != 0x05:  # not an interior table page: no pages below
        return []
    cells = int.from_bytes(page[header + 3 : header + 5], "big")
    children = [int.from_bytes(page[header + 8 : header + 12], "big")]  # the right-most
    for number in range(cells):
        at = int.from_bytes(page[header + 12 + 2 * number : header + 14 + 2 * number], "big")
        children.append(int.from_bytes(page[at : at + 4], "big"))
    return sorted(children)


def flip_byte(path: Path, page: int, offset: int = 200) -> None:
    """Damage one byte of page `page` (numbered from 1), as a failing disk would."""
    data = bytearray(path.read_bytes())
    data[(page - 1) * PAGE + offset] ^= 0xFF
    path.write_bytes(bytes(data))
