"""The Scenarios section: the canvas widget and the screens built around it."""
