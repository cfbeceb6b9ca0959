"""Keeping garbage-collection pauses short while the window is open and messages go out.

A full (generation 2) collection walks every container object the process holds and keeps the
interpreter lock while it does, so the GUI thread stands still for its whole length: with the
modules, widgets and caches of a running window that is tens to hundreds of milliseconds.
Objects alive at start-up, or when sending starts, live for the rest of the session; freezing
them moves them out of the collector's reach, so later full collections only walk what the
session allocated since.
"""

from __future__ import annotations

import gc

__all__ = ["freeze_long_lived"]


def freeze_long_lived() -> None:
    """Exempt every object alive now from future collections.

    Reference counting still frees them when they are dropped; only a cycle among them would
    wait, which start-up modules and widgets do not form in any number that matters.
    """
    gc.freeze()
