"""View → Theme: follow the desktop, or light, or dark; the style sheet made anew for each."""
