"""The vault seal at the end of every report: the head of signed history when it was made.

It is added after de-identification, as the report's last block: it holds no client data, and a
seal must reach the page exactly as computed (no replacement, no date removal may touch it).
"""

from __future__ import annotations

from dataclasses import replace

from notes.reports.model import Heading, Paragraph, Report
from notes.vault_seal import VaultSeal, seal_sentence

SEAL_HEADING = "Vault seal"


def sealed(report: Report, seal: VaultSeal | None) -> Report:
    """`report` with its closing seal; a vault with nothing signed yet has none to print."""
    if seal is None:
        return report
    blocks = (Heading(SEAL_HEADING), Paragraph(seal_sentence(seal)))
    return replace(report, blocks=(*report.blocks, *blocks))
