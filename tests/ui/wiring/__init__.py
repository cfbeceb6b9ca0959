"""GUI tests of how the screens work together in the main window."""
