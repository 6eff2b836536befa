"""Search over every note and client, as the person types."""
