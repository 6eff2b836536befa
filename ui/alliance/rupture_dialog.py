"""Record a rupture in the alliance — withdrawal or confrontation, its markers, what happened —
and whether and how it was repaired."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from notes.alliance import RUPTURE_MARKERS, Repair, Rupture, RuptureKind
from notes.records import Session
from ui.widgets.dialog_parts import form_dialog_layout
from ui.widgets.form_fields import SessionChooser, text_box

_KIND_HINTS = {
    RuptureKind.WITHDRAWAL: "Moving away: going quiet, agreeing too readily, changing the "
    "subject, talking from a distance.",
    RuptureKind.CONFRONTATION: "Moving against: complaints, pushing back, rejecting what you "
    "offer, trying to take control.",
}


class RuptureDialog(QDialog):
    def __init__(
        self, rupture: Rupture, sessions: list[Session], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rupture = rupture
        self.setWindowTitle("Rupture and repair" if rupture.id else "Record a rupture")
        self.session = SessionChooser(sessions, rupture.session_id)
        self.session.setAccessibleName("session of the rupture")

        self.kinds: dict[RuptureKind, QRadioButton] = {}
        kind_group = QButtonGroup(self)
        kind_row = QHBoxLayout()
        for kind in RuptureKind:
            button = QRadioButton(kind.label)
            kind_group.addButton(button)
            kind_row.addWidget(button)
            self.kinds[kind] = button
        kind_row.addStretch(1)
        self.kind_hint = QLabel()
        self.kind_hint.setObjectName("hint")
        self.kind_hint.setWordWrap(True)

        # Every marker of both kinds is built once; only the chosen kind's are shown.
        self.markers: dict[str, QCheckBox] = {}
        self._marker_kind: dict[str, RuptureKind] = {}
        # Each kind's markers in a grid of their own: sharing one grid, the hidden kind's rows
        # left uneven gaps between the shown ones.
        markers = QWidget()
        panels = QVBoxLayout(markers)
        panels.setContentsMargins(0, 0, 0, 0)
        self._marker_panels: dict[RuptureKind, QWidget] = {}
        for kind, terms in RUPTURE_MARKERS.items():
            panel = self._marker_panels[kind] = QWidget()
            panels.addWidget(panel)
            grid = QGridLayout(panel)
            grid.setContentsMargins(0, 0, 0, 0)
            for index, term in enumerate(terms):
                box = QCheckBox(term.label)
                box.setChecked(kind is rupture.kind and term.key in rupture.markers)
                grid.addWidget(box, index // 2, index % 2)
                self.markers[term.key] = box
                self._marker_kind[term.key] = kind
        self.what = text_box("what happened", "What happened, in a sentence or two.")
        self.what.setPlainText(rupture.what_happened)

        self.repair = QComboBox()
        self.repair.setAccessibleName("repair")
        for state in Repair:
            self.repair.addItem(state.label, state)
        self.repair.setCurrentIndex(self.repair.findData(rupture.repair))
        self.repair_session = SessionChooser(
            sessions, rupture.repair_session_id or rupture.session_id
        )
        self.repair_session.setAccessibleName("session of the repair")
        self.how = text_box("how it was repaired", "How it was talked through, if it was.")
        self.how.setPlainText(rupture.how_repaired)

        form = QFormLayout()
        form.addRow("Session", self.session)
        form.addRow("Kind", kind_row)
        form.addRow("", self.kind_hint)
        form.addRow("Markers", markers)
        form.addRow("What happened", self.what)
        form.addRow("Repair", self.repair)
        form.addRow("Repaired in", self.repair_session)
        form.addRow("How", self.how)
        form_dialog_layout(self, form)

        kind_group.buttonToggled.connect(lambda *_: self._show_kind())
        self.repair.currentIndexChanged.connect(self._show_repair)
        self.kinds[rupture.kind].setChecked(True)
        self._show_kind()
        self._show_repair()
        self.setMinimumWidth(620)
        self.adjustSize()

    def kind(self) -> RuptureKind:
        return next(kind for kind, button in self.kinds.items() if button.isChecked())

    def _show_kind(self) -> None:
        kind = self.kind()
        self.kind_hint.setText(_KIND_HINTS[kind])
        for shown, panel in self._marker_panels.items():
            panel.setVisible(shown is kind)
        # The other kind's markers may be wider: the window grows to show them whole.
        self.layout().activate()
        if self.width() < self.minimumSizeHint().width():
            self.resize(self.minimumSizeHint().width(), self.height())

    def _show_repair(self) -> None:
        repaired = Repair(self.repair.currentData()) is not Repair.NOT_YET
        self.repair_session.setEnabled(repaired)
        self.how.setEnabled(repaired)

    def rupture(self) -> Rupture:
        kind = self.kind()
        repair = Repair(self.repair.currentData())
        repaired = repair is not Repair.NOT_YET
        return Rupture(
            session_id=self.session.session_id(),
            kind=kind,
            markers=[
                key
                for key, box in self.markers.items()
                if box.isChecked() and self._marker_kind[key] is kind
            ],
            what_happened=self.what.toPlainText().strip(),
            repair=repair,
            repair_session_id=self.repair_session.session_id() if repaired else None,
            how_repaired=self.how.toPlainText().strip() if repaired else "",
            id=self._rupture.id,
        )
