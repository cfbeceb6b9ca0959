"""Tests of the templates core."""
