"""Observations and their categories in the vault.

Categories are seeded from the resource file the first time they are asked for, then belong to
the therapist: they can be renamed and retired but never deleted, so every past observation
keeps its category. An observation's kind is its category's kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from notes.observations import Anchor, Category, NoteKind, Observation, ObservationKind
from notes.taxonomy import new_key, starting_categories
from storage.audit import AuditAction
from storage.sessions import COUNTED
from storage.vault import Vault


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


_CATEGORY_COLUMNS = "id, kind, key, label, description, retired"


def _category(row: tuple) -> Category:
    id_, kind, key, label, description, retired = row
    return Category(ObservationKind(kind), key, label, description, bool(retired), id_)


class CategoryRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._seeded = False

    def list(
        self, kind: ObservationKind | None = None, include_retired: bool = True
    ) -> list[Category]:
        """Transference first, each kind in the order its categories were added."""
        self._ensure_seeded()
        rows = self._vault.read(
            f"SELECT {_CATEGORY_COLUMNS} FROM observation_categories"
            " WHERE (:kind IS NULL OR kind = :kind) AND (:retired OR NOT retired)"
            " ORDER BY kind = 'countertransference', id",
            {"kind": kind.value if kind else None, "retired": include_retired},
        )
        return [_category(row) for row in rows]

    def save(self, category: Category) -> Category:
        """Add a new category (it gets a key for good) or rename, describe, retire, restore."""
        self._ensure_seeded()
        label = category.label.strip()
        if not label:
            raise ValueError("a category needs a name")
        with self._vault.transaction() as db:
            if category.id is None:
                taken = {
                    row[0]
                    for row in db.execute(
                        "SELECT key FROM observation_categories WHERE kind = ?",
                        (category.kind.value,),
                    )
                }
                category.key = category.key or new_key(label, taken)
                cursor = db.execute(
                    "INSERT INTO observation_categories (kind, key, label, description, retired)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (
                        category.kind.value,
                        category.key,
                        label,
                        category.description.strip(),
                        category.retired,
                    ),
                )
                category.id = cursor.lastrowid
                self._vault.audit(AuditAction.OBSERVATION_CATEGORY_ADDED, f"category {category.id}")
            else:
                db.execute(
                    "UPDATE observation_categories SET label = ?, description = ?, retired = ?"
                    " WHERE id = ?",
                    (label, category.description.strip(), category.retired, category.id),
                )
                self._vault.audit(
                    AuditAction.OBSERVATION_CATEGORY_EDITED, f"category {category.id}"
                )
        category.label = label
        return category

    def _ensure_seeded(self) -> None:
        """Add any starting category the vault lacks (all of them the first time)."""
        if self._seeded:
            return
        have = set(self._vault.read("SELECT kind, key FROM observation_categories"))
        missing = [c for c in starting_categories() if (c.kind.value, c.key) not in have]
        if missing and not self._vault.writable:
            return  # read-only (damage, media, a handed-off copy): it lists what it has
        if missing:
            # OR IGNORE: a worker's own repository (a report's sweep) may seed at the same time.
            with self._vault.transaction() as db:
                db.executemany(
                    "INSERT OR IGNORE INTO observation_categories (kind, key, label, description)"
                    " VALUES (?, ?, ?, ?)",
                    [(c.kind.value, c.key, c.label, c.description) for c in missing],
                )
        self._seeded = True


_OBSERVATION_SELECT = """
    SELECT o.id, o.session_id, c.kind, o.category_id, o.intensity, o.figure, o.what_happened,
           o.what_i_felt, o.how_i_responded, o.supervision, o.quote,
           o.note_kind, o.section_key, o.anchor_start, o.anchor_end
    FROM observations o
    JOIN observation_categories c ON c.id = o.category_id
    JOIN sessions s ON s.id = o.session_id
