"""SMTP adapter against a real aiosmtpd server: headers, reuse, STARTTLS, AUTH, scripted replies."""

from __future__ import annotations

import asyncio
import email
import email.policy

from app.providers.base import Outcome, ProviderConfig, SendRequest
from app.providers.email.smtp import Smtp
from tests.fakes.smtp_sink import SmtpSink, free_port

UNSUB = {"List-Unsubscribe": "<https://unsub.example.com/u/7.email.abc>, <mailto:unsub@shop.ru?subject=u-7>",
         "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def smtp(port: int, **options: object) -> Smtp:
    opts = {"host": "127.0.0.1", "port": port, "security": "none", "from": "Магазин <news@shop.ru>", **options}
    secrets = {"password": str(options.pop("password"))} if "password" in options else {}
    opts.pop("password", None)
    return Smtp(ProviderConfig("mail", "smtp", options=opts, secrets=secrets))


def letter(i: int, to: str | None = None) -> SendRequest:
    return SendRequest(outbox_id=i, message_id=f"{i:032x}", channel="email", to=to or f"c{i}@example.org",
                       payload={"subject": "Скидки недели", "text": "Привет!", "html": "<p>Привет!</p>",
                                "headers": UNSUB}, contact_id=i)


def send_all(provider: Smtp, requests: list[SendRequest]) -> list:
    async def run() -> list:
        try:
            return [r for req in requests for r in await provider.send([req])]
        finally:
            await provider.aclose()
    return asyncio.run(run())


def test_letters_carry_our_message_id_and_rfc8058_headers_over_one_connection() -> None:
    with SmtpSink() as sink:
        results = send_all(smtp(sink.port, connections=1), [letter(1), letter(2), letter(3)])
    assert [r.outcome for r in results] == [Outcome.ACCEPTED] * 3
    assert len(sink.sessions) == 1  # the connection was reused
    mail_from, rcpts, raw = sink.messages[0]
    assert mail_from == "news@shop.ru" and rcpts == ["c1@example.org"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Message-ID"] == f"<{1:032x}@shop.ru>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "https://unsub.example.com/u/7.email.abc" in msg["List-Unsubscribe"]
    assert str(msg["Subject"]) == "Скидки недели"
    assert msg.get_content_type() == "multipart/alternative"
    assert {p.get_content_type() for p in msg.iter_parts()} == {"text/plain", "text/html"}


def test_scripted_refusals_are_classified_per_recipient() -> None:
    with SmtpSink() as sink:
        sink.rcpt_replies["gone@example.org"] = "550 5.1.1 User unknown"
        sink.rcpt_replies["full@example.org"] = "452 4.2.2 Mailbox full"
        sink.data_replies.append("554 5.7.26 Unauthenticated email is not accepted")
        results = send_all(smtp(sink.port), [letter(1, "gone@example.org"), letter(2, "full@example.org"),
                                             letter(3), letter(4)])
    gone, full, dmarc, ok = results
    assert gone.outcome is Outcome.PERMANENT and gone.suppress and gone.code == "550"
    assert full.outcome is Outcome.TRANSIENT and full.reached
    assert dmarc.outcome is Outcome.ACCOUNT  # the whole sender is refused: pause, don't burn the list
    assert ok.outcome is Outcome.ACCEPTED
    assert len(sink.messages) == 1


def test_a_drop_during_data_is_unknown_and_the_next_letter_reconnects() -> None:
    with SmtpSink() as sink:
        sink.drop_after_data = 1
        first, second = send_all(smtp(sink.port, connections=1, timeout=3), [letter(1), letter(2)])
    assert first.outcome is Outcome.UNKNOWN  # RFC 1047 window: it may have been delivered
    assert second.outcome is Outcome.ACCEPTED
    assert len(sink.messages) == 2


def test_nothing_listening_is_certainly_unsent() -> None:
    (result,) = send_all(smtp(free_port()), [letter(1)])
    assert result.outcome is Outcome.TRANSIENT and result.reached is False


def test_starttls_and_login() -> None:
    with SmtpSink(starttls=True, users={"shop": "pw"}) as sink:
        ok = send_all(smtp(sink.port, security="starttls", validate_certs="false", username="shop", password="pw"),
                      [letter(1)])
        bad = send_all(smtp(sink.port, security="starttls", validate_certs="false", username="shop",
                            password="nope", timeout=5), [letter(2)])
    assert ok[0].outcome is Outcome.ACCEPTED
    assert bad[0].outcome is Outcome.ACCOUNT
    assert len(sink.messages) == 1


def test_implicit_tls() -> None:
    with SmtpSink(implicit_tls=True) as sink:
        (result,) = send_all(smtp(sink.port, security="ssl", validate_certs="false"), [letter(1)])
    assert result.outcome is Outcome.ACCEPTED and len(sink.messages) == 1


def parsed(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def body(msg: email.message.EmailMessage, kind: str) -> str:
    part = msg.get_body((kind,))
    assert part is not None
    return part.get_content()


def lines(text: str) -> list[str]:
    """The lines of a body: SMTP carries text with CRLF line ends, whatever the user typed."""
    return text.splitlines()


def test_lines_starting_with_a_dot_arrive_intact() -> None:
    text = "Итоги:\n.\n..две точки\n.точка в начале\n."
    html = "<p>a</p>\r\n.\r\n<p>b</p>\r\n..\r\n.<br>"
    request = SendRequest(outbox_id=1, message_id="d" * 32, channel="email", to="c1@example.org",
                          payload={"subject": "Точки", "text": text, "html": html, "headers": UNSUB}, contact_id=1)
    with SmtpSink() as sink:
        (result,) = send_all(smtp(sink.port), [request])
    assert result.outcome is Outcome.ACCEPTED
    msg = parsed(sink.messages[0][2])
    assert lines(body(msg, "plain")) == lines(text) and lines(body(msg, "html")) == lines(html)


def test_bare_lf_and_cr_in_user_html_travel_as_crlf_lines() -> None:
    html = "<p>one</p>\n<p>two</p>\r<p>three</p>\r\n<p>four</p>\n\n"
    request = SendRequest(outbox_id=1, message_id="e" * 32, channel="email", to="c1@example.org",
                          payload={"subject": "Строки", "text": "one\ntwo\rthree", "html": html,
                                   "headers": UNSUB}, contact_id=1)
    with SmtpSink() as sink:
        (result,) = send_all(smtp(sink.port), [request])
    assert result.outcome is Outcome.ACCEPTED
    raw = sink.messages[0][2]
    # What the server stored has CRLF line ends only and short lines (no bare CR or LF reached it)...
    assert raw.count(b"\n") == raw.count(b"\r\n") == raw.count(b"\r")
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    # ...and the parts read back with the lines the user wrote.
    msg = parsed(raw)
    assert lines(body(msg, "html")) == lines(html) and lines(body(msg, "plain")) == ["one", "two", "three"]


def test_a_long_cyrillic_subject_is_folded_and_reads_back_whole() -> None:
    subject = "Большая распродажа зимней коллекции: скидки до 70% на пуховики, шапки и варежки 😀 " * 4
    request = SendRequest(outbox_id=1, message_id="f" * 32, channel="email", to="c1@example.org",
                          payload={"subject": subject, "text": "т", "html": "<p>т</p>", "headers": UNSUB},
                          contact_id=1)
    with SmtpSink() as sink:
        (result,) = send_all(smtp(sink.port), [request])
    assert result.outcome is Outcome.ACCEPTED
    raw = sink.messages[0][2]
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    subject_lines = head[[i for i, line in enumerate(head) if line.startswith(b"Subject:")][0]:]
    assert len(subject_lines) > 5 and all(len(line) <= 76 for line in subject_lines if line.startswith(b" "))
    assert str(parsed(raw)["Subject"]) == " ".join(subject.split())


def test_a_one_megabyte_letter() -> None:
    html = "".join(f"<p>Строка {i}: большое письмо с картинками в тексте.</p>\n" for i in range(16_000))
    assert len(html.encode()) > 1_000_000
    request = SendRequest(outbox_id=1, message_id="a" * 32, channel="email", to="c1@example.org",
                          payload={"subject": "Большое письмо", "text": "см. HTML", "html": html, "headers": UNSUB},
                          contact_id=1)
    with SmtpSink() as sink:
        results = send_all(smtp(sink.port, connections=1, timeout=20), [request, letter(2)])
    assert [r.outcome for r in results] == [Outcome.ACCEPTED] * 2  # the connection stays usable after it
    assert len(sink.messages) == 2
    assert lines(body(parsed(sink.messages[0][2]), "html")) == lines(html)


def test_an_8bitmime_server_gets_utf8_bodies_and_long_html_lines_cut_between_words() -> None:
    paragraph = "<p style=\"color: #333\">" + "Неделя скидок: до 30% на весь ассортимент. " * 60 + "</p>"
    request = SendRequest(outbox_id=1, message_id="b" * 32, channel="email", to="c1@example.org",
                          payload={"subject": "Скидки", "text": "Неделя скидок.\n.Точка", "html": paragraph,
                                   "headers": UNSUB}, contact_id=1)
    with SmtpSink() as sink:
        (result,) = send_all(smtp(sink.port), [request])
    assert result.outcome is Outcome.ACCEPTED
    assert "BODY=8BITMIME" in sink.mail_options[0]
    raw = sink.messages[0][2]
    assert "Неделя скидок".encode() in raw  # UTF-8 text, not base64
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    msg = parsed(raw)
    assert {p["Content-Transfer-Encoding"] for p in msg.iter_parts()} == {"8bit"}
    # The long line was cut at spaces between words, never inside the tag: the page reads the same.
    html = body(msg, "html")
    assert html.count("\n") >= 3 and '<p style="color: #333">' in html
    assert " ".join(html.split()) == " ".join(paragraph.split())
    assert lines(body(msg, "plain")) == ["Неделя скидок.", ".Точка"]


def test_html_with_pre_and_a_line_too_long_to_cut_go_base64() -> None:
    pre = "<pre>" + "моноширинный текст " * 80 + "</pre>"
    unbroken = "<p>" + "ссылка" * 300 + "</p>"
    with SmtpSink() as sink:
        results = send_all(smtp(sink.port), [
            SendRequest(outbox_id=i, message_id=f"{i:032x}", channel="email", to="c1@example.org",
                        payload={"subject": "s", "text": "t", "html": html, "headers": UNSUB}, contact_id=1)
            for i, html in ((1, pre), (2, unbroken))])
    assert [r.outcome for r in results] == [Outcome.ACCEPTED] * 2
    for (_from, _to, raw), html in zip(sink.messages, (pre, unbroken), strict=True):
        part = parsed(raw).get_body(("html",))
        assert part["Content-Transfer-Encoding"] == "base64" and part.get_content() == html


def unflow(text: str) -> list[str]:
    """RFC 3676 (DelSp=no) as a reader applies it: a line ending in a space continues on the next."""
    joined, pending = [], ""
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line[1:] if line.startswith(" ") else line  # space-stuffing
        pending += line
        if not line.endswith(" "):
            joined.append(pending)
            pending = ""
    return joined


def test_a_plain_text_paragraph_longer_than_a_line_goes_format_flowed() -> None:
    text = "Здравствуйте!\n" + "Неделя скидок: до 30% на весь ассортимент. " * 60 + "\n>цитата\nFrom магазина\n.точка"
    request = SendRequest(outbox_id=1, message_id="c" * 32, channel="email", to="c1@example.org",
                          payload={"subject": "Скидки", "text": text, "html": "<p>Скидки</p>", "headers": UNSUB},
                          contact_id=1)
    with SmtpSink() as sink:
        (result,) = send_all(smtp(sink.port), [request])
    assert result.outcome is Outcome.ACCEPTED
    raw = sink.messages[0][2]
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    part = parsed(raw).get_body(("plain",))
    assert part["Content-Transfer-Encoding"] == "8bit" and part.get_param("format") == "flowed"
    assert unflow(part.get_content()) == [line.rstrip() for line in text.split("\n")]
