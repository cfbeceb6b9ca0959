"""WhatsApp provider adapters (Meta Cloud API, Wazzup24)."""
