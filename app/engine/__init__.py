"""The send engine: asyncio sending from the outbox with limits, backoff, breaker, gates and lock."""
