"""Tests of the import wizard (ui/imports)."""
