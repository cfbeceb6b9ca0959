"""Tests of the Settings section."""
