"""Instruments as data: every file in resources/instruments/ is one questionnaire, with its items,
response options, scoring, severity bands, flagged items, reliable-change figures and licence.
Adding a freely usable instrument means adding a file; nothing here names PHQ-9 or GAD-7."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import resources

_FOLDER = "instruments"


@dataclass(frozen=True)
class Item:
    key: str
    text: str


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str

    def holds(self, score: int) -> bool:
        return self.low <= score <= self.high


@dataclass(frozen=True)
class Flag:
    """An item whose answer above `above` must be shown at once (PHQ-9 item 9)."""

    item: str
    above: int
    what: str  # what the client endorsed, in plain words
    offer: str  # what the therapist is offered to do


@dataclass(frozen=True)
class Closing:
    """A closing question asked after the items and not scored (the PHQ-9's difficulty)."""

    key: str
    text: str
    options: tuple[tuple[str, str], ...]

    def label_of(self, key: str) -> str:
        return next((label for k, label in self.options if k == key), key)


@dataclass(frozen=True)
class FixedThresholds:
    """A service's fixed rule, kept beside Jacobson–Truax for comparison only (NHS Talking
    Therapies: a fall of so many points is reliable improvement; caseness from a score)."""

    service: str
    reliable_change_points: int
    caseness: int
    source: str


@dataclass(frozen=True)
class ChangeNorms:
    """The published figures reliable change is computed from (cited in the data file)."""

    reliability: float
    norm_sd: float
    norm_mean: float
    clinical_cutoff: int
    sources: tuple[str, ...]
    fixed: FixedThresholds | None = None

    @property
    def functional_limit(self) -> float:
        """Jacobson and Truax's criterion b: the top of the functional (general) population's
        range, two standard deviations above its mean."""
        return self.norm_mean + 2 * self.norm_sd


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str
    title: str
    measures: str
    instructions: str
    options: tuple[tuple[int, str], ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    minimum: int
    maximum: int
    flags: tuple[Flag, ...]
    change: ChangeNorms
    licence: str
    source: str
    closing: Closing | None = None

    def option_label(self, value: int) -> str:
        return next((label for v, label in self.options if v == value), str(value))

    def item_number(self, key: str) -> int:
        return next(n for n, item in enumerate(self.items, 1) if item.key == key)


def _fixed(data: dict | None) -> FixedThresholds | None:
    if data is None:
        return None
    return FixedThresholds(
        "NHS Talking Therapies", data["reliable_change_points"], data["caseness"], data["source"]
    )


def _instrument(data: dict) -> Instrument:
    closing = data.get("closing")
    change = data["reliable_change"]
    return Instrument(
        key=data["key"],
        name=data["name"],
        title=data["title"],
        measures=data["measures"],
        instructions=data["instructions"],
        options=tuple((int(v), label) for v, label in data["options"]),
        items=tuple(Item(key, text) for key, text in data["items"]),
        bands=tuple(Band(low, high, label) for low, high, label in data["bands"]),
        minimum=data["scoring"]["minimum"],
        maximum=data["scoring"]["maximum"],
        flags=tuple(Flag(**flag) for flag in data.get("flags", ())),
        change=ChangeNorms(
            change["reliability"],
            change["norm_sd"],
            change["norm_mean"],
            change["clinical_cutoff"],
            tuple(change[k] for k in ("reliability_source", "norm_source", "cutoff_source")),
            _fixed(change.get("nhs_talking_therapies")),
        ),
        licence=data["licence"],
        source=data["source"],
        closing=None
        if closing is None
        else Closing(closing["key"], closing["text"], tuple(map(tuple, closing["options"]))),
    )


@cache
def instruments() -> tuple[Instrument, ...]:
    """Every shipped instrument, in the order of their file names."""
    folder = files(resources.__name__).joinpath(_FOLDER)
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    shipped = (_instrument(resources.data(f"{_FOLDER}/{name}")) for name in names)
    # PHQ-9 before GAD-7: the order therapists know them in (depression, then anxiety).
    return tuple(sorted(shipped, key=lambda i: (i.key != "phq9", i.name)))


def instrument(key: str) -> Instrument:
    """One instrument by key; a KeyError for one this version does not ship."""
    for each in instruments():
        if each.key == key:
            return each
    raise KeyError(key)
