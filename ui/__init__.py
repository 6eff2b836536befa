"""PySide6 widgets, models and dialogs. Thin: they ask notes/ and storage/, then show."""
