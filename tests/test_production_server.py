"""Production as an operator runs it: gunicorn serving the app under the
production settings, whitenoise serving the collected static files."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "SECRET_KEY": "production-test-" + "q8#Lm2!x" * 8,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "SECURE_SSL_REDIRECT": "false",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--no-input", "-v0"], ["load_seed", "-v0"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, timeout=120)
    subprocess.run(
        [*manage, "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    port = free_port()
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "newsdesk.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/v1/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}")
    yield base, tmp / "static"
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


class TestGunicornWithWhitenoise:
    def test_api_answers_under_gunicorn(self, server):
        """The production app serves the seeded API over gunicorn."""
        base, _ = server
        status, headers, body = fetch(f"{base}/api/v1/quotes/?speaker=zhang-hanhui")
        assert status == 200
        assert json.loads(body)["count"] == 8
        assert headers["X-Frame-Options"] == "DENY"

    def test_static_files_served_by_whitenoise_with_long_caching(self, server):
        """Collected, hashed static files come from whitenoise, cached for a
        year; the API docs' assets are among them."""
        base, static_root = server
        manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
        hashed = manifest["admin/css/base.css"]
        status, headers, body = fetch(f"{base}/static/{hashed}")
        assert status == 200 and b"body" in body
        assert "max-age=315360000" in headers["Cache-Control"]
        swagger = manifest[
            "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"
        ]
        assert fetch(f"{base}/static/{swagger}")[0] == 200

    def test_docs_page_loads_its_assets_locally(self, server):
        """The interactive docs page works in production without any CDN."""
        base, _ = server
        status, _, body = fetch(f"{base}/api/docs/")
        assert status == 200
        assert b"/static/drf_spectacular_sidecar/" in body
