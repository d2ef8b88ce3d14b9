"""Set up Newsdesk's virtual environment with nothing but Python 3.

Creates ``.venv`` beside ``manage.py`` and installs a requirements file into it,
every package held to its version in ``constraints.txt``, skipping the install
when neither file has changed since the last run.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "constraints.txt"


def venv_python() -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    return VENV / folder / ("python.exe" if os.name == "nt" else "python")


def _requirements_digest(requirements: Path) -> str:
    digest = hashlib.sha256()
    for path in [*sorted(ROOT.glob("requirements*.txt")), CONSTRAINTS]:
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(requirements.name.encode())
    return digest.hexdigest()


def ensure(requirements: str) -> Path:
    """Return the virtual environment's Python, with ``requirements``
    installed."""
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    requirements_file = ROOT / requirements
    stamp = VENV / f".installed-{requirements_file.stem}"
    wanted = _requirements_digest(requirements_file)
    if not stamp.exists() or stamp.read_text() != wanted:
        print(f"Installing {requirements} …", flush=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "-r",
                str(requirements_file),
                "-c",
                str(CONSTRAINTS),
            ],
            check=True,
            cwd=ROOT,
        )
        stamp.write_text(wanted)
    return python


def run(python: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(python), *args], check=True, cwd=ROOT, env=env)


if __name__ == "__main__":
    requirements = sys.argv[1] if len(sys.argv) > 1 else "requirements.txt"
    if requirements.startswith("-") or not (ROOT / requirements).is_file():
        sys.exit(f"usage: python3 scripts/bootstrap.py [REQUIREMENTS_FILE]\n{__doc__}")
    ensure(requirements)
