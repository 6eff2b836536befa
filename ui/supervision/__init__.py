"""Supervision: the agenda of what is open, the sessions with a supervisor, the agreed actions."""
