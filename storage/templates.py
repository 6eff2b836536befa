"""The therapist's own progress note templates, kept in the vault; never deleted, only retired,
so every note written with one still reads with its sections."""

from __future__ import annotations

import json
from dataclasses import replace

from notes.templates import Section, Template
from storage.vault import Vault


class OwnTemplateRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def list(self) -> list[Template]:
        rows = self._vault.read(
            "SELECT key, name, sections, retired FROM own_templates ORDER BY position, rowid"
        )
        return [_template(*row) for row in rows]

    def save(self, template: Template) -> Template:
        """Keep a new template (its key empty: one is given) or a changed one."""
        sections = json.dumps(
            [{"key": s.key, "title": s.title, "hint": s.hint} for s in template.sections]
        )
        with self._vault.transaction() as db:
            if not template.key:
                number = db.execute("SELECT COUNT(*) + 1 FROM own_templates").fetchone()[0]
                while db.execute(
                    "SELECT 1 FROM own_templates WHERE key = ?", (f"own_{number}",)
                ).fetchone():
                    number += 1
                template = replace(template, key=f"own_{number}")
                db.execute(
                    "INSERT INTO own_templates (key, name, sections, retired, position)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (template.key, template.name, sections, int(template.retired), number),
                )
            else:
                db.execute(
                    "UPDATE own_templates SET name = ?, sections = ?, retired = ? WHERE key = ?",
                    (template.name, sections, int(template.retired), template.key),
                )
        return template


def _template(key: str, name: str, sections: str, retired: int) -> Template:
    try:
        parts = tuple(
            Section(s["key"], s["title"], s.get("hint", "")) for s in json.loads(sections)
        )
    except (ValueError, KeyError, TypeError):  # damaged or from a newer version: one free box
        parts = (Section("text", "Note", ""),)
    return Template(key, name, parts, own=True, retired=bool(retired))
