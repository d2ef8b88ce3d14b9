"""One command to the whole test suite: set up, then run pytest. Arguments are
passed to pytest. Set DATABASE_URL to run it against PostgreSQL.

    python3 scripts/test.py [PYTEST ARGS]

The suite runs in parallel, one pytest-xdist worker per core (at most four),
each with its own test database. A test module stays on one worker
(``--dist loadfile``): its module-scoped fixtures — a gunicorn server, a
built TypeScript client — are set up once, and the few modules that share a
Redis database never run against each other's keys. Pass ``-n 0`` to run in
one process (e.g. under a debugger)."""

import os
import subprocess
import sys

from bootstrap import ROOT, ensure


def parallel_arguments(arguments: list[str]) -> list[str]:
    """The xdist arguments to add, unless the caller chose their own."""
    if any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in arguments):
        return []
    workers = min(4, os.cpu_count() or 1)
    return ["-n", str(workers), "--dist", "loadfile"] if workers > 1 else []


if __name__ == "__main__":
    python = ensure("requirements-dev.txt")
    arguments = sys.argv[1:]
    command = [str(python), "-m", "pytest", *parallel_arguments(arguments), *arguments]
    result = subprocess.run(command, cwd=ROOT)
    sys.exit(result.returncode)
