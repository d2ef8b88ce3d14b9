"""The engine is a package of its own: nothing in it imports Django or the
app, it runs in a Python with Django made unimportable, and no module of it
is too long to read in one sitting."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import articles.extraction.engine as engine

PACKAGE = Path(engine.__file__).parent
# The one import beyond the standard library: the optional named-entity
# step imports spaCy, inside a function, only where it is installed.
OPTIONAL = {"ner.py": {"spacy"}}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module)
    return found


def test_no_module_imports_django_or_the_app():
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        for name in _imports(path):
            root = name.split(".")[0]
            allowed = root in sys.stdlib_module_names or root == "__future__"
            assert allowed or name in OPTIONAL.get(path.name, ()), (
                f"{path.name} imports {name}"
            )


def test_runs_where_django_cannot_be_imported():
    script = (
        "import sys\n"
        "sys.modules['django'] = None\n"
        "from articles.extraction.engine import Gazetteer, extract\n"
        "x = extract('\"We will go,\" said Ann Lee, the mission director.', "
        "Gazetteer())\n"
        "print(x.quotes[0].text, '|', x.person(x.quotes[0].speaker).name)\n"
        "assert not any(m == 'django' or m.startswith('django.') "
        "for m in sys.modules if sys.modules[m] is not None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parents[2],
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "We will go | Ann Lee"


def test_each_module_reads_in_one_sitting():
    for path in PACKAGE.glob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 600, f"{path.name} has {lines} lines"
