"""Messaging provider adapters: one module per provider behind the Protocol in `base`."""
