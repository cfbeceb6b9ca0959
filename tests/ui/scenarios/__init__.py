"""Tests of the Scenarios section."""
