"""Write the demo's writing aids (notes/demo/writing.py) into a vault: the own template, the
phrases and the personal word. Returns the template's key, for the notes written with it."""

from __future__ import annotations

from notes.demo.writing import DEMO_PHRASES, DEMO_TEMPLATE, DEMO_WORDS
from storage.templates import OwnTemplateRepository
from storage.vault import Vault
from storage.writing import WritingRepository


def write_writing_demo(vault: Vault) -> str:
    writing = WritingRepository(vault)
    writing.phrases()  # the starter set first, as in any new vault
    for phrase in DEMO_PHRASES:
        writing.save_phrase(phrase)
    for word in DEMO_WORDS:
        writing.add_personal_word(word)
    return OwnTemplateRepository(vault).save(DEMO_TEMPLATE).key
