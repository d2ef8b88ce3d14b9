"""The project as an operator meets it: settings from the environment,
committed migrations, and the database the suite claims to run on."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

ROOT = settings.BASE_DIR


def settings_probe(module: str, env: dict[str, str], expression: str):
    """Import settings ``module`` in a fresh interpreter with exactly ``env``
    and print ``expression``."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; "
            f"print({expression})",
        ],
        capture_output=True,
        text=True,
        env=clean_env,
        cwd=ROOT,
        timeout=60,
    )


class TestSettings:
    def test_production_refuses_to_start_without_secret_key(self):
        """No development key can reach production."""
        result = settings_probe("newsdesk.settings.production", {}, "1")
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr

    def test_debug_off_refuses_to_start_without_secret_key(self):
        """Turning DEBUG off locally also demands a real key."""
        result = settings_probe("newsdesk.settings.local", {"DEBUG": "false"}, "1")
        assert "SECRET_KEY must be set" in result.stderr

    def test_local_has_development_key_while_debugging(self):
        """The demo starts with no environment at all."""
        result = settings_probe(
            "newsdesk.settings.local", {}, "settings.DEBUG, settings.SECRET_KEY"
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == ("True newsdesk-development-only-not-secret")

    def test_database_url_and_hosts_from_environment(self):
        """DATABASE_URL and ALLOWED_HOSTS are read from the environment."""
        result = settings_probe(
            "newsdesk.settings.production",
            {
                "SECRET_KEY": "x" * 50,
                "DATABASE_URL": "postgres://news:pw@db.example:5433/newsroom",
                "ALLOWED_HOSTS": "news.example,api.news.example",
            },
            "settings.DATABASES['default']['ENGINE'], "
            "settings.DATABASES['default']['HOST'], "
            "settings.DATABASES['default']['NAME'], settings.ALLOWED_HOSTS, "
            "settings.DEBUG",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == (
            "django.db.backends.postgresql db.example newsroom "
            "['news.example', 'api.news.example'] False"
        )

    def test_sqlite_file_by_default(self):
        """Without DATABASE_URL the demo uses a SQLite file in the project."""
        result = settings_probe(
            "newsdesk.settings.local", {}, "settings.DATABASES['default']['NAME']"
        )
        assert result.stdout.strip() == str(ROOT / "db.sqlite3")


@pytest.mark.django_db
def test_migrations_are_committed():
    """Every model change has a committed migration."""
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_suite_runs_on_the_database_it_was_given():
    """The PostgreSQL leg of CI really runs on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "pgsql")) else "sqlite"
    assert connection.vendor == expected


class TestProductionSettings:
    def test_deploy_check_is_clean(self):
        """`check --deploy` reports nothing under the production settings
        with Redis, which keeps throttle counts for every app server."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="newsdesk.settings.production",
            SECRET_KEY="k3y-" + "x7Q!pL9#" * 8,
            ALLOWED_HOSTS="news.example",
            REDIS_URL="redis://127.0.0.1:6379/0",
        )
        result = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "check",
                "--deploy",
                "--fail-level",
                "WARNING",
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_production_has_no_debug_and_secure_cookies(self):
        """Production defaults: DEBUG off, HTTPS-only cookies, HSTS."""
        result = settings_probe(
            "newsdesk.settings.production",
            {"SECRET_KEY": "y" * 60},
            "settings.DEBUG, settings.SESSION_COOKIE_SECURE, "
            "settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS > 0",
        )
        assert result.stdout.strip() == "False True True True", result.stderr


def _pins(path) -> dict[str, tuple[str, set[str]]]:
    """``name[extras]==version`` lines of a requirements or constraints file,
    by canonical name (``-r`` includes and comments skipped)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line and not line.startswith("-"):
            requirement = Requirement(line)
            version = str(requirement.specifier).removeprefix("==")
            pins[canonicalize_name(requirement.name)] = (version, requirement.extras)
    return pins


def test_every_package_the_requirements_pull_in_is_pinned():
    """constraints.txt holds every package requirements.txt and
    requirements-dev.txt bring, at the version installed: a library's own
    dependency (kombu under Celery, say) cannot move between two installs."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    root = settings.BASE_DIR
    constraints = {
        name: pin[0] for name, pin in _pins(root / "constraints.txt").items()
    }
    wanted = {
        **_pins(root / "requirements.txt"),
        **_pins(root / "requirements-dev.txt"),
    }
    for name, (version, _extras) in wanted.items():
        assert constraints.get(name) == version, f"{name}: {constraints.get(name)}"
    seen, todo = set(), [(name, extras) for name, (_v, extras) in wanted.items()]
    while todo:
        name, extras = todo.pop()
        if (name, frozenset(extras)) in seen:
            continue
        seen.add((name, frozenset(extras)))
        installed = metadata.distribution(name)
        assert constraints.get(name) == installed.version, (
            f"{name} {installed.version} is installed; constraints.txt has "
            f"{constraints.get(name)}"
        )
        for line in installed.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or any(
                requirement.marker.evaluate({"extra": extra}) for extra in {"", *extras}
            ):
                todo.append((canonicalize_name(requirement.name), requirement.extras))
