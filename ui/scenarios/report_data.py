"""The numbers of the scenario report, per node and per A/B branch, as the report tab shows them.

`read_report` reads `app.journeys.report.scenario_report` and flattens it into `ReportData`:
one `ReportLine` per node and per branch, with messages kept by outbox state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from app.journeys.report import BranchStats, ScenarioReport, scenario_report

__all__ = ["DELIVERED", "FAILED", "ReportData", "ReportLine", "adapt", "read_report"]

#: Outbox states counted as delivered / failed in the report columns.
DELIVERED = ("delivered", "read")
FAILED = ("failed", "cancelled", "skipped")


@dataclass
class ReportLine:
    """One row: a node or a branch.

    Attributes:
        key: node id or branch key; contacts: journeys that reached it; waiting: still there now;
        messages: outbox state → count; converted: journeys of these contacts that reached the goal.
    """

    key: str
    contacts: int = 0
    waiting: int = 0
    messages: dict[str, int] = field(default_factory=dict)
    converted: int = 0

    @property
    def sent(self) -> int:
        """Messages that left (sent, delivered or read)."""
        return sum(self.messages.get(s, 0) for s in ("sent", *DELIVERED))

    @property
    def delivered(self) -> int:
        """Messages confirmed delivered (or read)."""
        return sum(self.messages.get(s, 0) for s in DELIVERED)

    @property
    def failed(self) -> int:
        """Messages that failed, were cancelled or skipped by a gate."""
        return sum(self.messages.get(s, 0) for s in FAILED)

    @property
    def rate(self) -> float | None:
        """Conversion rate in percent, None without contacts."""
        return 100.0 * self.converted / self.contacts if self.contacts else None


@dataclass
class ReportData:
    """Per-node and per-branch lines plus the totals of the scenario."""

    nodes: list[ReportLine] = field(default_factory=list)
    branches: list[ReportLine] = field(default_factory=list)
    total: ReportLine = field(default_factory=lambda: ReportLine("total"))


def _branch_key(branch: BranchStats, several_splits: bool) -> str:
    return f"{branch.node_id} · {branch.branch}" if several_splits else branch.branch


def adapt(report: ScenarioReport) -> ReportData:
    """The screen's ReportData from the journey runtime's ScenarioReport."""
    data = ReportData()
    for node in report.nodes:
        data.nodes.append(ReportLine(node.node_id, node.entered, node.active + node.waiting, dict(node.messages),
                                     node.converted))
    several = len({b.node_id for b in report.branches}) > 1
    for branch in report.branches:
        # BranchStats counts delivered messages inside "sent"; ReportLine keeps states apart.
        messages = {"sent": branch.sent - branch.delivered, "delivered": branch.delivered, "failed": branch.failed}
        data.branches.append(ReportLine(_branch_key(branch, several), branch.contacts, 0, messages, branch.converted))
    totals = report.totals
    data.total = ReportLine("total", int(totals.get("journeys", 0)),
                            int(totals.get("active", 0)) + int(totals.get("waiting", 0)),
                            dict(totals.get("messages") or {}), int(totals.get("converted", 0)))
    return data


def read_report(engine: Engine, scenario_id: int) -> ReportData:
    """The report of a scenario (journeys of all versions together)."""
    return adapt(scenario_report(engine, scenario_id))
