"""`python -m bench.memory_probe VAULT SETTINGS_FOLDER CLIENT_ID OTHER_ID`: the app's peak memory.

A fresh process makes the real window, unlocks the vault by typing the passphrase, lets the
after-unlock work finish, opens the client's page (coming from another client) and runs the
benchmark's twenty searches (so that the read connection's page cache holds what
they read), then prints its own peak resident set size (bench/peak.py says why not
getrusage's ru_maxrss) as one JSON line.
"""

import json
import sys
from pathlib import Path

from bench import gui
from bench.peak import maxrss_mb, own_peak_mb
from bench.queries import QUERIES
from bench.stall import wait_until
from ui.app import make_app

if __name__ == "__main__":
    vault, settings = Path(sys.argv[1]), Path(sys.argv[2])
    client_id, other_id = int(sys.argv[3]), int(sys.argv[4])
    app = make_app()
    gui.isolate_settings(settings)
    with gui.unlocked_window(vault) as window:
        gui.wait_for_background()
        page_ms = gui.client_page(window, client_id, other_id, repeats=1)["first_ms"]
        panel = gui.search_panel_of(window)
        if panel is not None:
            for query in QUERIES:
                panel.set_query(query)
                wait_until(lambda: not panel.is_searching())
                gui.wait_for_background()  # the snippets of the rows shown
    # ru_maxrss beside it, to show what the measure read before (bench/peak.py).
    peaks = {"peak_mb": own_peak_mb(), "maxrss_mb": maxrss_mb()}
    print(json.dumps({**peaks, "client_page_ms": page_ms}))
