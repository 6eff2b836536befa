"""A supervisor's comments from a returned report, in the vault (migration 11), and whether
the therapist has marked each done (migration 15).

Each comment read (notes/reports/returned.py) is kept beside the session or observation whose
bookmark it sits in, once: reading the same file again adds nothing. A bookmark naming a
session or observation of another client, or one that no longer exists, is not trusted: the
comment is kept on the report's client as a whole.
"""

from __future__ import annotations

from datetime import date, datetime

from notes.reports.anchors import AnchorKind
from notes.reports.returned import ReturnedReport
from notes.supervisor_comments import CommentsRead, SupervisorComment
from storage.audit import AuditAction
from storage.vault import Vault

_COLUMNS = (
    "client_id, session_id, observation_id, section, author, written_at, text, quoted, id, done_on"
)


def _comment(row: tuple) -> SupervisorComment:
    client_id, session_id, observation_id, section, author, written_at, text, quoted, id_ = row[:9]
    done_on = row[9]
    return SupervisorComment(
        client_id,
        text,
        author,
        datetime.fromisoformat(written_at) if written_at else None,
        session_id,
        observation_id,
        section,
        quoted,
        id_,
        date.fromisoformat(done_on) if done_on else None,
    )


class NotThisVaultsReport(Exception):
    """The returned report is about no client of this vault."""


class SupervisorComments:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def keep(self, returned: ReturnedReport) -> CommentsRead:
        """Keep each comment of `returned` beside its place; one already kept is not added."""
        client_id = returned.client_id
        if client_id is None or not self._vault.read_one(
            "SELECT 1 FROM clients WHERE id = ?", (client_id,)
        ):
            raise NotThisVaultsReport(
                "This report was not exported from this vault, or its client is no longer in "
                "it, so its comments cannot be matched to notes."
            )
        sessions = {
            row[0]
            for row in self._vault.read("SELECT id FROM sessions WHERE client_id = ?", (client_id,))
        }
        observations = dict(
            self._vault.read(
                "SELECT o.id, o.session_id FROM observations o JOIN sessions s "
                "ON s.id = o.session_id WHERE s.client_id = ?",
                (client_id,),
            )
        )
        added = already = on_sessions = 0
        now = datetime.now().isoformat(timespec="seconds")
        with self._vault.transaction() as connection:
            for comment in returned.comments:
                if not comment.text:
                    continue
                session_id = observation_id = None
                section = ""
                anchor = comment.anchor
                if anchor is not None and anchor.kind is AnchorKind.OBSERVATION:
                    if anchor.record_id in observations:
                        observation_id = anchor.record_id
                        session_id = observations[observation_id]
                elif anchor is not None and anchor.kind is AnchorKind.SESSION:
                    if anchor.record_id in sessions:
                        session_id = anchor.record_id
                elif anchor is not None and anchor.kind is AnchorKind.SECTION:
                    section = anchor.key
                written = comment.written_at.isoformat() if comment.written_at else None
                values = (
                    client_id,
                    session_id,
                    observation_id,
                    section,
                    comment.author,
                    written,
                    comment.text,
                )
                seen = connection.execute(
                    "SELECT 1 FROM supervisor_comments WHERE client_id = ? AND session_id IS ? "
                    "AND observation_id IS ? AND section = ? AND author = ? AND written_at IS ? "
                    "AND text = ?",
                    values,
                ).fetchone()
                if seen:
                    already += 1
                    continue
                connection.execute(
                    "INSERT INTO supervisor_comments (client_id, session_id, observation_id, "
                    "section, author, written_at, text, quoted, read_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, comment.quoted, now),
                )
                added += 1
                on_sessions += session_id is not None
            if added:
                self._vault.audit(AuditAction.SUPERVISOR_COMMENTS_READ, f"client {client_id}")
        return CommentsRead(added, already, on_sessions, added - on_sessions)

    def for_session(self, session_id: int) -> list[SupervisorComment]:
        """The comments on a session and on its observations, oldest first."""
        rows = self._vault.read(
            f"SELECT {_COLUMNS} FROM supervisor_comments WHERE session_id = ? "
            "ORDER BY coalesce(written_at, read_at), id",
            (session_id,),
        )
        return [_comment(row) for row in rows]

    def for_client(self, client_id: int) -> list[SupervisorComment]:
        return self.for_clients([client_id])

    def for_clients(self, client_ids: list[int]) -> list[SupervisorComment]:
        """The comments on these clients, done or not, oldest first."""
        marks = ", ".join("?" * len(client_ids))
        rows = self._vault.read(
            f"SELECT {_COLUMNS} FROM supervisor_comments WHERE client_id IN ({marks}) "
            "ORDER BY coalesce(written_at, read_at), id",
            tuple(client_ids),
        )
        return [_comment(row) for row in rows]

    def set_done(self, comment_id: int, done_on: date | None) -> int | None:
        """Mark a comment done on `done_on`, or open again with None; returns its client's id
        (None if there is no such comment, and then nothing is written)."""
        with self._vault.transaction() as db:
            found = db.execute(
                "SELECT client_id FROM supervisor_comments WHERE id = ?", (comment_id,)
            ).fetchone()
            if found is None:
                return None
            db.execute(
                "UPDATE supervisor_comments SET done_on = ? WHERE id = ?",
                (done_on.isoformat() if done_on else None, comment_id),
            )
            self._vault.audit(
                AuditAction.SUPERVISOR_COMMENT_DONE
                if done_on
                else AuditAction.SUPERVISOR_COMMENT_REOPENED,
                f"client {found[0]}, supervisor comment {comment_id}",
            )
        return found[0]


def write_comments_demo(vault: Vault, codes: dict[str, int]) -> None:
    """The demo's supervisor comments (notes/demo/supervisor_comments.py), as if read from a
    returned report, each beside its session."""
    from notes.demo.supervisor_comments import COMMENTS, SUPERVISOR
    from notes.reports.anchors import Anchor
    from notes.reports.returned import ReturnedComment

    comments = SupervisorComments(vault)
    for code in dict.fromkeys(comment.code for comment in COMMENTS):
        client_id = codes.get(code)
        if client_id is None:
            continue
        rows = vault.read(
            "SELECT id, starts_at FROM sessions WHERE client_id = ? "
            "AND attendance IN ('attended', 'late') "
            "ORDER BY starts_at DESC",
            (client_id,),
        )
        held = [row[0] for row in rows]
        returned = [
            ReturnedComment(
                Anchor(AnchorKind.SESSION, str(held[each.sessions_ago])),
                SUPERVISOR,
                None,
                each.text,
                each.quoted,
            )
            for each in COMMENTS
            if each.code == code and each.sessions_ago < len(held)
        ]
        comments.keep(ReturnedReport(client_id, returned))
        done = {each.text for each in COMMENTS if each.code == code and each.done}
        for kept in comments.for_client(client_id):
            if kept.text in done and kept.id is not None and rows:
                comments.set_done(kept.id, datetime.fromisoformat(rows[0][1]).date())
