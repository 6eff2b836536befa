"""One administration of an instrument for a session: the answers, who gave them, the score,
its severity band, and any flagged item answered above its threshold."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from notes.measures.instruments import Band, Flag, Instrument, instrument


class AnsweredBy(StrEnum):
    """Who put the answers in: the client themself in client mode, or the therapist (reading
    them out, or copying a paper form)."""

    CLIENT = "client"
    THERAPIST = "therapist"

    @property
    def label(self) -> str:
        return {
            AnsweredBy.CLIENT: "answered by the client",
            AnsweredBy.THERAPIST: "entered by you",
        }[self]


@dataclass
class MeasureResponse:
    session_id: int
    instrument_key: str
    answers: dict[str, int] = field(default_factory=dict)  # item key → option value
    closing: str | None = None  # the closing question's option key, if asked
    answered_by: AnsweredBy = AnsweredBy.THERAPIST

    @property
    def instrument(self) -> Instrument:
        return instrument(self.instrument_key)

    @property
    def complete(self) -> bool:
        return all(item.key in self.answers for item in self.instrument.items)

    @property
    def score(self) -> int | None:
        """The total; None until every item is answered (a partial sum is not the measure)."""
        return score_of(self.instrument, self.answers)

    @property
    def band(self) -> Band | None:
        return band_of(self.instrument, self.score)

    def raised_flags(self) -> list[Flag]:
        return raised_flags(self.instrument, self.answers)


def score_of(measure: Instrument, answers: dict[str, int]) -> int | None:
    if any(item.key not in answers for item in measure.items):
        return None
    values = [answers[item.key] for item in measure.items]
    allowed = {value for value, _label in measure.options}
    if any(value not in allowed for value in values):
        raise ValueError(f"{measure.name}: an answer outside its options")
    return sum(values)


def band_of(measure: Instrument, score: int | None) -> Band | None:
    if score is None:
        return None
    return next((band for band in measure.bands if band.holds(score)), None)


def raised_flags(measure: Instrument, answers: dict[str, int]) -> list[Flag]:
    """Flagged items answered above their threshold, even when other items are still blank:
    the moment the answer is given is the moment it is shown."""
    return [flag for flag in measure.flags if answers.get(flag.item, 0) > flag.above]


def describe_score(response: MeasureResponse) -> str:
    """ "PHQ-9 14 · Moderate", or how far a partial one got."""
    measure = response.instrument
    if response.score is None:
        return f"{measure.name}: {len(response.answers)} of {len(measure.items)} items answered"
    band = response.band
    return f"{measure.name} {response.score}" + (f" · {band.label}" if band else "")
