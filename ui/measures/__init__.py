"""Outcome measures in the window: entering them for a session, client mode, the client page's
measures section and its timeline."""
