"""The shipped deploy/ files: every setting in the example environment, the nginx site valid
once rendered, the gunicorn settings the issue asks for, static addresses with a content hash."""
from __future__ import annotations

import hashlib
import runpy
import shutil
import subprocess
import sys

import pytest
from flask import url_for

from portal.config import DEFAULTS
from tests.conftest import require_or_skip
from tests.deploy.conftest import ROOT

DEPLOY = ROOT / "deploy"


def test_the_example_environment_names_every_setting():
    text = (DEPLOY / "portal.env.example").read_text()
    missing = [key for key in DEFAULTS if f"PORTAL_{key}=" not in text]
    assert missing == []


def render(*values: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(DEPLOY / "render.py"), str(DEPLOY / "nginx/portal.conf"),
                           str(DEPLOY / "portal.env.example"), *values], capture_output=True, text=True)


def test_render_refuses_to_leave_a_placeholder_empty(tmp_path):
    empty = tmp_path / "empty.env"
    empty.write_text("")
    res = subprocess.run([sys.executable, str(DEPLOY / "render.py"), str(DEPLOY / "nginx/portal.conf"),
                          str(empty)], capture_output=True, text=True)
    assert res.returncode != 0 and "server_name" in res.stderr


def test_the_rendered_nginx_site_is_valid(tmp_path):
    require_or_skip(shutil.which("nginx") is not None, "nginx is needed (apt-get install nginx)")
    from tests.deploy.cluster import self_signed

    cert, key = self_signed(tmp_path)
    site = render(f"tls_certificate={cert}", f"tls_certificate_key={key}", f"log_dir={tmp_path}",
                  "http_port=127.0.0.1:18080", "https_port=127.0.0.1:18443")
    assert site.returncode == 0, site.stderr
    assert "{{" not in site.stdout
    (tmp_path / "site.conf").write_text(site.stdout)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path / 'site.conf'}; }}\n")
    res = subprocess.run(["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_gunicorn_settings():
    conf = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert conf["worker_class"] == "sync" and conf["workers"] >= 1
    assert conf["control_socket_disable"] is True  # two instances on one host
    assert conf["graceful_timeout"] > 0 and conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0
    fmt = conf["access_log_format"]
    assert "%(q)s" not in fmt and "%(r)s" not in fmt and "%(f)s" not in fmt and "%(h)s" not in fmt


@pytest.mark.parametrize("filename", ["css/portal.css", "css/staff.css"])
def test_static_addresses_carry_a_hash_of_the_file(app, filename):
    digest = hashlib.sha256((ROOT / "portal/static" / filename).read_bytes()).hexdigest()[:12]
    with app.test_request_context():
        assert url_for("static", filename=filename) == f"/static/{filename}?v={digest}"
