"""Hand-built MIME parses back identically with the standard library's strict policy."""

from __future__ import annotations

import email
import email.policy

import pytest

from app.mail.mime import build_mime, encode_address, make_message_id
from app.templates.render import render_message
from tests.app.templates.sample_docs import IVAN, designer

UNSUB = "https://shop.example.ru/u/" + "4f9c2b0e8d1a" * 8


def _parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def test_personalised_letter_round_trip() -> None:
    letter = render_message(designer(), IVAN, unsubscribe_url=UNSUB)
    message_id = make_message_id("shop.example.ru")
    raw = build_mime(
        from_addr="Магазин «Ромашка» <news@shop.example.ru>", to_addr="Иван Петров <ivan@example.ru>",
        subject=letter.subject, html=letter.html, text=letter.text, message_id=message_id,
        reply_to="Отдел заботы <care@shop.example.ru>",
        headers={"List-Unsubscribe": f"<{UNSUB}>, <mailto:unsub@shop.example.ru?subject=tok>",
                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Kaskad-Message": "42"},
    )
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 998 for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    raw.decode("ascii")  # 7-bit clean
    msg = _parse(raw)
    assert msg["Subject"] == "Иван, скидки недели"
    assert str(msg["From"]) == "Магазин «Ромашка» <news@shop.example.ru>"
    assert msg["From"].addresses[0].display_name == "Магазин «Ромашка»"
    assert msg["To"].addresses[0].username == "ivan"
    assert msg["Reply-To"].addresses[0].display_name == "Отдел заботы"
    assert msg["Message-ID"] == message_id and msg["Date"].datetime is not None
    assert msg["X-Kaskad-Message"] == "42"
    assert msg.get_content_type() == "multipart/alternative"
    assert msg.get_body(("plain",)).get_content() == letter.text
    assert msg.get_body(("html",)).get_content() == letter.html
    # RFC 8058: one line each, exactly as given.
    unsub_lines = [line for line in lines if line.startswith(b"List-Unsubscribe")]
    assert unsub_lines == [f"List-Unsubscribe: <{UNSUB}>, <mailto:unsub@shop.example.ru?subject=tok>".encode(),
                           b"List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
    assert msg.defects == [] and all(part.defects == [] for part in msg.walk())


@pytest.mark.parametrize(
    "subject",
    ["Hello", "Здравствуйте! " * 20, "Скидка 50% — только сегодня 😀", "x" * 200, "Смешанный mixed текст ё"],
)
def test_subjects_of_any_length_and_script(subject: str) -> None:
    raw = build_mime(from_addr="shop@example.ru", to_addr="a@example.ru", subject=subject, html="", text="т",
                     message_id="<1@example.ru>")
    msg = _parse(raw)
    assert msg["Subject"] == " ".join(subject.split())
    assert msg.get_content_type() == "text/plain" and msg.get_content() == "т"
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


def test_header_injection_is_neutralised() -> None:
    raw = build_mime(from_addr="Shop <s@example.ru>", to_addr="a@example.ru\r\nBcc: evil@example.com",
                     subject="Hi\r\nBcc: evil@example.com", html="<p>x</p>", text="x", message_id="m@example.ru")
    msg = _parse(raw)
    assert msg["Bcc"] is None and msg["Message-ID"] == "<m@example.ru>"


def test_structural_headers_cannot_be_overridden() -> None:
    raw = build_mime(from_addr="s@example.ru", to_addr="a@example.ru", subject="s", html="<p>x</p>", text="x",
                     message_id="<m@example.ru>", headers={"Content-Type": "text/evil", "Subject": "other"})
    msg = _parse(raw)
    assert msg.get_content_type() == "multipart/alternative" and msg["Subject"] == "s"


def test_address_quoting() -> None:
    assert encode_address("Shop, Inc <s@example.ru>") == '"Shop, Inc" <s@example.ru>'
    assert encode_address("s@example.ru") == "s@example.ru"
    assert encode_address("Магазин <s@example.ru>").startswith("=?utf-8?b?")
