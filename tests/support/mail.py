"""A real SMTP server on loopback (aiosmtpd) that keeps the messages it receives, for the
safeguarding alerts' tests; it can be stopped and started again on the same port, and can speak
TLS (STARTTLS or TLS from the start) with a throwaway certificate and ask for a password."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 and its key, written to `folder`: (cert, key).
    Trusted only by a client told to (`SSL_CERT_FILE=cert`), as a municipality's own CA is."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "relay.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "relay.pem", folder / "relay.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class Mailbox:
    """What the server received, as parsed messages, and who signed in to send it."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.logins: list[tuple[str, bool]] = []  # (user, whether over TLS)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 OK"


class LoopbackSmtp:
    """`with LoopbackSmtp() as smtp:` a server at `smtp.url`; `stop()` and `start()` again.

    With `tls=(cert, key)` it speaks TLS: offers STARTTLS (and insists on it before mail), or
    with `implicit=True` speaks TLS from the first byte (`smtps://`). With `login=(user,
    password)` it takes mail only from that user, and only over TLS."""

    def __init__(
        self,
        *,
        tls: tuple[Path, Path] | None = None,
        implicit: bool = False,
        login: tuple[str, str] | None = None,
    ) -> None:
        self.port = free_port()
        self.mailbox = Mailbox()
        credentials = f"{login[0]}:{login[1]}@" if login else ""
        scheme = "smtps" if implicit else "smtp"
        self.url = f"{scheme}://{credentials}127.0.0.1:{self.port}"
        self._controller: Controller | None = None
        self._options: dict = {}
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*tls)
            if implicit:
                self._options["ssl_context"] = context
            else:
                self._options |= {"tls_context": context, "require_starttls": True}
        if login:
            # aiosmtpd counts only STARTTLS as TLS: from the first byte the socket is TLS
            # anyway, and its logins say so
            self._options |= {
                "authenticator": self._authenticator(*login),
                "auth_required": not implicit,
                "auth_require_tls": not implicit,
            }

    def _authenticator(self, user: str, password: str):
        def check(server, session, envelope, mechanism, auth_data) -> AuthResult:
            given = auth_data if isinstance(auth_data, LoginPassword) else None
            ok = given is not None and (given.login, given.password) == (
                user.encode(),
                password.encode(),
            )
            if given is not None:
                over_tls = server.transport.get_extra_info("ssl_object") is not None
                self.mailbox.logins.append((given.login.decode(), over_tls))
            return AuthResult(success=ok, handled=False)  # aiosmtpd answers 535 if not ok

        return check

    def start(self) -> None:
        self._controller = Controller(
            self.mailbox, hostname="127.0.0.1", port=self.port, **self._options
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> LoopbackSmtp:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def messages(self) -> list[Message]:
        return self.mailbox.messages
