"""The Settings section: a page of setting groups (language now; accounts, sending limits later)."""

__all__: list[str] = []
