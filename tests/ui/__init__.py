"""UI tests, mirroring the ui/ package."""
