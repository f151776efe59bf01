"""Fill the {{ name }} placeholders of a deploy template (deploy/nginx/portal.conf) from
NGINX_<NAME> lines of an env file and/or name=value arguments; refuses to leave one empty.

    python3 deploy/render.py deploy/nginx/portal.conf /etc/portal/portal.env > /etc/nginx/sites-available/portal
    python3 deploy/render.py deploy/nginx/portal.conf https_port=8443 ...   (what the tests do)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_]+)\s*\}\}")


def values_from_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key.startswith("NGINX_"):
            values[key[len("NGINX_"):].lower()] = value.strip()
    return values


def render(template: str, values: dict[str, str]) -> str:
    missing = sorted({m.group(1) for m in PLACEHOLDER.finditer(template)} - set(values))
    if missing:
        raise SystemExit(f"no value for: {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    values: dict[str, str] = {}
    for arg in argv[1:]:
        if "=" in arg:
            name, _, value = arg.partition("=")
            values[name] = value
        else:
            values = {**values_from_env_file(Path(arg)), **values}
    sys.stdout.write(render(Path(argv[0]).read_text(), values))


if __name__ == "__main__":
    main(sys.argv[1:])
