"""Campaigns: the model and controls, audience materialisation and pre-flight, status and reports."""
