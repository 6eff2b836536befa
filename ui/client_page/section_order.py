"""Put the alliance and conduct sections on the client page, in reading order."""

from __future__ import annotations

from dataclasses import dataclass

from ui.client_page.alliance_section import AllianceSection
from ui.client_page.boundary_section import BoundarySection
from ui.client_page.conduct_section import ConductSection
from ui.client_page.contract_section import ContractSection
from ui.client_page.goals_section import GoalsSection
from ui.client_page.page import ClientPage
from ui.vault_service import VaultService


@dataclass(frozen=True)
class AllianceSections:
    alliance: AllianceSection
    contract: ContractSection
    goals: GoalsSection
    boundaries: BoundarySection
    conduct: ConductSection


def add_alliance_sections(page: ClientPage, service: VaultService) -> AllianceSections:
    sections = AllianceSections(
        AllianceSection(service),
        ContractSection(service),
        GoalsSection(service),
        BoundarySection(service),
        ConductSection(service),
    )
    page.add_section("Working alliance", sections.alliance)
    page.add_section("Therapy contract", sections.contract)
    page.add_section("Treatment goals", sections.goals)
    page.add_section("Boundaries", sections.boundaries)
    page.add_section("My conduct with this client", sections.conduct)
    return sections
