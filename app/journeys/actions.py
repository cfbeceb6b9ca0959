"""Action nodes: resolving their template and provider, and rendering the messages they queue.

Resolution (`Resolver`) reads the library before a batch's write transaction opens (it may
create the channel's sandbox account); rendering (`MessageRenderer`) is pure given a contact.
Tag / list / field actions live in `app.journeys.changes` (re-exported here). The runner and
the simulation share all of it, so the simulation shows the texts the engine will queue.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.campaigns.render import IDENTITY_KEY, CampaignRenderer, email_from
from app.db.schema import settings
from app.errors import NotFoundError, TemplateError, UserInputError
from app.journeys.changes import apply_change, describe_change
from app.journeys.nodes import WAIT_KEY, Journey
from app.journeys.tables import step_ref
from app.outbox.schedule import utc
from app.scenarios.graph import Node
from app.scenarios.registry import NodeType
from app.templates.library import TemplateVersion

__all__ = ["ActionSetup", "Draft", "MessageRenderer", "Resolver", "apply_change", "describe_change",
           "template_context"]


@dataclass(frozen=True)
class ActionSetup:
    """An action node's resolved template version and provider account (or why it cannot run)."""

    template: TemplateVersion | None = None
    provider: str = ""
    target: str = ""
    error: str = ""


@dataclass(frozen=True)
class Draft:
    """One rendered message ready to be queued (or shown by the simulation)."""

    channel: str
    provider: str
    address: str | None
    payload: dict[str, Any]
    transactional: bool
    step_ref: str
    message_id: str
    contact_id: int
    manager: bool = False


