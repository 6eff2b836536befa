"""How strong a new passphrase is, in the therapist's words, using zxcvbn's estimate."""

from __future__ import annotations

from typing import NamedTuple

MINIMUM_SCORE = 3  # zxcvbn's "safely unguessable: moderate protection from offline attacks"
_LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")
_ASSESSED_LENGTH = 72  # zxcvbn refuses longer input; the first 72 characters decide
MISMATCH = "The two passphrases are not the same. Type it again."  # the repeat is what to fix


class Strength(NamedTuple):  # not a dataclass: see ui/first_paint.py
    score: int  # 0 to 4
    label: str
    warning: str
    suggestions: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return self.score >= MINIMUM_SCORE

    def advice(self) -> str:
        """zxcvbn's reason and suggestions as one short paragraph."""
        parts = [self.warning] if self.warning else []
        parts += list(self.suggestions)
        return " ".join(part if part.endswith(".") else part + "." for part in parts)


def prepare_assessment() -> None:
    """Load zxcvbn ahead of the first assessment: 30–50 ms of import, which the strength
    meter has done on a worker as it appears rather than on the first keystroke."""
    import zxcvbn  # noqa: F401


def assess(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0, _LABELS[0], "", ("Type a passphrase of several unusual words.",))
    from zxcvbn import zxcvbn  # 30 ms to import: only when a passphrase is being chosen

    result = zxcvbn(passphrase[:_ASSESSED_LENGTH])
    feedback = result.get("feedback", {})
    return Strength(
        result["score"],
        _LABELS[result["score"]],
        feedback.get("warning", "") or "",
        tuple(feedback.get("suggestions", ())),
    )


def new_passphrase_problem(passphrase: str, repeated: str) -> str:
    """Why a new passphrase cannot be used yet, in plain words; "" when it can."""
    strength = assess(passphrase)
    if not strength.acceptable:
        return f"This passphrase is too easy to guess. {strength.advice()}"
    if passphrase != repeated:
        return MISMATCH
    return ""
