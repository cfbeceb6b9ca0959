"""Fake Unisender Go transactional API: `email/send.json`, `system/info.json`, `suppression/list.json`, callbacks."""

from __future__ import annotations

import hashlib
import json
import secrets
import time

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["PREFIX", "FakeUnisenderGo"]

PREFIX = "/ru/transactional/api/v1"


def _error(status: int, message: str, code: int) -> Reply:
    return Reply(status, {"status": "error", "message": message, "code": code})


class FakeUnisenderGo(FakeServer):
    """Speaks Unisender Go's Web API (JSON POSTs, `X-API-KEY`); `received` holds accepted messages.

    Switches: `api_key`; `failed_emails` {address: reason} answered inside the 200 success body
    (invalid, duplicate, permanent_unavailable, temporary_unavailable, unsubscribed);
    `suppressions`: the project's suppression list as the API returns its items
    ({"email", "cause", "source", "is_deletable", "created"}), served oldest first in chunks
    of the request's `limit` (at most `max_limit`) with an opaque `cursor` for the next chunk.
    Use `url + PREFIX` as the adapter's base URL.
    """

    def __init__(self, api_key: str = "ug-test-key", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.api_key = api_key
        self.failed_emails: dict[str, str] = {}
        self.received: list[dict] = []
        self.suppressions: list[dict] = []
        self.max_limit = 100
        self._cursors: dict[str, int] = {}

    def suppress(self, email: str, cause: str, created: float, source: str = "subscriber") -> None:
        """Put an address on the project's suppression list (`created` in Unix seconds)."""
        with self.lock:
            self.suppressions.append({"email": email, "cause": cause, "source": source,
                                      "is_deletable": cause != "blocked",
                                      "created": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(created))})

    def _suppression_list(self, body: dict) -> Reply:
        limit = body.get("limit", 50)
        if not isinstance(limit, int) or not 1 <= limit <= self.max_limit:
            return _error(400, f"'limit' must be an integer from 1 to {self.max_limit}", 101)
        cursor = body.get("cursor")
        with self.lock:
            rows = sorted(self.suppressions, key=lambda r: r["created"])
            if cursor:
                # A cursor continues where its chunk ended; start_time is then ignored (as documented).
                if cursor not in self._cursors:
                    return _error(400, "Invalid cursor", 101)
                start = self._cursors[cursor]
            else:
                since = body.get("start_time") or ""
                if since:
                    try:
                        time.strptime(since, "%Y-%m-%d %H:%M:%S")
                    except (TypeError, ValueError):
                        return _error(400, "'start_time' must be in the format YYYY-MM-DD hh:mm:ss", 101)
                start = sum(1 for r in rows if r["created"] < since)
            chunk = rows[start:start + limit]
            answer: dict = {"status": "success", "suppressions": chunk}
            if start + limit < len(rows):
                token = secrets.token_urlsafe(12)
                self._cursors[token] = start + limit
                answer["cursor"] = token
        return Reply(200, answer)

    def handle(self, request: Request) -> Reply:
        if request.method != "POST":
            return _error(405, "Method not allowed", 100)
        body = request.json if isinstance(request.json, dict) else None
        if body is None:
            return _error(400, "Error parsing JSON", 101)
        key = request.headers.get("x-api-key") or body.get("api_key")
        if key != self.api_key:
            return _error(401, "User with id or api key not found or API key invalid", 102)
        if request.path == PREFIX + "/system/info.json":
            return Reply(200, {"status": "success", "user_id": 456, "email": "owner@shop.example",
                               "accounting": {"period_start": "2026-11-01 00:00:00", "emails_included": 1500}})
        if request.path == PREFIX + "/suppression/list.json":
            return self._suppression_list(body)
        if request.path != PREFIX + "/email/send.json":
            return _error(404, "Method not found", 404)
        message = body.get("message")
        if not isinstance(message, dict):
            return _error(400, "'message' is required", 101)
        for field in ("recipients", "from_email", "subject", "body"):
            if not message.get(field):
                return _error(400, f"'{field}' is required", 101)
        emails, failed = [], {}
        for recipient in message["recipients"]:
            address = recipient.get("email", "")
            reason = self.failed_emails.get(address) or (None if "@" in address else "invalid")
            if reason:
                failed[address] = reason
            else:
                emails.append(address)
        job_id = f"1{secrets.token_hex(3)}-{secrets.token_hex(3)}-{secrets.token_hex(2)}"
        with self.lock:
            for recipient in message["recipients"]:
                if recipient.get("email") in emails:
                    self.received.append({"job_id": job_id, "email": recipient["email"],
                                          "metadata": recipient.get("metadata") or {}, "message": message})
        answer: dict = {"status": "success", "job_id": job_id, "emails": emails}
        if failed:
            answer["failed_emails"] = failed
        return Reply(200, answer)

    def callback(self, letter: dict, *statuses: str, delivery_status: str = "") -> bytes:
        """A Callback API body with one status event per name, `auth` computed as the service does."""
        events = []
        for status in statuses:
            data = {"job_id": letter["job_id"], "metadata": letter["metadata"], "email": letter["email"],
                    "status": status, "event_time": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())}
            if delivery_status:
                data["delivery_info"] = {"delivery_status": delivery_status, "destination_response": "550 No such user"}
            events.append({"event_name": "transactional_email_status", "event_data": data})
        body = {"auth": self.api_key, "events_by_user": [{"user_id": 456, "project_id": "6432890213745872",
                                                           "project_name": "Shop", "events": events}]}
        auth = hashlib.md5(json.dumps(body, separators=(",", ":")).encode()).hexdigest()  # noqa: S324
        body["auth"] = auth
        return json.dumps(body, separators=(",", ":")).encode()
