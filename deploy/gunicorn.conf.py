"""gunicorn settings of one portal instance: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

Used as shipped by the systemd unit (deploy/systemd/portal@.service), the scale-out test
(tests/deploy/test_scaleout.py) and bench/landing.py. Per instance, set in the environment:
  PORTAL_BIND     address to listen on (default 127.0.0.1:8000; one port per instance)
  PORTAL_WORKERS  worker processes (default: 2 per CPU + 1, at most 12)
"""
from __future__ import annotations

import multiprocessing
import os
import re

from gunicorn.glogging import Logger

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
# Sync workers: one request at a time per process, so a slow PDF or a slow database cannot
# starve other requests inside one process, and each worker needs one database connection.
worker_class = "sync"
workers = int(os.environ.get("PORTAL_WORKERS") or min(2 * multiprocessing.cpu_count() + 1, 12))
timeout = 30  # a worker stuck longer is killed and replaced (nginx gives up after 30 s too)
# On SIGHUP/SIGTERM a worker finishes its request, writes its page-view tally and exits.
graceful_timeout = 20
# Replace each worker now and then (jitter: not all at once) against slow leaks. Not too often:
# a new worker loads the app for a second or more, and at a job-fair peak a worker answers
# 500+ scans a second (bench/landing.py), so 2000 would mean a restart every few seconds.
max_requests = 50000
max_requests_jitter = 5000
# Two instances on one host would otherwise share one control socket
# ($XDG_RUNTIME_DIR/gunicorn.ctl): restarts go through systemd, so no socket at all.
control_socket_disable = True
proc_name = "portal-" + bind.rsplit(":", 1)[-1]

accesslog = "-"
errorlog = "-"
# No query string (%(q)s, %(r)s), no referrer (it carries other sites' queries), no client
# address (nginx is the peer; the client's address is personal data): method, path, status.
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# A private link's token (/s/<token>, password reset, invitations) gives access to an
# application or an account: it never goes into a log.
TOKEN = re.compile(r"/[A-Za-z0-9_-]{20,}")


class PortalLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = TOKEN.sub("/…", atoms["U"] or "")
        return atoms


logger_class = PortalLogger
