"""Tests of the template editors (ui/templates)."""
