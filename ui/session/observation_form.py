"""The compact form for one transference or countertransference observation."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from notes.observations import (
    INTENSITIES,
    Category,
    Observation,
    ObservationKind,
    categories_offered,
)
from ui.lock.dialog_drafts import SAVE_ON_LOCK
from ui.widgets.dialog_parts import dialog_buttons
from ui.widgets.form_fields import text_box

QUOTE_SHOWN = 160  # characters of the tagged words shown in the form; the rest in a tooltip
_form_box = partial(text_box, height=58, keyed=True)  # three to a small form


def quoted(text: str, limit: int = QUOTE_SHOWN) -> str:
    """The words in curly quotes on one line, shortened with an ellipsis when long."""
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1].rstrip() + '…'}”"


class ObservationForm(QDialog):
    def __init__(
        self, categories: list[Category], observation: Observation, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("observationForm")
        # Auto-lock saves a half-filled observation rather than losing it (see MainWindow).
        self.setProperty(SAVE_ON_LOCK, True)
        self._categories = categories
        self._observation = observation
        self.setWindowTitle("Observation" if observation.id is None else "Edit observation")

        self.words = QLabel()
        self.words.setObjectName("hint")
        self.words.setWordWrap(True)
        if observation.tagged or observation.quote:
            self.words.setText(f"On the words {quoted(observation.quote)}")
            self.words.setToolTip(observation.quote)
        else:
            self.words.setText("Not tied to words in the note.")
        self.kind = QComboBox()
        self.kind.setAccessibleName("kind")
        for kind in ObservationKind:
            self.kind.addItem(kind.label, kind.value)
        self.category = QComboBox()
        self.category.setAccessibleName("category")
        self.description = QLabel()
        self.description.setObjectName("hint")
        self.description.setWordWrap(True)
        self.intensity = QSpinBox()
        self.intensity.setAccessibleName("intensity")
        self.intensity.setRange(INTENSITIES.start, INTENSITIES.stop - 1)
        self.intensity.setSuffix(" of 5")
        self.intensity.setValue(observation.intensity)
        intensity_hint = QLabel("1 barely there · 5 very strong")
        intensity_hint.setObjectName("hint")
        self.figure = QLineEdit(observation.figure)
        self.figure.setAccessibleName("redirected from")
        self.figure.setPlaceholderText("Optional — e.g. her father, an older brother")
        self.happened = _form_box("what_happened", "What was going on at that moment.")
        self.felt = _form_box("what_i_felt", "In you, or in the room.")
        self.responded = _form_box("how_i_responded", "What you said or did — or held back.")
        self.happened.setPlainText(observation.what_happened)
        self.felt.setPlainText(observation.what_i_felt)
        self.responded.setPlainText(observation.how_i_responded)
        self.supervision = QCheckBox("Bring to supervision")
        self.supervision.setChecked(observation.supervision)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Kind", self.kind)
        form.addRow("Category", self.category)
        form.addRow("", self.description)
        form.addRow("Intensity", self.intensity)
        form.addRow("", intensity_hint)
        form.addRow("Redirected from", self.figure)
        form.addRow("What happened", self.happened)
        form.addRow("What I felt or noticed", self.felt)
        form.addRow("How I responded", self.responded)
        form.addRow("", self.supervision)
        self.buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

        self.kind.currentIndexChanged.connect(self._fill_categories)
        self.category.currentIndexChanged.connect(self._describe)
        self.kind.setCurrentIndex(self.kind.findData(observation.kind.value))
        self._fill_categories()
        self.category.setFocus()

    def _fill_categories(self) -> None:
        kind = ObservationKind(self.kind.currentData())
        wanted = self._observation.category_id
        self.category.clear()
        for category in categories_offered(self._categories, kind, wanted):
            self.category.addItem(category.display_label, category.id)
        found = self.category.findData(wanted)
        self.category.setCurrentIndex(max(found, 0))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.category.count() > 0)
        self._describe()

    def _describe(self) -> None:
        chosen = self.category.currentData()
        text = next((c.description for c in self._categories if c.id == chosen), "")
        self.description.setText(text or "Add categories in Session ▸ Observation categories.")

    def observation(self) -> Observation:
        """The observation as filled in (a copy; the one given is not changed)."""
        return replace(
            self._observation,
            kind=ObservationKind(self.kind.currentData()),
            category_id=self.category.currentData(),
            intensity=self.intensity.value(),
            figure=self.figure.text().strip(),
            what_happened=self.happened.toPlainText().strip(),
            what_i_felt=self.felt.toPlainText().strip(),
            how_i_responded=self.responded.toPlainText().strip(),
            supervision=self.supervision.isChecked(),
        )