"""


def _observation(row: tuple) -> Observation:
    (
        id_,
        session_id,
        kind,
        category_id,
        intensity,
        figure,
        happened,
        felt,
        responded,
        supervision,
        quote,
        note_kind,
        section,
        start,
        end,
    ) = row
    anchor = Anchor(NoteKind(note_kind), section, start, end) if note_kind else None
    return Observation(
        session_id=session_id,
        kind=ObservationKind(kind),
        category_id=category_id,
        intensity=intensity,
        figure=figure,
        what_happened=happened,
        what_i_felt=felt,
        how_i_responded=responded,
        supervision=bool(supervision),
        quote=quote,
        anchor=anchor,
        id=id_,
    )


def _anchor_values(observation: Observation) -> tuple:
    anchor = observation.anchor
    if anchor is None:
        return (None, None, None, None)
    return (anchor.note.value, anchor.section, anchor.start, anchor.end)


class ObservationRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def for_session(self, session_id: int) -> list[Observation]:
        """In the order they were recorded."""
        rows = self._vault.read(
            f"{_OBSERVATION_SELECT} WHERE o.session_id = ? ORDER BY o.id", (session_id,)
        )
        return [_observation(row) for row in rows]

    def for_client(self, client_id: int) -> list[Observation]:
        """Every observation about the client, in session order."""
        rows = self._vault.read(
            f"{_OBSERVATION_SELECT} WHERE s.client_id = ? AND {COUNTED}"
            " ORDER BY s.starts_at, s.id, o.id",
            (client_id,),
        )
        return [_observation(row) for row in rows]

    def save(self, observation: Observation) -> Observation:
        """Insert a new observation or replace an existing one's content and anchor."""
        values = (
            observation.category_id,
            observation.intensity,
            observation.figure.strip(),
            observation.what_happened.strip(),
            observation.what_i_felt.strip(),
            observation.how_i_responded.strip(),
            observation.supervision,
            observation.quote,
            *_anchor_values(observation),
        )
        with self._vault.transaction() as db:
            if observation.id is None:
                cursor = db.execute(
                    "INSERT INTO observations (category_id, intensity, figure, what_happened,"
                    " what_i_felt, how_i_responded, supervision, quote, note_kind, section_key,"
                    " anchor_start, anchor_end, session_id, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, observation.session_id, _now(), _now()),
                )
                observation.id = cursor.lastrowid
                self._vault.audit(
                    AuditAction.OBSERVATION_ADDED, f"session {observation.session_id}"
                )
            else:
                db.execute(
                    "UPDATE observations SET category_id = ?, intensity = ?, figure = ?,"
                    " what_happened = ?, what_i_felt = ?, how_i_responded = ?, supervision = ?,"
                    " quote = ?, note_kind = ?, section_key = ?, anchor_start = ?,"
                    " anchor_end = ?, updated_at = ? WHERE id = ?",
                    (*values, _now(), observation.id),
                )
                self._vault.audit(AuditAction.OBSERVATION_EDITED, f"observation {observation.id}")
            kind = db.execute(
                "SELECT kind FROM observation_categories WHERE id = ?", (observation.category_id,)
            ).fetchone()[0]
        observation.kind = ObservationKind(kind)
        return observation

    def save_anchors(self, observations: Iterable[Observation]) -> None:
        """Keep tags on the same words after the note was edited: offsets and quotes only."""
        rows = [(*_anchor_values(o), o.quote, o.id) for o in observations if o.id is not None]
        if not rows:
            return
        with self._vault.transaction() as db:
            db.executemany(
                "UPDATE observations SET note_kind = ?, section_key = ?, anchor_start = ?,"
                " anchor_end = ?, quote = ? WHERE id = ?",
                rows,
            )

    def delete(self, observation_id: int) -> None:
        with self._vault.transaction() as db:
            db.execute("DELETE FROM observations WHERE id = ?", (observation_id,))
            self._vault.audit(AuditAction.OBSERVATION_DELETED, f"observation {observation_id}")
