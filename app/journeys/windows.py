"""Weekday + local-hours windows ("Mon–Fri 10:00–20:00 in the contact's zone") for wait nodes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo

__all__ = ["in_window", "next_window"]


def _hhmm(value: str) -> time:
    hours, minutes = str(value).split(":")
    return time(int(hours), int(minutes))


def _inside(moment: datetime, zone: tzinfo, weekdays: Sequence[int], start: time, end: time) -> bool:
    local = moment.astimezone(zone)
    clock = local.time()
    if start <= end:
        return local.isoweekday() in weekdays and start <= clock < end
    if clock >= start:  # a window across midnight belongs to the day it opens
        return local.isoweekday() in weekdays
    return clock < end and (local - timedelta(days=1)).isoweekday() in weekdays


def in_window(moment: datetime, zones: Sequence[tzinfo], weekdays: Sequence[int], start: str, end: str) -> bool:
    """Whether `moment` is inside the weekday + local-hours window in every zone."""
    first, last = _hhmm(start), _hhmm(end)
    return all(_inside(moment, z, weekdays, first, last) for z in zones)


def next_window(now: datetime, zones: Sequence[tzinfo], weekdays: Sequence[int], start: str,
                end: str) -> datetime | None:
    """None when `now` is inside the window, else the next UTC moment it opens in every zone
    (or, when the zones' windows never overlap, in the first zone: held, never dropped)."""
    first, last = _hhmm(start), _hhmm(end)
    if all(_inside(now, z, weekdays, first, last) for z in zones):
        return None
    candidates: list[datetime] = []
    for zone in zones:
        local = now.astimezone(zone)
        for day in range(9):
            opening = datetime.combine(local.date() + timedelta(days=day), first, tzinfo=zone).astimezone(UTC)
            if opening > now:
                candidates.append(opening)
    candidates.sort()
    for moment in candidates:
        if all(_inside(moment, z, weekdays, first, last) for z in zones):
            return moment
    return next((c for c in candidates if _inside(c, zones[0], weekdays, first, last)), None)
