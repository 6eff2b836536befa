"""One session.

The note editor, tags of transference and countertransference on its words, find in note.
"""
