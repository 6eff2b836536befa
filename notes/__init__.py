"""The domain in plain Python: records, templates and the clinical rules. No Qt, no SQL."""
