"""The engine's small HTTP receiver: provider status callbacks, unsubscribe links, health."""
