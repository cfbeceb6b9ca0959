"""The suppression list: addresses never to message again, and the ways they get there."""
