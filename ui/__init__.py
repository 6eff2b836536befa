"""PySide6 widgets, models and dialogs. Thin: they ask notes/ and storage/, then show."""

import sys

# shiboken6 6.12.0 on Python 3.11 hands back None from every void Qt method (setText, stop,
# setBold, …) without the reference it owes, so each call costs None one reference, and after
# some thousands of them Python aborts with "Fatal Python error: deallocating None" — within
# a minute of clicking through a 1,000-session client (found by bench/, issue 8). Python 3.12
# makes None immortal. Until the dependency is fixed, give None more references than any
# session could spend (2**48). CPython only: id() is the object's address and its reference
# count is the first field there.
if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
