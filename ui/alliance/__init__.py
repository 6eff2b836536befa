"""The alliance dialogs and their actions: the client's alliance check, ruptures and repairs."""
