"""Compliance gate policy: quiet hours in the recipient's time zone and frequency caps.

The checks themselves run inside the claim transaction (`app.outbox.store`); this module
holds the policy (read from the `settings` table) and the time-zone arithmetic.

Recipient zone: the contact's `timezone`, else its city (table of major Russian cities),
else the phone number (phonenumbers: one zone for landlines), else for +7 mobiles the most
restrictive window over Russia's offsets UTC+2..UTC+12, else the workspace's zone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
import sqlalchemy as sa
from phonenumbers import timezone as pn_timezone
from sqlalchemy.engine import Connection

from app.db.schema import settings

__all__ = ["CITY_ZONES", "GatePolicy", "load_policy", "next_window_opening", "recipient_zones"]

CITY_ZONES: dict[str, str] = {
    "москва": "Europe/Moscow", "moscow": "Europe/Moscow", "санкт-петербург": "Europe/Moscow",
    "saint petersburg": "Europe/Moscow", "спб": "Europe/Moscow", "петербург": "Europe/Moscow",
    "нижний новгород": "Europe/Moscow", "казань": "Europe/Moscow", "kazan": "Europe/Moscow",
    "ростов-на-дону": "Europe/Moscow", "воронеж": "Europe/Moscow", "краснодар": "Europe/Moscow",
    "сочи": "Europe/Moscow", "ярославль": "Europe/Moscow", "тула": "Europe/Moscow",
    "калининград": "Europe/Kaliningrad", "kaliningrad": "Europe/Kaliningrad",
    "самара": "Europe/Samara", "samara": "Europe/Samara", "ижевск": "Europe/Samara",
    "саратов": "Europe/Saratov", "ульяновск": "Europe/Ulyanovsk", "волгоград": "Europe/Volgograd",
    "астрахань": "Europe/Astrakhan",
    "екатеринбург": "Asia/Yekaterinburg", "yekaterinburg": "Asia/Yekaterinburg",
    "челябинск": "Asia/Yekaterinburg", "пермь": "Asia/Yekaterinburg", "уфа": "Asia/Yekaterinburg",
    "тюмень": "Asia/Yekaterinburg", "оренбург": "Asia/Yekaterinburg",
    "омск": "Asia/Omsk", "omsk": "Asia/Omsk",
    "новосибирск": "Asia/Novosibirsk", "novosibirsk": "Asia/Novosibirsk", "томск": "Asia/Tomsk",
    "барнаул": "Asia/Barnaul", "кемерово": "Asia/Novokuznetsk", "новокузнецк": "Asia/Novokuznetsk",
    "красноярск": "Asia/Krasnoyarsk", "krasnoyarsk": "Asia/Krasnoyarsk",
    "иркутск": "Asia/Irkutsk", "irkutsk": "Asia/Irkutsk", "улан-удэ": "Asia/Irkutsk",
    "чита": "Asia/Chita", "якутск": "Asia/Yakutsk", "yakutsk": "Asia/Yakutsk",
    "владивосток": "Asia/Vladivostok", "vladivostok": "Asia/Vladivostok", "хабаровск": "Asia/Vladivostok",
    "khabarovsk": "Asia/Vladivostok", "магадан": "Asia/Magadan", "южно-сахалинск": "Asia/Sakhalin",
    "петропавловск-камчатский": "Asia/Kamchatka", "анадырь": "Asia/Anadyr",
}

#: Russia's offsets; a +7 mobile alone does not tell which one applies.
RUSSIA_OFFSETS = tuple(timezone(timedelta(hours=h)) for h in range(2, 13))

SETTING_QUIET = "sending.quiet_hours"
SETTING_CAPS = "sending.frequency_caps"
SETTING_ZONE = "sending.timezone"


@dataclass(frozen=True)
class GatePolicy:
    """Quiet hours and frequency caps in force.

    Attributes:
        quiet_start / quiet_end: the sending window in the recipient's local time.
        quiet_channels: channels the window applies to (marketing only; service is exempt).
        caps: {channel: (per_day, per_week)} for marketing messages; None = no cap.
        default_zone: the zone used when nothing about the recipient tells one.
    """

    quiet_start: time = time(9, 0)
    quiet_end: time = time(21, 0)
    quiet_channels: frozenset[str] = frozenset({"sms", "whatsapp", "calls"})
    caps: Mapping[str, tuple[int | None, int | None]] = field(
        default_factory=lambda: {ch: (1, 3) for ch in ("email", "sms", "whatsapp", "calls")})
    default_zone: str = "Europe/Moscow"

    def cap_for(self, channel: str) -> tuple[int | None, int | None]:
        return self.caps.get(channel, (None, None))


def _parse_time(value: Any, fallback: time) -> time:
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except (ValueError, TypeError):
        return fallback


def load_policy(conn: Connection) -> GatePolicy:
    """The policy from the settings table (keys sending.quiet_hours / frequency_caps / timezone)."""
    rows = dict(conn.execute(sa.select(settings.c.key, settings.c.value)
                             .where(settings.c.key.in_((SETTING_QUIET, SETTING_CAPS, SETTING_ZONE)))).all())
    base = GatePolicy()
    quiet = rows.get(SETTING_QUIET) or {}
    caps_raw = rows.get(SETTING_CAPS)
    caps = dict(base.caps)
    if isinstance(caps_raw, dict):
        for channel, cap in caps_raw.items():
            if isinstance(cap, dict):
                caps[channel] = (cap.get("day"), cap.get("week"))
    return GatePolicy(
        quiet_start=_parse_time(quiet.get("start"), base.quiet_start),
        quiet_end=_parse_time(quiet.get("end"), base.quiet_end),
        quiet_channels=frozenset(quiet.get("channels", base.quiet_channels)),
        caps=caps,
        default_zone=str(rows.get(SETTING_ZONE) or base.default_zone),
    )


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def recipient_zones(contact: Mapping[str, Any], default_zone: str) -> Sequence[tzinfo]:
    """The zones whose window must all be open to reach this contact (usually exactly one)."""
    zone = _zone(contact.get("timezone"))
    if zone is None and contact.get("city"):
        zone = _zone(CITY_ZONES.get(str(contact["city"]).strip().lower().replace("ё", "е")))
    if zone is not None:
        return (zone,)
    phone = contact.get("phone")
    if phone:
        try:
            number = phonenumbers.parse(phone, None)
            candidates = [z for z in pn_timezone.time_zones_for_number(number) if z != "Etc/Unknown"]
        except phonenumbers.NumberParseException:
            candidates = []
        if len(candidates) == 1 and _zone(candidates[0]):
            return (_zone(candidates[0]),)  # type: ignore[return-value]
        if number_is_russian(phone):
            return RUSSIA_OFFSETS
        zones = [z for z in (_zone(c) for c in candidates) if z is not None]
        if zones:
            return tuple(zones)
    return (_zone(default_zone) or ZoneInfo("Europe/Moscow"),)


def number_is_russian(phone: str) -> bool:
    return phone.startswith("+7") and not phone.startswith(("+76", "+77"))  # +76/+77: Kazakhstan


def _inside(moment: datetime, zone: tzinfo, start: time, end: time) -> bool:
    local = moment.astimezone(zone).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end  # a window across midnight


def next_window_opening(now: datetime, zones: Sequence[tzinfo], start: time, end: time) -> datetime | None:
    """None when `now` is inside the window in every zone, else the next UTC moment it is.

    If the zones' windows never overlap (a short window over many zones), the widest zone
    of the set (the first) decides, so the message is held, never dropped.
    """
    if all(_inside(now, z, start, end) for z in zones):
        return None
    candidates: list[datetime] = []
    for zone in zones:
        local = now.astimezone(zone)
        for day in range(3):
            opening = datetime.combine(local.date() + timedelta(days=day), start, tzinfo=zone)
            if opening > now:
                candidates.append(opening.astimezone(UTC))
    for moment in sorted(candidates):
        if all(_inside(moment, z, start, end) for z in zones):
            return moment
    return min(c for c in candidates if c > now and _inside(c, zones[0], start, end))
