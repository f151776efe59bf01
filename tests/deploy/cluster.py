"""The production set-up of the README on one machine, for tests/deploy/test_scaleout.py: nginx
with the SHIPPED site config (deploy/nginx/portal.conf rendered by deploy/render.py with test
ports and paths) in front of two gunicorn instances with the SHIPPED deploy/gunicorn.conf.py,
on a fresh PostgreSQL database, with Redis for the rate limits. Only 127.0.0.1."""
from __future__ import annotations

import datetime as dt
import http.cookiejar
import ipaddress
import os
import shutil
import ssl
import subprocess
import sys
import urllib.request
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import create_engine, text

from tests.deploy.conftest import ROOT, Gunicorn, free_port, get, production_env, wait_until
from tests.live_browser import LiveBrowser, _NoRedirect

FLASK = Path(sys.executable).parent / "flask"


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (and the key), so nginx speaks TLS as in production and the
    secure session cookies travel."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def fresh_database(server_url: str, name: str) -> str:
    admin = create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


class Nginx:
    def __init__(self, directory: Path, instances: list[str], cert: Path, key: Path) -> None:
        self.dir = directory
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.access_log = directory / "portal-access.log"
        values = ["server_name=127.0.0.1", f"http_port=127.0.0.1:{free_port()}",
                  f"https_port=127.0.0.1:{self.port}", f"tls_certificate={cert}",
                  f"tls_certificate_key={key}", f"static_root={ROOT / 'portal/static'}",
                  f"log_dir={directory}", "trusted_balancers=127.0.0.1",
                  f"instance_1={instances[0]}", f"instance_2={instances[1]}"]
        site = subprocess.run([sys.executable, str(ROOT / "deploy/render.py"),
                               str(ROOT / "deploy/nginx/portal.conf"), *values],
                              check=True, capture_output=True, text=True).stdout
        (directory / "site.conf").write_text(site)
        temp = "\n".join(f"  {kind}_temp_path {directory / kind};" for kind in
                         ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        # The main file stands for Debian's /etc/nginx/nginx.conf; the site is the shipped one.
        (directory / "nginx.conf").write_text(
            f"user root;\nworker_processes 2;\npid {directory / 'nginx.pid'};\n"
            f"error_log {directory / 'error.log'} warn;\nevents {{ worker_connections 1024; }}\n"
            f"http {{\n  include /etc/nginx/mime.types;\n{temp}\n  include {directory / 'site.conf'};\n}}\n")
        self.proc = subprocess.Popen(["nginx", "-c", str(directory / "nginx.conf"), "-p", str(directory),
                                      "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True)
        wait_until(self._answers, 30, "nginx")

    def _answers(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError("nginx exited: " + self.proc.stderr.read().decode()[-2000:])
        return get(self.url + "/healthz", timeout=10, context=context(self.dir / "cert.pem"))[0] == 200

    def upstreams(self, path: str) -> list[str]:
        """Which instance answered each logged request for `path`, in order."""
        lines = self.access_log.read_text().splitlines()
        return [line.rsplit(" ", 1)[-1] for line in lines if f' {path}"' in line]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.proc.stderr.close()


def context(cert: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cert))


class Browser(LiveBrowser):
    """A browser of a client at `address`: the test stands for the load balancer in front of
    nginx (a trusted balancer there), so the address travels in X-Forwarded-For."""

    def __init__(self, base_url: str, ssl_context: ssl.SSLContext, address: str):
        self.base = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=ssl_context),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
        self.opener.addheaders = [("X-Forwarded-For", address), ("User-Agent", "scale-out test"),
                                  # as a browser on https: Flask-WTF checks it is our own page
                                  ("Referer", base_url + "/")]


class Cluster:
    def __init__(self, directory: Path, pg_server: str, redis_url: str, smtp_port: int) -> None:
        self.dir = directory
        self.database_url = fresh_database(pg_server, f"scaleout_{os.getpid()}")
        self.env = production_env(self.database_url, RATELIMIT_STORAGE_URI=redis_url,
                                  PORTAL_TRUSTED_PROXIES="1", PORTAL_MAIL_PORT=str(smtp_port),
                                  FLASK_APP="wsgi")
        subprocess.run([str(FLASK), "portal", "migrate"], cwd=ROOT, env=self.env, check=True,
                       capture_output=True, timeout=300)
        self.cert, self.key = self_signed(directory)
        self.instances = [self.start_instance(i) for i in (1, 2)]
        self.nginx = Nginx(directory, [f"127.0.0.1:{g.port}" for g in self.instances],
                           self.cert, self.key)
        self.ssl = context(self.cert)

    def start_instance(self, number: int, port: int | None = None) -> Gunicorn:
        return Gunicorn(self.env, workers=2, log=self.dir / f"instance{number}.log", port=port)

    def browser(self, address: str) -> Browser:
        return Browser(self.nginx.url, self.ssl, address)

    def tick(self) -> subprocess.Popen:
        return subprocess.Popen([str(FLASK), "portal", "tick"], cwd=ROOT, env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def stop(self) -> None:
        self.nginx.stop()
        for instance in self.instances:
            instance.stop()

    def drop_database(self, pg_server: str) -> None:
        admin = create_engine(pg_server.replace("postgresql://", "postgresql+psycopg://"),
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.database_url.rsplit("/", 1)[1]}" WITH (FORCE)'))
        admin.dispose()


def have(tool: str) -> bool:
    return shutil.which(tool) is not None
