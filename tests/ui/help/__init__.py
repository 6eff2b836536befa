"""Tests of the Help menu."""
