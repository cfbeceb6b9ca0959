"""Outcome → outbox state: retries with backoff, failover, unknown, suppression, pauses."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from app.engine.limits import Backoff, Breaker
from app.outbox.store import Claimed, Finish, OutboxStore
from app.providers.base import Outcome, Provider, SendResult

__all__ = ["Decider"]


class Decider:
    """Turns adapter results into `Finish` records and breaker updates (one place for the rules).

    * ACCEPTED → sent. PERMANENT → failed (+ suppression when the provider says so).
    * TRANSIENT → queued again after full-jitter backoff (≥ Retry-After), failed after
      `max_attempts`; certainly-unsent messages fail over when the campaign names a
      fallback provider.
    * ACCOUNT → the message is requeued (it was refused, not sent), the breaker opens and
      the engine pauses the campaigns of that provider with a plain-language reason.
    * UNKNOWN / DUPLICATE → unknown (resent only by idempotent providers).
    """

    def __init__(self, store: OutboxStore, backoff: Backoff, now: Callable[[], datetime]) -> None:
        self.store = store
        self.backoff = backoff
        self.now = now

    @staticmethod
    def pause_reason(provider: str, error: str) -> str:
        return (f"Провайдер «{provider}» отказал: {error}. Проверьте настройки, баланс или имя отправителя "
                f"и возобновите рассылку. / Provider {provider!r} refused: {error}. Check the provider's "
                f"settings, balance or sender name, then resume the campaign.")

    def decide(self, name: str, provider: Provider, breaker: Breaker, chunk: Sequence[Claimed],
               results: Sequence[SendResult]) -> tuple[list[Finish], str]:
        now = self.now()
        mono = time.monotonic()
        finishes: list[Finish] = []
        account_error = ""
        accepted = transient = False
        for claim, result in zip(chunk, results, strict=True):
            base = {"outbox_id": claim.outbox_id, "attempt_no": claim.attempt_no, "outcome": result.outcome.value,
                    "error": result.error or None, "code": result.code or None}
            outcome = result.outcome
            if outcome is Outcome.ACCEPTED:
                accepted = True
                finishes.append(Finish(state="sent", provider_message_id=result.provider_message_id,
                                       cost=result.cost, segments=result.segments, **base))
            elif outcome is Outcome.PERMANENT:
                suppress = (claim.channel, claim.address) if result.suppress else None
                finishes.append(Finish(state="failed", suppress=suppress, **base))
            elif outcome in (Outcome.TRANSIENT, Outcome.ACCOUNT):
                can_fail_over = (claim.fallback_provider and claim.fallback_provider != name
                                 and (outcome is Outcome.ACCOUNT or not result.reached))
                if can_fail_over:
                    base["error"] = f"failed over from {name}: {result.error}"
                    finishes.append(Finish(state="queued", next_attempt_at=now, provider=claim.fallback_provider,
                                           **base))
                    if outcome is Outcome.ACCOUNT:
                        breaker.trip(mono, result.error)
                    continue
                if outcome is Outcome.ACCOUNT:
                    breaker.trip(mono, result.error)
                    account_error = result.error
                    finishes.append(Finish(state="queued", next_attempt_at=now, **base))
                    continue
                transient = True
                finishes.append(self._retry(claim, result, now, base))
            elif outcome is Outcome.UNKNOWN and provider.idempotent:
                finishes.append(self._retry(claim, result, now, base))
            else:  # UNKNOWN, DUPLICATE: may have been delivered; never resent blindly (R3)
                finishes.append(Finish(state="unknown", **base))
        # The breaker counts requests, not recipients: one 429 for a batch of 100 is one failure.
        # An answer (even a refusal of one recipient) proves the provider works; timeouts do not.
        if accepted or any(r.outcome is Outcome.PERMANENT for r in results):
            breaker.success()
        elif (transient or any(r.outcome is Outcome.UNKNOWN for r in results)) and not account_error:
            breaker.failure(mono, next(r.error for r in results if r.outcome in (Outcome.TRANSIENT, Outcome.UNKNOWN)))
        return finishes, account_error

    def _retry(self, claim: Claimed, result: SendResult, now: datetime, base: dict) -> Finish:
        if claim.attempt_no >= self.backoff.max_attempts:
            base["error"] = f"gave up after {claim.attempt_no} attempts: {result.error}"
            return Finish(state="failed", **base)
        delay = self.backoff.delay(claim.channel, claim.attempt_no, result.retry_after)
        return Finish(state="queued", next_attempt_at=now + timedelta(seconds=delay), **base)
