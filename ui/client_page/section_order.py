"""Put the alliance and conduct sections on the client page, in reading order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QWidget

from ui.client_page.alliance_section import AllianceSection
from ui.client_page.boundary_section import BoundarySection
from ui.client_page.conduct_section import ConductSection
from ui.client_page.contract_section import ContractSection
from ui.client_page.goals_section import GoalsSection
from ui.client_page.page import ClientPage
from ui.staged_build import StagedBuild, Step
from ui.vault_service import VaultService


@dataclass(frozen=True)
class AllianceSections:
    alliance: AllianceSection
    contract: ContractSection
    goals: GoalsSection
    boundaries: BoundarySection
    conduct: ConductSection


# Each section's title and how it is built, in reading order: whole, or (the alliance's, the
# longest to build) its frame, then its parts a step each.
_ORDER: tuple[tuple[str, Callable[[VaultService], QWidget]], ...] = (
    ("Working alliance", partial(AllianceSection, staged=True)),
    ("Therapy contract", ContractSection),
    ("Treatment goals", GoalsSection),
    ("Boundaries", BoundarySection),
    ("My conduct with this client", ConductSection),
)


def alliance_section_steps(
    page: ClientPage, service: VaultService, built: Callable[[AllianceSections], None]
) -> list[Step]:
    """The sections put on `page` a step each (ui/staged_build.py); `built` is handed them all
    at the last step."""
    sections: list = []

    def build(make: Callable[[VaultService], QWidget]) -> list[Step] | None:
        sections.append(make(service))
        more = getattr(sections[-1], "build_steps", None)  # one built in parts
        return more() if more is not None else None

    steps: list[Step] = []
    for title, make in _ORDER:
        # Built, then put on the page (where it takes on the window's style): a step each.
        steps.append((f"section {title}", lambda make=make: build(make)))
        steps.append(
            (
                f"section {title} on the page",
                lambda title=title: page.add_section(title, sections[-1]),
            )
        )
    steps.append(("alliance sections kept", lambda: built(AllianceSections(*sections))))
    return steps


def add_alliance_sections(page: ClientPage, service: VaultService) -> AllianceSections:
    found: list[AllianceSections] = []
    StagedBuild(page, alliance_section_steps(page, service, found.append)).finish()
    return found[0]
