"""The Vault menu's screens and work: backups, restore, passphrase change, audit log, settings."""
