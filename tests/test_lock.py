"""The lock files pin every dependency that pyproject.toml names, inside its range, so
`make install` on a fresh clone installs what was tested."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / name).read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if m:
            pins[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return pins


def _declared(extra: bool) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    if extra:
        reqs += project["optional-dependencies"]["dev"]
    return [Requirement(r) for r in reqs]


def test_every_dependency_is_pinned_within_its_range():
    for lock, extra in (("requirements.lock", False), ("requirements-dev.lock", True)):
        pins = _pins(lock)
        for req in _declared(extra):
            key = re.sub(r"[-_.]+", "-", req.name).lower()
            assert key in pins, f"{req.name} is missing from {lock}: run `make lock`"
            assert req.specifier.contains(pins[key], prereleases=True), (
                f"{lock} pins {req.name}=={pins[key]} outside {req.specifier}: run `make lock`")
