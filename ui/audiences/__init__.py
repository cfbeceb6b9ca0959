"""The Audiences section: saved segments with a rule builder and live count, and static lists."""
