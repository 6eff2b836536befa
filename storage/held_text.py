"""Text that could not be written to the vault, held over a lock encrypted in memory only.

When a save fails (a full disk, say) and the vault locks, the typed text must neither be thrown
away nor reach the disk in plaintext. It is sealed with AES-GCM (the `cryptography` package)
under a key derived with scrypt from the passphrase and a fresh random salt, at the moment of
sealing (so an ordinary unlock pays nothing for it); the key is dropped at once. What stays in
memory while locked (salt, nonce, ciphertext) opens only with the passphrase.

Python cannot wipe a string or a key from memory; dropping every reference is all it can do,
and the README says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

# scrypt with 16 MiB of memory: about 50 ms here, paid only when text is sealed or unsealed.
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES, _NONCE_BYTES = 16, 12


@dataclass(frozen=True)
class SealedText:
    """Held text as it sits in memory while locked: nothing here reads without the passphrase."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes


# `cryptography` is imported where it is used: loading it costs about 20 ms of start-up, and
# text is held only after a failed save.


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=32, n=_N, r=_R, p=_P)
    return kdf.derive(passphrase.encode("utf-8", "surrogatepass"))


def seal(text: str, passphrase: str) -> SealedText:
    """`text` encrypted under a fresh key from `passphrase` and a fresh salt."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
    data = AESGCM(_key(passphrase, salt)).encrypt(
        nonce, text.encode("utf-8", "surrogatepass"), None
    )
    return SealedText(salt, nonce, data)


def unseal(sealed: SealedText, passphrase: str) -> str | None:
    """The held text, or None if this passphrase is not the one it was sealed under."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(_key(passphrase, sealed.salt))
    try:
        data = aead.decrypt(sealed.nonce, sealed.ciphertext, None)
    except InvalidTag:
        return None
    return data.decode("utf-8", "surrogatepass")
