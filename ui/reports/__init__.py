"""Supervision reports and record exports.

The dialogs, the charts drawn for Word and the export job.
"""
