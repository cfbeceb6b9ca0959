"""Tests of the Contacts section."""
