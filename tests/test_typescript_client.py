"""The typed TypeScript client in ``clients/typescript/``: TypeScript types
generated from the served schema with openapi-typescript, the client compiled
with ``tsc --strict`` against them (and its JSON-LD against schema.org's own
types, schema-dts), then run against a live server holding the reference
story, checking the README's queries. A schema change that breaks what a
front end wrote against it fails the compilation, and so the suite."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import require

pytestmark = pytest.mark.typescript

CLIENT = Path(settings.BASE_DIR) / "clients" / "typescript"
BIN = CLIENT / "node_modules" / ".bin"


def run(*command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module")
def toolchain() -> None:
    """Node and the pinned packages of package-lock.json (``npm ci`` unless
    node_modules already holds them)."""
    require(
        bool(shutil.which("node") and shutil.which("npm")),
        "Node.js and npm are missing (Debian packages nodejs and npm).",
    )
    installed = CLIENT / "node_modules" / ".package-lock.json"
    lock = CLIENT / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        result = run("npm", "ci", "--no-audit", "--no-fund")
        assert result.returncode == 0, result.stderr


def generate_types(schema: dict, path: Path) -> None:
    path.write_text(json.dumps(schema))
    result = run(
        str(BIN / "openapi-typescript"),
        str(path),
        "--output",
        str(CLIENT / "src" / "schema.d.ts"),
    )
    assert result.returncode == 0, result.stderr


def compile_client() -> subprocess.CompletedProcess:
    return run(str(BIN / "tsc"), "--strict", "-p", "tsconfig.json")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_typed_client_runs_the_readme_queries(live_server, toolchain, tmp_path):
    """Types from the live schema, tsc --strict, then every README query
    answered as the client expects."""
    call_command("load_seed", verbosity=0, stdout=io.StringIO())
    with urllib.request.urlopen(f"{live_server.url}/api/schema/?format=json") as r:  # noqa: S310
        schema = json.load(r)
    schema_path = tmp_path / "schema.json"
    generate_types(schema, schema_path)
    compiled = compile_client()
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    result = run(
        "node",
        "dist/main.js",
        env={
            "NEWSDESK_API": f"{live_server.url}/",
            "NEWSDESK_SCHEMA": str(schema_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checks passed" in result.stdout


@pytest.mark.django_db
def test_a_schema_change_that_breaks_the_client_fails_compilation(
    client, toolchain, tmp_path
):
    """Renaming the quotes list's speaker parameter (as a careless change
    would) no longer compiles the client: tsc names the query."""
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for parameter in schema["paths"]["/api/v1/quotes/"]["get"]["parameters"]:
        if parameter["name"] == "speaker":
            parameter["name"] = "speakers"
    generate_types(schema, tmp_path / "schema.json")
    compiled = compile_client()
    assert compiled.returncode != 0
    assert "speaker" in compiled.stdout
