"""The therapist's look back at their own conduct.

The check, the offer after signing, the prompt editor and the trend across clients.
"""
