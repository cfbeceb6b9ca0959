"""Small shared widgets: coming-soon page, debounced search box, empty state, ask-style dialogs."""

__all__: list[str] = []
