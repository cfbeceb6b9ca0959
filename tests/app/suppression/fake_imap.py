"""A small real IMAP4rev1 server on 127.0.0.1 for the mailbox tests (the subset imaplib uses).

Commands: CAPABILITY, LOGIN, SELECT, SEARCH UNSEEN/ALL, FETCH n (BODY.PEEK[HEADER]) (flags
untouched), FETCH n (RFC822) (sets \\Seen, as RFC 3501 says), STORE n +FLAGS/-FLAGS (...),
NOOP, LOGOUT. Anything else answers BAD.
"""

from __future__ import annotations

import re
import socketserver
import threading
from dataclasses import dataclass, field

__all__ = ["FakeImap", "Letter"]


@dataclass
class Letter:
    """One message in the fake mailbox."""

    raw: bytes
    flags: set[str] = field(default_factory=set)


_ARGS = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')


def _args(text: str) -> list[str]:
    return [q.replace('\\"', '"').replace("\\\\", "\\") if q or u == "" else u for q, u in _ARGS.findall(text)]


class FakeImap:
    """`with FakeImap(user, password) as imap:`; `imap.letters` is the INBOX, `imap.commands` the log."""

    def __init__(self, user: str = "unsubscribe@shop.example", password: str = "pa ss\"word") -> None:
        self.user, self.password = user, password
        self.letters: list[Letter] = []
        self.commands: list[str] = []
        self.lock = threading.Lock()
        fake = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                fake._session(self)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def add(self, raw: bytes, *flags: str) -> None:
        with self.lock:
            self.letters.append(Letter(raw, set(flags)))

    def __enter__(self) -> FakeImap:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    # -- protocol ---------------------------------------------------------------------------
    def _session(self, handler: socketserver.StreamRequestHandler) -> None:
        out = handler.wfile

        def send(line: str | bytes) -> None:
            out.write((line.encode() if isinstance(line, str) else line) + b"\r\n")
            out.flush()

        send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake IMAP ready")
        authed = selected = False
        while True:
            raw = handler.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            tag, _, rest = line.partition(" ")
            command, _, arguments = rest.partition(" ")
            command = command.upper()
            with self.lock:
                self.commands.append(command if command != "LOGIN" else "LOGIN")
            if command == "CAPABILITY":
                send("* CAPABILITY IMAP4rev1 AUTH=PLAIN")
                send(f"{tag} OK CAPABILITY completed")
            elif command == "NOOP":
                send(f"{tag} OK NOOP completed")
            elif command == "LOGOUT":
                send("* BYE logging out")
                send(f"{tag} OK LOGOUT completed")
                return
            elif command == "LOGIN":
                user, password = (_args(arguments) + ["", ""])[:2]
                authed = (user, password) == (self.user, self.password)
                send(f"{tag} OK LOGIN completed" if authed else f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials")
            elif not authed:
                send(f"{tag} BAD not authenticated")
            elif command == "SELECT":
                folder = (_args(arguments) or [""])[0]
                if folder.upper() != "INBOX":
                    send(f"{tag} NO [NONEXISTENT] no such mailbox")
                    continue
                selected = True
                with self.lock:
                    count = len(self.letters)
                send("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
                send(f"* {count} EXISTS")
                send("* 0 RECENT")
                send("* OK [UIDVALIDITY 1] UIDs valid")
                send(f"{tag} OK [READ-WRITE] SELECT completed")
            elif not selected:
                send(f"{tag} BAD no mailbox selected")
            elif command == "SEARCH":
                key = arguments.upper().split()[-1] if arguments else "ALL"
                with self.lock:
                    hits = [str(i + 1) for i, letter in enumerate(self.letters)
                            if key == "ALL" or (key == "UNSEEN" and "\\Seen" not in letter.flags)]
                send("* SEARCH" + ("" if not hits else " " + " ".join(hits)))
                send(f"{tag} OK SEARCH completed")
            elif command == "FETCH":
                number, _, what = arguments.partition(" ")
                letter = self._letter(number)
                if letter is not None and "BODY.PEEK[HEADER]" in what.upper():
                    head = letter.raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0] + b"\r\n\r\n"
                    send(f"* {number} FETCH (BODY[HEADER] {{{len(head)}}}".encode() + b"\r\n" + head + b")")
                    send(f"{tag} OK FETCH completed")
                    continue
                if letter is None or "RFC822" not in what.upper():
                    send(f"{tag} BAD FETCH arguments")
                    continue
                with self.lock:
                    letter.flags.add("\\Seen")
                    flags = " ".join(sorted(letter.flags))
                send(f"* {number} FETCH (FLAGS ({flags}) RFC822 {{{len(letter.raw)}}}".encode() + b"\r\n"
                     + letter.raw + b")")
                send(f"{tag} OK FETCH completed")
            elif command == "STORE":
                number, _, change = arguments.partition(" ")
                letter = self._letter(number)
                mode, _, values = change.partition(" ")
                if letter is None or mode.upper() not in ("+FLAGS", "-FLAGS", "FLAGS"):
                    send(f"{tag} BAD STORE arguments")
                    continue
                wanted = set(values.strip("()").split())
                with self.lock:
                    if mode.upper() == "+FLAGS":
                        letter.flags |= wanted
                    elif mode.upper() == "-FLAGS":
                        letter.flags -= wanted
                    else:
                        letter.flags = wanted
                    flags = " ".join(sorted(letter.flags))
                send(f"* {number} FETCH (FLAGS ({flags}))")
                send(f"{tag} OK STORE completed")
            else:
                send(f"{tag} BAD unknown command {command}")

    def _letter(self, number: str) -> Letter | None:
        with self.lock:
            if number.isdigit() and 1 <= int(number) <= len(self.letters):
                return self.letters[int(number) - 1]
        return None
