"""The imports point one way (docs/architecture.md): the contracts in
pyproject.toml hold, and a wrong import breaks them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("newsdesk", "articles", "entities")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    """import-linter's own command, on the packages under ``cwd``."""
    command = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(command), "--no-cache", "--config", str(cwd / "pyproject.toml")],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)},
    )


def test_contracts_are_kept():
    """Every contract of pyproject.toml is kept by the code as it is."""
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def copy_of_the_code(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "migrations"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_registry_importing_the_stories_breaks_the_build(tmp_path):
    """One import of articles from entities breaks both the layers and the
    registry's own contract."""
    code = copy_of_the_code(tmp_path)
    with (code / "entities" / "selectors.py").open("a") as module:
        module.write("\nfrom articles.models import Article  # noqa\n")
    result = lint_imports(code)
    assert result.returncode == 1, result.stdout
    assert "The registry imports nothing of the stories BROKEN" in result.stdout
    assert "entities.selectors -> articles.models" in result.stdout


def test_the_core_importing_an_app_breaks_the_build(tmp_path):
    """The shared core may not reach up, even lazily inside a function."""
    code = copy_of_the_code(tmp_path)
    with (code / "newsdesk" / "core" / "services.py").open("a") as module:
        module.write("\n\ndef f():\n    from entities import models  # noqa\n")
    result = lint_imports(code)
    assert result.returncode == 1, result.stdout
    assert "The shared core imports no app and nothing above it BROKEN" in (
        result.stdout
    )


def test_a_new_package_at_the_top_may_import_every_layer(tmp_path):
    """A package added beside newsdesk.api (feeds, webhooks, …) needs no
    entry in the contracts to use the stories, the registry and the core."""
    code = copy_of_the_code(tmp_path)
    (code / "newsdesk" / "newsletters").mkdir()
    (code / "newsdesk" / "newsletters" / "__init__.py").write_text(
        "from articles import services  # noqa\n"
        "from entities import selectors  # noqa\n"
        "from newsdesk.core import audience  # noqa\n"
    )
    result = lint_imports(code)
    assert result.returncode == 0, result.stdout
