"""The feature packages form layers: no import cycle, no import hidden in a function or made
with import_module, and no package importing one from a higher layer than the order written
down in portal/__init__.py. The check is ../shared/checks/import-cycles.py; a copy is kept in
tests/import_cycles.py so a clone without shared/ runs it too (both run when both exist)."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import portal
from tests.import_cycles import graph

ROOT = Path(__file__).parents[1]
CHECKS = [path for path in (ROOT / "tests" / "import_cycles.py",
                            ROOT.parent / "shared" / "checks" / "import-cycles.py")
          if path.exists()]


def _run(script: Path, tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), str(tree)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("script", CHECKS, ids=lambda p: p.parent.name)
def test_no_cycle_and_no_hidden_import(script):
    res = _run(script, ROOT / "portal")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "largest cycle 1, 0 hidden imports" in res.stdout


@pytest.mark.parametrize("script", CHECKS, ids=lambda p: p.parent.name)
def test_the_check_fails_on_a_cycle_and_a_hidden_import(script, tmp_path):
    tree = tmp_path / "portal"
    for name, body in {
        "low": "def later():\n    from portal.high import views\n",
        "high": "from portal.low import models\n",
        "loop": "import importlib\nimportlib.import_module('portal.low')\n",
    }.items():
        (tree / name).mkdir(parents=True)
        (tree / name / "__init__.py").write_text("")
        (tree / name / "services.py").write_text(body)
    res = _run(script, tree)
    assert res.returncode == 1
    assert "CYCLE of 2: high, low" in res.stdout
    assert "imports high inside a function" in res.stdout and "import_module" in res.stdout


def written_layers() -> dict[str, int]:
    """Package -> layer number, read from the docstring of portal/__init__.py."""
    doc = portal.__doc__ or ""
    block = doc.split("tests/test_layers.py checks both.", 1)[1].split("\n\n")[1]
    ranks: dict[str, int] = {}
    foundation = ""
    rank = 0
    for line in block.splitlines():
        head, rest = (re.split(r"\s{2,}", line.strip(), maxsplit=1) + [""])[:2]
        if head == "foundation" or line.startswith("   "):  # the foundation's lines
            foundation += " " + (rest if head == "foundation" else line)
            continue
        rank += 1
        for name in head.split(", "):
            ranks[name] = rank
    for name in re.split(r"[,\s]+", foundation.split("packages", 1)[1].strip()):
        ranks[name] = 0
    return ranks


def test_every_package_is_in_the_written_order_and_imports_only_downwards():
    feats, edges, _hidden = graph(ROOT / "portal")
    ranks = written_layers()
    missing = sorted(set(feats) - set(ranks))
    assert missing == [], "portal/__init__.py must list every feature package in its layer"
    upward = [f"{src} -> {dst}" for src in feats for dst in sorted(edges.get(src, ()))
              if ranks[dst] > ranks[src]]
    assert upward == [], "imports from a higher layer"


def _private_names_of_other_packages(path: Path) -> list[str]:
    """`from portal.x.y import _name` and `y._name` (y a module of another package): what one
    package uses of another must be public, or a rename there breaks it unseen."""
    portal_dir = ROOT / "portal"
    parts = path.relative_to(portal_dir).parts
    mine = parts[0] if len(parts) > 1 else ""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: dict[str, str] = {}  # local name of an imported portal module -> its package
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("portal")):
            continue
        dotted = (node.module or "").split(".")[1:]
        for alias in node.names:
            target = portal_dir.joinpath(*dotted, alias.name)
            owner = (dotted + [alias.name])[0]
            if target.is_dir() or target.with_suffix(".py").exists():
                modules[alias.asname or alias.name] = owner
            elif alias.name.startswith("_") and dotted and dotted[0] != mine:
                found.append(f"{node.lineno}: {alias.name} from {node.module}")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.attr.startswith("_") and not node.attr.startswith("__")
                and modules.get(node.value.id, mine) != mine):
            found.append(f"{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_package_uses_private_names_of_another():
    found = {path.relative_to(ROOT).as_posix(): hits
             for path in sorted((ROOT / "portal").rglob("*.py"))
             if (hits := _private_names_of_other_packages(path))}
    assert found == {}


def test_no_module_is_imported_by_name_at_run_time():
    """Jobs, demo seeders and blueprints are imported as code (portal/jobs.py, portal/demo.py,
    portal/blueprints.py), not looked up from strings: mypy and grep see every use."""
    found = [path.relative_to(ROOT).as_posix() for path in sorted((ROOT / "portal").rglob("*.py"))
             if re.search(r"\bimportlib\b|\bimport_module\(|__import__\(",
                          path.read_text(encoding="utf-8"))]
    assert found == []
