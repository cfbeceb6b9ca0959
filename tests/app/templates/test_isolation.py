"""The render worker process: results come back, faults keep their position, endless loops are cut off."""

from __future__ import annotations

import time

import pytest

from app.errors import TemplateError
from app.templates.isolation import RenderWorker
from tests.app.templates.sample_docs import IVAN, designer


def test_worker_renders_reports_faults_and_survives_a_hang() -> None:
    sms = {"schema_version": 1, "type": "sms", "sender": "", "text": "Привет, {{ first_name }}!"}
    endless = dict(sms, text="{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    with RenderWorker() as worker:
        email = worker.run("render_message", designer(), IVAN, unsubscribe_url="https://u", timeout=30)
        assert "Здравствуйте, Иван!" in email.html
        assert worker.run("render_sms", sms, IVAN, timeout=10).text == "Привет, Иван!"
        with pytest.raises(TemplateError) as info:
            worker.run("render_sms", dict(sms, text="a\n{{ nope }}"), IVAN, timeout=10)
        assert (info.value.line, info.value.column) == (2, 1)
        started = time.monotonic()
        with pytest.raises(TemplateError, match="longer than 1 s"):
            worker.run("render_sms", endless, IVAN, timeout=1)
        assert time.monotonic() - started < 5
        # A fresh child takes over.
        assert worker.run("render_sms", sms, IVAN, timeout=30).text == "Привет, Иван!"
        with pytest.raises(ValueError):
            worker.run("os.system", "true")
