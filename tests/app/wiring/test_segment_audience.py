"""A saved segment as a campaign audience: pre-flight counts it, start freezes it, the CLI takes it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.campaigns.audience import materialise, preflight
from app.campaigns.model import create_campaign, get_campaign, start_campaign
from app.cli import main
from app.db.schema import contacts
from app.errors import NotFoundError, UserInputError
from app.providers.store import default_provider
from app.segments.service import create_segment, update_segment
from app.templates.library import create_template
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts, rows

NOON = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
KAZAN = {"type": "field", "field": "city", "op": "eq", "value": "Казань"}


def _kazan_shop(ws: Workspace) -> list[int]:
    """6 contacts, 3 of them in Kazan (one of those without SMS consent)."""
    ids = add_contacts(ws, 5) + add_contacts(ws, 1, start=50, consent=("email",))
    with ws.engine.begin() as conn:
        conn.execute(contacts.update().where(contacts.c.id.in_([ids[0], ids[2], ids[5]])).values(city="Казань"))
    return ids


def _campaign(ws: Workspace, **audience: object) -> int:
    return create_campaign(ws.engine, name="Казань", channel="sms", content={"text": "Привет, {{ first_name }}"},
                           provider=default_provider(ws.engine, "sms"), **audience).id  # type: ignore[arg-type]


def test_segment_audience_is_counted_and_materialised_from_the_rule_frozen_at_start(workspace: Workspace) -> None:
    ids = _kazan_shop(workspace)
    segment = create_segment(workspace.engine, "Казань", KAZAN)
    campaign = _campaign(workspace, segment="Казань")
    assert get_campaign(workspace.engine, campaign).audience == {"segment": segment}
    result = preflight(workspace.engine, campaign, now=NOON)
    assert (result.total, result.reachable, result.excluded["no_consent"]) == (3, 2, 1)

    start_campaign(workspace.engine, campaign, NOON)
    # Edited after the start: this campaign keeps the rule it started with.
    update_segment(workspace.engine, segment, rule={"type": "field", "field": "city", "op": "eq", "value": "Москва"})
    assert materialise(workspace.engine, campaign, now=NOON, batch=2) == 3
    assert sorted(r["contact_id"] for r in rows(workspace, campaign)) == [ids[0], ids[2], ids[5]]
    frozen = get_campaign(workspace.engine, campaign).audience
    assert frozen["rule"] == KAZAN and frozen["today"] == "2026-11-24"


def test_audience_choice_must_be_exactly_one_and_an_unknown_segment_is_named(workspace: Workspace) -> None:
    create_segment(workspace.engine, "Казань", KAZAN)
    with pytest.raises(UserInputError, match="a saved segment"):
        _campaign(workspace, segment="Казань", all_contacts=True)
    with pytest.raises(NotFoundError, match="Самара"):
        _campaign(workspace, segment="Самара")


def test_cli_campaign_create_with_segment(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    _kazan_shop(workspace)
    create_segment(workspace.engine, "Казань", KAZAN)
    create_template(workspace.engine, "Акция", "sms", {"schema_version": 1, "type": "sms",
                                                       "text": "{{ first_name }}, скидка", "sender": ""})
    root = str(Path(workspace.root))
    code = main(["--workspace", root, "campaign", "create", "--name", "Казань", "--channel", "sms",
                 "--template", "Акция", "--segment", "Казань", "--json"])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    campaign_id = json.loads(out[-1])["id"]
    with workspace.engine.connect() as conn:
        from app.outbox.tables import campaigns

        audience = conn.execute(sa.select(campaigns.c.audience).where(campaigns.c.id == campaign_id)).scalar()
    assert audience["segment"] > 0
    code = main(["--workspace", root, "campaign", "create", "--name", "X", "--channel", "sms",
                 "--template", "Акция", "--segment", "Нет такого"])
    assert code != 0 and "Нет такого" in capsys.readouterr().err
