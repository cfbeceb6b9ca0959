"""Tests of the Campaigns section: wizard, live progress, report, engine host."""
