"""The durable outbox: one row per message, its state machine and the store the engine uses."""
