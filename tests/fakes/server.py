"""Running a local fake server: an aiohttp app on a free 127.0.0.1 port (optionally HTTPS with a self-signed
certificate, as LND serves), inside the test's event loop."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import tempfile
from pathlib import Path

from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.peers.ports import free_port

__all__ = ["LocalServer", "self_signed_cert"]


def self_signed_cert() -> tuple[str, str]:
    """(certificate PEM, private key PEM) for 127.0.0.1, like LND's tls.cert."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return cert_pem, key_pem


class LocalServer:
    """``async with LocalServer(app) as server: server.url``."""

    def __init__(self, app: web.Application, *, tls: bool = False) -> None:
        self.app = app
        self.port = free_port()
        self.cert_pem: str | None = None
        self._ssl: ssl.SSLContext | None = None
        if tls:
            self.cert_pem, key_pem = self_signed_cert()
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "c.pem").write_text(self.cert_pem)
                (Path(tmp) / "k.pem").write_text(key_pem)
                self._ssl = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                self._ssl.load_cert_chain(Path(tmp) / "c.pem", Path(tmp) / "k.pem")
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self._ssl else 'http'}://127.0.0.1:{self.port}"

    async def start(self) -> LocalServer:
        self._runner = web.AppRunner(self.app, shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port, ssl_context=self._ssl).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalServer:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
