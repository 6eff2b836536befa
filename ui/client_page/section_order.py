"""Put the alliance and conduct sections on the client page, in reading order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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


# Each section's title, kind, and whether it is built in parts (the alliance's, the longest to
# build: its frame, then each part a step), in reading order.
_ORDER = (
    ("Working alliance", AllianceSection, True),
    ("Therapy contract", ContractSection, False),
    ("Treatment goals", GoalsSection, False),
    ("Boundaries", BoundarySection, False),
    ("My conduct with this client", ConductSection, False),
)


def alliance_section_steps(
    page: ClientPage, service: VaultService, built: Callable[[AllianceSections], None]
) -> list[Step]:
    """The sections put on `page` a step each (ui/staged_build.py); `built` is handed them all
    at the last step."""
    sections: list = []

    def build(kind: type, in_parts: bool) -> list[Step] | None:
        if not in_parts:
            sections.append(kind(service))
            return None
        sections.append(kind(service, staged=True))
        return sections[-1].build_steps()

    steps: list[Step] = []
    for title, kind, in_parts in _ORDER:
        # Built, then put on the page (where it takes on the window's style): a step each.
        steps.append(
            (f"section {title}", lambda kind=kind, in_parts=in_parts: build(kind, in_parts))
        )
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
