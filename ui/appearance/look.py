"""The app's look: the theme a therapist chose (View → Theme) and the style sheet made for it.

The style sheet's colours and text sizes come from the palette and the font
(ui/widgets/surfaces.py), so it is made again whenever either changes: when the desktop goes dark
or changes its font size while Alliance follows it, and when the therapist picks a theme. The
choice is the app's own setting, never client data.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

import resources
from ui.app_settings import THEME, app_settings
from ui.widgets import app_filters, surfaces
from ui.widgets.app_filters import AppFilter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

STYLE_SHEET = "style.qss"
_NAME = "alliance_look"  # the application's one Look, found by this name (`look`)


class ThemeChoice(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def chosen_theme() -> ThemeChoice:
    """The theme kept in the app's settings; an unknown value reads as following the desktop."""
    value = str(app_settings().value(THEME, ThemeChoice.SYSTEM.value))
    return next((c for c in ThemeChoice if c.value == value), ThemeChoice.SYSTEM)


_ROLES = QPalette.ColorRole
_DARK = {
    _ROLES.Window: "#2b2d30",
    _ROLES.WindowText: "#e4e6e9",
    _ROLES.Base: "#1f2124",
    _ROLES.AlternateBase: "#26282c",
    _ROLES.Text: "#e4e6e9",
    _ROLES.PlaceholderText: "#9a9fa6",
    _ROLES.Button: "#35383c",
    _ROLES.ButtonText: "#e4e6e9",
    _ROLES.BrightText: "#ffffff",
    _ROLES.Highlight: "#3d6fa8",
    _ROLES.HighlightedText: "#ffffff",
    _ROLES.ToolTipBase: "#35383c",
    _ROLES.ToolTipText: "#e4e6e9",
    _ROLES.Link: "#8ab4f0",
    _ROLES.LinkVisited: "#c0a0f0",
    _ROLES.Light: "#46494e",
    _ROLES.Midlight: "#3c3f43",
    _ROLES.Mid: "#2f3134",
    _ROLES.Dark: "#1a1b1d",
    _ROLES.Shadow: "#0d0d0e",
}
_LIGHT = {
    _ROLES.Window: "#efeff0",
    _ROLES.WindowText: "#1f2328",
    _ROLES.Base: "#ffffff",
    _ROLES.AlternateBase: "#f5f5f6",
    _ROLES.Text: "#1f2328",
    _ROLES.PlaceholderText: "#6b7078",
    _ROLES.Button: "#e6e6e8",
    _ROLES.ButtonText: "#1f2328",
    _ROLES.BrightText: "#ffffff",
    _ROLES.Highlight: "#2f6db5",
    _ROLES.HighlightedText: "#ffffff",
    _ROLES.ToolTipBase: "#ffffdc",
    _ROLES.ToolTipText: "#1f2328",
    _ROLES.Link: "#1a5fb4",
    _ROLES.LinkVisited: "#6a3fa0",
    _ROLES.Light: "#ffffff",
    _ROLES.Midlight: "#f2f2f3",
    _ROLES.Mid: "#b8b9bc",
    _ROLES.Dark: "#9d9ea1",
    _ROLES.Shadow: "#6e6f72",
}
# Disabled text steps back, yet still reads.
_DISABLED = {"dark": "#8d9299", "light": "#7b7f86"}


