"""The Campaigns section: one-off mailings (wizard, live progress, report)."""
