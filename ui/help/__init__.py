"""The Help menu: About Alliance (version, licence, where the vault is, the libraries inside)."""