def palette_for(choice: ThemeChoice) -> QPalette:
    """Alliance's own light or dark palette (Fusion draws every role of it)."""
    dark = choice is ThemeChoice.DARK
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(_DISABLED["dark" if dark else "light"])
    for role in (_ROLES.WindowText, _ROLES.Text, _ROLES.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def _style(name: str, indicators: bool) -> QStyle | str:
    """The style called `name`; with `indicators`, Fusion's check boxes and option buttons drawn
    to show on a dark palette (ui/appearance/indicator_style.py). The first page has neither and
    paints without: Python drawing Qt's primitives makes PySide build a type for every kind of
    style option first, ~7 ms before that page could paint."""
    if indicators and name.lower() == "fusion":
        from ui.appearance.indicator_style import IndicatorStyle

        return IndicatorStyle()
    return name


class Look(AppFilter):
    """Keeps the application's style sheet made for its palette and font, and applies a chosen
    theme. One per application, made by `look`; its filter, which hears of a new palette or font,
    is started with the main window's others (ui/widgets/app_filters.py)."""

    EVENTS = frozenset({QEvent.Type.ApplicationPaletteChange, QEvent.Type.ApplicationFontChange})

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_NAME)
        self._app = app
        # The desktop's own style, asked for just before Alliance first sets one: asking makes
        # PySide build the style classes' types, ~4 ms the first page need not wait for when
        # it is painted in the desktop's style (the theme followed, as by default).
        self._system_style: str | None = None
        self._making = False
        self._made_for: tuple[QPalette, QFont] | None = None
        self._choice: ThemeChoice | None = None
        self._indicators = False  # drawn to be seen once the window asks (`draw_indicators`)

    def catch_up(self) -> None:
        """Make the sheet again if the palette or font changed before the filter started."""
        if self._made_for != (self._app.palette(), self._app.font()):
            self.refresh()

    def draw_indicators(self) -> None:
        """From now on, Fusion's check boxes and option buttons drawn to be seen on any palette.
        The window asks for it as it builds the rest, a moment after the first page (which has
        neither) is painted; before then `apply` uses plain Fusion."""
        if self._indicators:
            return
        self._indicators = True
        if self._choice is not None and self._style_name(self._choice).lower() == "fusion":
            self.apply(self._choice)

    def _desktop_style(self) -> str:
        if self._system_style is None:
            # Under a style sheet the application's style is Qt's sheet wrapper, which has no
            # name: the sheet is taken off for the moment of asking (once, after the first
            # paint, when only the first page exists to be polished again).
            sheet = self._app.styleSheet()
            if sheet:
                self._app.setStyleSheet("")
            self._system_style = self._app.style().name() or "Fusion"
            if sheet:
                self._app.setStyleSheet(sheet)
        return self._system_style

    def _style_name(self, choice: ThemeChoice) -> str:
        return self._desktop_style() if choice is ThemeChoice.SYSTEM else "Fusion"

    def apply(self, choice: ThemeChoice) -> None:
        """Use `choice` now: the desktop's own style and palette, or Fusion with ours."""
        self._choice = choice
        hints = QGuiApplication.styleHints()
        if self._system_style is not None or choice is not ThemeChoice.SYSTEM:
            self._desktop_style()  # noted before a style of Alliance's own replaces it
            self._app.setStyle(_style(self._style_name(choice), self._indicators))
        # else: nothing set yet, so the application still has the desktop's style.
        if choice is ThemeChoice.SYSTEM:
            hints.unsetColorScheme()
            self._app.setPalette(QPalette())  # nothing set: the desktop's palette again
        else:
            from PySide6.QtCore import Qt  # only for a chosen theme: see ui/first_paint.py

            dark = choice is ThemeChoice.DARK
            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
            self._app.setPalette(palette_for(choice))
        self.refresh()

    def refresh(self) -> None:
        """Make the style sheet again for the application's palette and font."""
        if self._making:
            return
        self._making = True
        try:
            template = resources.text(STYLE_SHEET)
            # Copies already: wrapping them in QPalette() and QFont() would make PySide weigh
            # constructors that take Qt's namespace before the first paint (ui/first_paint.py).
            palette, font = self._app.palette(), self._app.font()
            self._app.setStyleSheet(surfaces.style_sheet(template, palette, font))
            self._made_for = (palette, font)
        finally:
            self._making = False

    def remove(self) -> None:
        """Hand the application back as it was before: the desktop's look, no style sheet."""
        app_filters.stop(self)
        self.setParent(None)
        QGuiApplication.styleHints().unsetColorScheme()
        self._app.setStyleSheet("")
        if self._system_style is not None:  # else still the desktop's own
            self._app.setStyle(self._system_style)
        self._app.setPalette(QPalette())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._app and event.type() in (
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ApplicationFontChange,
        ):
            self.refresh()
        return False


def look() -> Look:
    """The application's Look, made on first use."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # By name: a search by type alone wraps each of the application's children for Python
    # (its style among them), ~5 ms before the first paint.
    found = app.findChild(Look, _NAME)
    return found if found is not None else Look(app)


def choose_theme(choice: ThemeChoice) -> None:
    """View → Theme: apply `choice` and remember it in the app's settings."""
    settings = app_settings()
    settings.setValue(THEME, choice.value)
    settings.sync()
    look().apply(choice)
