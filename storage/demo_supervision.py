"""Write the demo caseload's supervision (notes/demo/supervision.py) once its records exist."""

from __future__ import annotations

from datetime import date

from notes.demo.supervision import demo_supervision
from storage.supervision import SupervisionRepository
from storage.vault import Vault


def write_supervision_demo(vault: Vault, codes: dict[str, int], today: date) -> None:
    """`codes`: each demo client's code and id, all of them already written."""
    repository = SupervisionRepository(vault)
    demo = demo_supervision(today, codes, repository.candidates(list(codes.values())))
    for supervision in demo.supervisions:
        repository.save(supervision)
    for question in demo.questions:
        repository.add_question(question)
