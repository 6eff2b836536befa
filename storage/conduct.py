"""Conduct checks in the vault: the therapist's own prompt set, and the answers per session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from notes.conduct import (
    PATTERN_WINDOW,
    Answer,
    Applies,
    CheckCounts,
    CheckState,
    ConductAnswer,
    ConductCheck,
    Prompt,
    PromptSet,
    default_prompt_set,
)
from storage.audit import AuditAction
from storage.sessions import COUNTED
from storage.vault import Vault

# A done check counts as answered when it holds at least one answer (notes.conduct.answered_checks).
_HAS_ANSWERS = "EXISTS (SELECT 1 FROM conduct_answers a WHERE a.session_id = c.session_id)"


@dataclass(frozen=True)
class ConductGlance:
    counts: CheckCounts
    latest: list[ConductCheck]  # the latest answered checks, oldest first


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class ConductRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- the prompt set ----------------------------------------------------------------------

    def prompt_set(self) -> PromptSet:
        """The therapist's set; the shipped starting set until they first change it."""
        prompts = self._vault.read(
            "SELECT key, group_key, text, applies_to, retired FROM conduct_prompts"
            " ORDER BY position"
        )
        default = default_prompt_set()
        if not prompts:
            return default
        return PromptSet(
            default.groups,
            [
                Prompt(key, group, text, Applies(applies), bool(retired))
                for key, group, text, applies, retired in prompts
            ],
        )

    def save_prompt_set(self, prompt_set: PromptSet) -> None:
        """Replace the stored set. Answers keep their own copy of each wording, so nothing
        already answered changes."""
        with self._vault.transaction() as db:
            db.execute("DELETE FROM conduct_prompts")
            db.executemany(
                "INSERT INTO conduct_prompts (key, group_key, text, applies_to, retired, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (p.key, p.group, p.text, p.applies_to.value, int(p.retired), position)
                    for position, p in enumerate(prompt_set.prompts)
                ],
            )
            self._vault.audit(AuditAction.CONDUCT_PROMPTS_EDITED)

    # -- checks ------------------------------------------------------------------------------

    def check(self, session_id: int) -> ConductCheck | None:
        checks = self._checks("c.session_id = ?", (session_id,))
        return checks[0] if checks else None

    def for_client(self, client_id: int) -> list[ConductCheck]:
        """Every check with this client, oldest session first."""
        return self._checks(f"s.client_id = ? AND {COUNTED}", (client_id,))

    def glance(self, client_id: int, window: int = PATTERN_WINDOW) -> ConductGlance:
        """What the client page shows of the checks with this client: the counts, and the
        latest `window` answered checks (oldest first) that patterns are looked for in. Counted
        by SQL, so a long history's hundreds of checks and their answers are not read."""
        due, answered = self._vault.read(
            "SELECT coalesce(sum(c.state = 'due'), 0),"
            f" coalesce(sum(c.state = 'done' AND {_HAS_ANSWERS}), 0)"
            " FROM conduct_checks c JOIN sessions s ON s.id = c.session_id"
            f" WHERE s.client_id = ? AND {COUNTED}",
            (client_id,),
        )[0]
        latest = self._checks(
            f"s.client_id = ? AND {COUNTED} AND c.state = 'done' AND {_HAS_ANSWERS}",
            (client_id,),
            newest=window,
        )
        return ConductGlance(CheckCounts(due, answered, min(answered, window)), latest)

    def since(self, moment: datetime) -> list[ConductCheck]:
        """Every answered check, across all clients, for sessions from `moment` on."""
        return self._checks(
            f"c.state = 'done' AND s.starts_at >= ? AND {COUNTED}",
            (moment.isoformat(timespec="minutes"),),
        )

    def _checks(
        self, where: str, parameters: tuple, newest: int | None = None
    ) -> list[ConductCheck]:
        """The checks `where` holds, oldest session first; only the `newest` so many if given."""
        select = (
            "SELECT c.session_id, c.state, s.starts_at FROM conduct_checks c"
            f" JOIN sessions s ON s.id = c.session_id WHERE {where}"
        )
        if newest is None:
            rows = self._vault.read(f"{select} ORDER BY s.starts_at, s.id", parameters)
        else:
            rows = self._vault.read(
                f"{select} ORDER BY s.starts_at DESC, s.id DESC LIMIT ?", (*parameters, newest)
            )[::-1]
        checks = {
            session_id: ConductCheck(
                session_id, CheckState(state), [], datetime.fromisoformat(starts_at)
            )
            for session_id, state, starts_at in rows
        }
        if not checks:
            return []
        marks = ",".join("?" * len(checks))
        for session_id, key, group, text, answer, comment in self._vault.read(
            "SELECT session_id, prompt_key, group_key, prompt_text, answer, comment"
            f" FROM conduct_answers WHERE session_id IN ({marks}) ORDER BY session_id, position",
            tuple(checks),
        ):
            checks[session_id].answers.append(
                ConductAnswer(key, group, text, Answer(answer), comment)
            )
        return list(checks.values())

    def mark_due(self, session_id: int) -> None:
        """Remember that a check was put off ("later"); answered checks stay answered."""
        with self._vault.transaction() as db:
            db.execute(
                "INSERT INTO conduct_checks (session_id, state, updated_at) VALUES (?, 'due', ?)"
                " ON CONFLICT (session_id) DO NOTHING",
                (session_id, _now()),
            )
            self._vault.audit(AuditAction.CONDUCT_CHECK_PUT_OFF, f"session {session_id}")

    def save_answers(self, session_id: int, answers: list[ConductAnswer]) -> None:
        """Store the answers as given (each with its own wording); the check is then done."""
        with self._vault.transaction() as db:
            db.execute(
                "INSERT INTO conduct_checks (session_id, state, updated_at) VALUES (?, 'done', ?)"
                " ON CONFLICT (session_id) DO UPDATE SET state = 'done',"
                " updated_at = excluded.updated_at",
                (session_id, _now()),
            )
            db.execute("DELETE FROM conduct_answers WHERE session_id = ?", (session_id,))
            db.executemany(
                "INSERT INTO conduct_answers (session_id, prompt_key, group_key, prompt_text,"
                " answer, comment, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session_id,
                        a.prompt_key,
                        a.group,
                        a.prompt_text,
                        a.answer.value,
                        a.comment.strip(),
                        position,
                    )
                    for position, a in enumerate(answers)
                ],
            )
            self._vault.audit(AuditAction.CONDUCT_CHECK_ANSWERED, f"session {session_id}")
