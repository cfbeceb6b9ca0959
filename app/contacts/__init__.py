"""Contacts: normalisation, list/tag writes during import, and the read/edit service for the screen."""

__all__: list[str] = []
