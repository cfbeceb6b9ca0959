"""Kaskad's Qt user interface: the main window, its sections and shared widgets (calls `app/` services)."""

__all__: list[str] = []
