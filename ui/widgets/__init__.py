"""Shared parts: form fields, the dialogs' button row, item models and the theme."""
