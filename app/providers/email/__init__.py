"""Email provider adapters (SMTP and email APIs)."""
