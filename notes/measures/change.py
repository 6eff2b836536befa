"""Reliable and clinically significant change after Jacobson and Truax (1991), from a client's
first score on an instrument to each later one.

RC = (x2 − x1) / S_diff, with S_diff = √(2·S_E²) and S_E = s·√(1 − r_xx): the change is reliable
when |RC| > 1.96 (it would arise from measurement error alone less than 5% of the time). The
figures s and r_xx are the instrument's published ones (resources/instruments/*.json). On these
symptom scales a lower score is better, so a negative RC is improvement. Change is clinically
significant when it is a reliable improvement from outside the general population's range into it
(Jacobson and Truax's criterion b: within two standard deviations of its mean), which for PHQ-9
and GAD-7 is the same line as the published cut-off of 10. A service's fixed thresholds (NHS
Talking Therapies) are worded beside the rule for comparison, never used by it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from notes.measures.instruments import ChangeNorms, Instrument

CRITICAL_RC = 1.96


class ChangeKind(StrEnum):
    IMPROVED = "improved"
    DETERIORATED = "deteriorated"
    NO_RELIABLE_CHANGE = "no_reliable_change"

    @property
    def label(self) -> str:
        return {
            ChangeKind.IMPROVED: "Reliable improvement",
            ChangeKind.DETERIORATED: "Reliable deterioration",
            ChangeKind.NO_RELIABLE_CHANGE: "No reliable change",
        }[self]


def standard_error(sd: float, reliability: float) -> float:
    """S_E, the standard error of measurement."""
    return sd * math.sqrt(1 - reliability)


def difference_error(sd: float, reliability: float) -> float:
    """S_diff, the spread of the difference between two scores due to error alone."""
    return math.sqrt(2 * standard_error(sd, reliability) ** 2)


def reliable_change_index(first: float, later: float, sd: float, reliability: float) -> float:
    return (later - first) / difference_error(sd, reliability)


def reliable_difference(norms: ChangeNorms) -> float:
    """The smallest change in points that is reliable for this instrument."""
    return CRITICAL_RC * difference_error(norms.norm_sd, norms.reliability)


def points_needed(norms: ChangeNorms) -> int:
    """The smallest whole-point change that is reliable (scores are whole numbers)."""
    return math.ceil(reliable_difference(norms))


def method_note(measure: Instrument) -> str:
    """How change on `measure` is judged, with the figures, and what NHS Talking Therapies'
    fixed thresholds would be instead: for a report's reader, who may know the latter."""
    norms = measure.change
    outside = math.floor(norms.functional_limit) + 1
    text = (
        f"{measure.name}: a change of {points_needed(norms)} points or more is reliable "
        f"(Jacobson and Truax 1991, from a general-population SD of {norms.norm_sd:g} and a "
        f"reliability of {norms.reliability:g}); a reliable improvement is clinically significant "
        f"when it starts at {outside} or above and ends at {outside - 1} or below, inside the "
        f"general population's range (its mean {norms.norm_mean:g} plus two SDs is "
        f"{norms.functional_limit:.2f})."
    )
    if norms.fixed is not None:
        fixed = norms.fixed
        text += (
            f" {fixed.service} would count a fall of {fixed.reliable_change_points} points as "
            f"reliable improvement and {fixed.caseness} or more as caseness."
        )
    return text


@dataclass(frozen=True)
class Change:
    first: int
    later: int
    index: float  # RC
    kind: ChangeKind
    clinically_significant: bool

    def describe(self) -> str:
        text = f"{self.first} → {self.later} (RC {self.index:+.2f}): {self.kind.label.lower()}"
        if self.clinically_significant:
            text += ", clinically significant"
        return text


def change_between(first: int, later: int, norms: ChangeNorms) -> Change:
    index = reliable_change_index(first, later, norms.norm_sd, norms.reliability)
    if index <= -CRITICAL_RC:
        kind = ChangeKind.IMPROVED
    elif index >= CRITICAL_RC:
        kind = ChangeKind.DETERIORATED
    else:
        kind = ChangeKind.NO_RELIABLE_CHANGE
    crossed = first > norms.functional_limit >= later
    return Change(first, later, index, kind, kind is ChangeKind.IMPROVED and crossed)
