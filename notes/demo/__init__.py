"""The fictional caseload of the demo vault: clients, notes, observations and alliance records."""
