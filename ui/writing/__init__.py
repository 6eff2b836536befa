"""Writing fast: spelling marks and suggestions, phrases (code + Tab, Ctrl+Space), on every box."""
