"""Segments: saved rules over contacts, fields, tags, consent, engagement and events, compiled to SQL."""
