"""An SMTP server for tests (aiosmtpd in a thread): records letters, scripted 4xx/5xx replies.

    with SmtpSink() as sink:                      # plain SMTP on a free 127.0.0.1 port
    with SmtpSink(starttls=True) as sink:         # STARTTLS with a throwaway self-signed cert
    with SmtpSink(implicit_tls=True) as sink:     # TLS from the first byte (port 465 style)
    with SmtpSink(users={"shop": "pw"}) as sink:  # AUTH LOGIN/PLAIN required

    sink.rcpt_replies["gone@example.org"] = "550 5.1.1 User unknown"
    sink.data_replies.append("451 4.3.0 Try later")   # next DATA gets this answer
    sink.drop_after_data = 1                          # next letter: read DATA, close without reply
    sink.messages  -> list of (mail_from, rcpt_tos, raw bytes); sink.sessions -> connections seen;
    sink.mail_options -> the MAIL FROM parameters (BODY=8BITMIME, SMTPUTF8) of each message
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import tempfile
import threading
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

__all__ = ["SmtpSink", "free_port", "self_signed_context"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed_context() -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1)).sign(key, hashes.SHA256()))
    folder = Path(tempfile.mkdtemp(prefix="kaskad-tls-"))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list) -> str:
        reply = self.sink.rcpt_replies.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.sink.lock:
            self.sink.sessions.add(id(session))
            if self.sink.drop_after_data:
                self.sink.drop_after_data -= 1
                self.sink.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
                server.transport.close()
                return "250 dropped"  # never reaches the client: the connection is gone
            if self.sink.data_replies:
                return self.sink.data_replies.pop(0)
            self.sink.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
            self.sink.mail_options.append(list(envelope.mail_options))
        return "250 2.0.0 Message accepted"


class SmtpSink:
    """aiosmtpd on 127.0.0.1 in a background thread."""

    def __init__(self, *, starttls: bool = False, implicit_tls: bool = False,
                 users: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.sessions: set[int] = set()
        self.mail_options: list[list[str]] = []  # MAIL FROM parameters of each stored message
        self.rcpt_replies: dict[str, str] = {}
        self.data_replies: list[str] = []
        self.drop_after_data = 0
        self.lock = threading.Lock()
        kwargs: dict[str, Any] = {}
        if starttls:
            kwargs.update(tls_context=self_signed_context(), require_starttls=True)
        if implicit_tls:  # SMTPS (port 465 style): TLS from the first byte
            kwargs.update(ssl_context=self_signed_context())
        if users:
            def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
                ok = isinstance(data, LoginPassword) and users.get(data.login.decode()) == data.password.decode()
                return AuthResult(success=ok, handled=False)
            # AUTH only after STARTTLS when TLS is on; PLAIN only (aiosmtplib tries it first).
            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=starttls,
                          auth_exclude_mechanism=["LOGIN"])
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
