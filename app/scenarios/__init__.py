"""Trigger scenarios: the graph model, node registry, validation, documents and versioned storage."""
