"""The therapist's writing aids kept in the vault: their own dictionary words and phrases.

Both can name a client (a surname added to the dictionary, a phrase about one family), so they
live inside the vault and leave memory at lock like everything else.
"""

from __future__ import annotations

from notes.phrases import Phrase, starter_phrases
from storage.vault import Vault

_STARTERS_GIVEN = "phrases_starters_given"  # a preferences key: the starter set went in once


class WritingRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- the personal dictionary -----------------------------------------------------------

    def personal_words(self) -> list[str]:
        return [row[0] for row in self._vault.read("SELECT word FROM personal_words ORDER BY 1")]

    def add_personal_word(self, word: str) -> None:
        with self._vault.transaction() as db:
            db.execute("INSERT OR IGNORE INTO personal_words (word) VALUES (?)", (word,))

    def remove_personal_word(self, word: str) -> None:
        with self._vault.transaction() as db:
            db.execute("DELETE FROM personal_words WHERE word = ?", (word,))

    # -- phrases ---------------------------------------------------------------------------

    def phrases(self) -> list[Phrase]:
        """The therapist's phrases by code; the starter set goes in on the first call."""
        self._give_starters()
        rows = self._vault.read("SELECT code, text FROM phrases ORDER BY code COLLATE NOCASE")
        return [Phrase(code, text) for code, text in rows]

    def save_phrase(self, phrase: Phrase, replacing: str | None = None) -> None:
        """Keep `phrase`; `replacing` is the code it had before, when the code changed."""
        with self._vault.transaction() as db:
            if replacing is not None:
                db.execute("DELETE FROM phrases WHERE code = ?", (replacing,))
            db.execute(
                "INSERT INTO phrases (code, text) VALUES (?, ?)"
                " ON CONFLICT (code) DO UPDATE SET text = excluded.text",
                (phrase.code, phrase.text),
            )

    def delete_phrase(self, code: str) -> None:
        with self._vault.transaction() as db:
            db.execute("DELETE FROM phrases WHERE code = ?", (code,))

    def _give_starters(self) -> None:
        if not self._vault.writable:  # read-only: the starters wait for a vault that takes them
            return
        if self._vault.read_one("SELECT 1 FROM preferences WHERE key = ?", (_STARTERS_GIVEN,)):
            return
        with self._vault.transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO phrases (code, text) VALUES (?, ?)",
                [(p.code, p.text) for p in starter_phrases()],
            )
            db.execute("INSERT INTO preferences (key, value) VALUES (?, '1')", (_STARTERS_GIVEN,))
