"""The progress callback that long work takes: a line for people and the share done, 0 to 1.

It lives in notes/, the bottom layer, so storage/ (backups, passphrase change, the demo),
notes/ and ui/ (background jobs, exports) all name the same type.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, float], None]
