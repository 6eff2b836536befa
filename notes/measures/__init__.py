"""Outcome measures: freely usable questionnaires (PHQ-9, GAD-7) as data, their scoring and
bands, flagged items, reliable change, and how symptoms and the alliance sit on one timeline."""