class Resolver:
    """Finds the template versions and provider accounts of a scenario version's action nodes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def setup(self, node: Node, node_type: NodeType, pinned_at: dt.datetime | None, *,
              read_only: bool = False) -> ActionSetup:
        """Resolve one action node: the template version newest at `pinned_at` (the scenario
        version's publication; None = newest), the named provider or the channel's default
        (`read_only`: never create the channel's sandbox account, just name it)."""
        from app.providers.store import default_provider, get_provider

        template = None
        name = str(node.props.get("template") or "").strip()
        if node_type.template_kind:
            try:
                template = self._template(name, pinned_at)
            except NotFoundError:
                return ActionSetup(error=f"the template {name!r} is no longer in the library")
        provider = str(node.props.get("provider") or "").strip()
        channel = node_type.channel or ""
        try:
            if not provider:
                provider = _default_name(self.engine, channel) if read_only else default_provider(self.engine, channel)
            info = get_provider(self.engine, provider)
        except NotFoundError as exc:
            if read_only and provider == f"sandbox-{channel}":
                return ActionSetup(template=template, provider=provider, target=provider)
            return ActionSetup(template=template, error=f"no provider account for {channel}: {exc}")
        except UserInputError as exc:
            return ActionSetup(template=template, error=f"no provider account for {channel}: {exc}")
        target = str((info.options or {}).get("url") or info.base_url or info.name)
        return ActionSetup(template=template, provider=info.name, target=target)

    def _template(self, name: str, pinned_at: dt.datetime | None) -> TemplateVersion:
        from app.templates.library import find_template, get_version
        from app.templates.tables import template_versions

        info = find_template(self.engine, name)
        version = None
        if pinned_at is not None:
            with self.engine.connect() as conn:
                for number, created in conn.execute(
                        sa.select(template_versions.c.version, template_versions.c.created_at)
                        .where(template_versions.c.template_id == info.id)
                        .order_by(template_versions.c.version.desc())):
                    if utc(created) <= pinned_at:
                        version = number
                        break
        return get_version(self.engine, info.id, version)


def _default_name(engine: Engine, channel: str) -> str:
    """The account `default_provider` would pick, without creating the sandbox one."""
    from app.outbox.tables import providers

    with engine.connect() as conn:
        name = conn.execute(sa.select(providers.c.name).where(providers.c.channel == channel,
                                                              providers.c.is_default.is_(True))
                            .order_by(providers.c.id)).scalar()
    return name or f"sandbox-{channel}"


def template_context(journey: Journey) -> dict[str, Any]:
    """The journey context templates see as `event.*` (the engine's own keys left out)."""
    return {k: v for k, v in (journey.context or {}).items() if not str(k).startswith("_") and k != WAIT_KEY}


class _ReadOnlyRenderer(CampaignRenderer):
    """Reads the settings and the stored signing secret without creating one (simulations write nothing)."""

    def prepare(self) -> None:
        from app.campaigns.render import SETTING_SECRET

        with self.engine.connect() as conn:
            self._settings = dict(conn.execute(sa.select(settings.c.key, settings.c.value)).all())
        secret = self._settings.get(SETTING_SECRET)
        self._secret = bytes.fromhex(secret) if isinstance(secret, str) else os.urandom(32)


class MessageRenderer:
    """Renders action nodes' messages for a contact, with the sender identity and unsubscribe link."""

    def __init__(self, engine: Engine, *, read_only: bool = False) -> None:
        self._campaign = (_ReadOnlyRenderer if read_only else CampaignRenderer)(engine)
        # Settings and the signing secret are read now, outside any write transaction.
        self._campaign.prepare()
        with engine.connect() as conn:
            self._identity_setting = conn.execute(sa.select(settings.c.value).where(
                settings.c.key == IDENTITY_KEY)).scalar()

    def drafts(self, journey: Journey, node: Node, node_type: NodeType, setup: ActionSetup,
               contact: Mapping[str, Any], pick: Callable[[int], int], scenario_name: str = "") -> list[Draft]:
        """The messages this action queues; raises TemplateError when a template cannot be rendered."""
        if setup.error:
            raise TemplateError(setup.error)
        ref = step_ref(journey.id, journey.step + 1)
        channel = node_type.channel or ""
        event = template_context(journey)
        base = {"provider": setup.provider, "step_ref": ref, "contact_id": journey.contact_id}
        kind = node_type.type_id
        if kind == "action.email":
            message_id = uuid.uuid4().hex
            return [Draft("email", address=contact.get("email"), transactional=False, message_id=message_id,
                          payload=self._email(setup.template, contact, event, message_id), **base)]
        if kind == "action.email_manager":
            managers = [str(m) for m in node.props.get("managers") or []]
            if node.props.get("recipients") == "round_robin" and managers:
                managers = [managers[pick(len(managers)) % len(managers)]]
            out = []
            for i, address in enumerate(managers):
                message_id = uuid.uuid4().hex
                payload = self._manager(setup.template, contact, event, address, message_id)
                out.append(Draft("email", address=address, transactional=True, message_id=message_id,
                                 payload=payload, manager=True, **{**base, "step_ref": f"{ref}:manager:{i + 1}"}))
            return out
        if kind == "action.sms":
            from app.templates.render import render_sms

            rendered = render_sms(setup.template, contact, extra={"event": event})  # type: ignore[arg-type]
            return [Draft("sms", address=contact.get("phone"), message_id=uuid.uuid4().hex,
                          transactional=node.props.get("sms_kind") == "service",
                          payload={"text": rendered.text, "segments": rendered.count.segments}, **base)]
        if kind == "action.whatsapp":
            from app.templates.render import render_whatsapp

            rendered = render_whatsapp(setup.template, contact, extra={"event": event})
            payload = dict(vars(rendered)) if hasattr(rendered, "__dict__") else dict(rendered)
            return [Draft("whatsapp", address=contact.get("phone"), transactional=False,
                          message_id=uuid.uuid4().hex, payload=payload, **base)]
        if kind == "action.webhook":
            data = {"contact": _plain(contact), "journey": {
                "id": journey.id, "scenario_id": journey.scenario_id, "scenario": scenario_name,
                "version": journey.version, "node_id": node.id, "step": journey.step + 1, "branch": journey.branch,
                "entered_at": journey.entered_at.isoformat(), "context": event}}
            return [Draft(channel, address=setup.target, transactional=True, message_id=uuid.uuid4().hex,
                          payload={"type": str(node.props.get("event_type") or "scenario.step"), "data": data},
                          **base)]
        raise TemplateError(f"node type {kind!r} does not send messages")

    def _identity(self, payload: dict[str, Any]) -> None:
        identity = self._identity_setting
        sender = email_from(identity)
        if sender:
            payload["from_addr"] = sender
        if isinstance(identity, dict) and str(identity.get("reply_to") or "").strip():
            payload["reply_to"] = str(identity["reply_to"]).strip()

    def _email(self, version: Any, contact: Mapping[str, Any], event: dict[str, Any],
               message_id: str) -> dict[str, Any]:
        from app.templates.render import render_message

        headers, url = self._campaign.unsubscribe_headers(contact.get("id"))
        headers["X-Kaskad-Message"] = message_id
        payload: dict[str, Any] = {"headers": headers}
        self._identity(payload)
        rendered = render_message(version, contact, unsubscribe_url=url, event=event)
        payload.update(subject=rendered.subject, html=rendered.html, text=rendered.text, preheader=rendered.preheader)
        return payload

    def _manager(self, version: Any, contact: Mapping[str, Any], event: dict[str, Any], address: str,
                 message_id: str) -> dict[str, Any]:
        from app.templates.render import render_manager

        lead = {"name": " ".join(str(p) for p in (contact.get("first_name"), contact.get("last_name")) if p),
                "phone": contact.get("phone") or "", "email": contact.get("email") or "",
                "comment": event.get("comment", ""), **event}
        payload: dict[str, Any] = {"headers": {"X-Kaskad-Message": message_id}}
        self._identity(payload)
        rendered = render_manager(version, lead=lead, event=event, contact=contact, manager={"email": address})
        payload.update(subject=rendered.subject, html=rendered.html, text=rendered.text, preheader=rendered.preheader)
        return payload


def _plain(contact: Mapping[str, Any]) -> dict[str, Any]:
    skip = ("search_text", "import_job_id")
    return {k: (v.isoformat() if isinstance(v, dt.date | dt.datetime) else v)
            for k, v in contact.items() if k not in skip}
