"""The only code that knows SQL and SQLCipher: the vault, its schema and the repositories."""
