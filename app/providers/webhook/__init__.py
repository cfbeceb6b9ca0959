"""Outgoing webhooks (Standard Webhooks over HTTP) and the inbound status-callback types."""
