"""Before and around the open vault.

Create and unlock pages, locking when idle, the clipboard guard, the drafts kept over a lock.
"""
