"""The Contacts section: the paged table over the base, the detail panel and the edit dialog."""

__all__: list[str] = []
