"""The writing aids in a real vault: personal words, phrases with their starter set, templates."""

from __future__ import annotations

from dataclasses import replace

from notes.phrases import Phrase, starter_phrases
from notes.templates import Section, new_own_template
from storage.templates import OwnTemplateRepository
from storage.vault import Vault
from storage.writing import WritingRepository


def test_personal_words_are_kept_once_whatever_their_capitals(vault: Vault):
    words = WritingRepository(vault)
    words.add_personal_word("Quillbrook")
    words.add_personal_word("quillbrook")
    assert words.personal_words() == ["Quillbrook"]
    words.remove_personal_word("QUILLBROOK")
    assert words.personal_words() == []


def test_the_starter_phrases_go_in_once_and_a_deleted_one_stays_deleted(vault: Vault):
    phrases = WritingRepository(vault)
    assert {p.code for p in phrases.phrases()} == {p.code for p in starter_phrases()}
    phrases.delete_phrase("dna")
    assert "dna" not in {p.code for p in phrases.phrases()}
    assert "dna" not in {p.code for p in WritingRepository(vault).phrases()}


def test_a_phrase_changes_code_and_text(vault: Vault):
    phrases = WritingRepository(vault)
    phrases.save_phrase(Phrase("fam", "Family session."))
    phrases.save_phrase(Phrase("family", "Family session, both parents."), replacing="fam")
    codes = {p.code: p.text for p in phrases.phrases()}
    assert "fam" not in codes and codes["family"] == "Family session, both parents."


def test_own_templates_get_keys_keep_order_and_retire(vault: Vault):
    templates = OwnTemplateRepository(vault)
    first = templates.save(new_own_template("Psychodynamic", (Section("themes", "Themes", "x"),)))
    second = templates.save(new_own_template("Couples", (Section("us", "Us", ""),)))
    assert (first.key, second.key) == ("own_1", "own_2")
    templates.save(replace(first, name="Dynamic", retired=True))
    listed = templates.list()
    assert [(t.name, t.retired) for t in listed] == [("Dynamic", True), ("Couples", False)]
    assert listed[0].sections == (Section("themes", "Themes", "x"),)


def test_reports_name_own_sections_by_title_without_an_unlock_registering_them(vault: Vault):
    from notes.templates import section_title, use_own_templates
    from storage.report_data import ReportData

    OwnTemplateRepository(vault).save(
        new_own_template("Couples", (Section("between", "Between them", ""),))
    )
    use_own_templates([])  # as on the command line
    try:
        ReportData(vault)
        assert section_title("between") == "Between them"
    finally:
        use_own_templates([])
