"""One command to the whole test suite: set up, then run pytest. Arguments are
passed to pytest. Set DATABASE_URL to run it against PostgreSQL.

    python3 scripts/test.py [PYTEST ARGS]
"""

import subprocess
import sys

from bootstrap import ROOT, ensure

if __name__ == "__main__":
    python = ensure("requirements-dev.txt")
    result = subprocess.run([str(python), "-m", "pytest", *sys.argv[1:]], cwd=ROOT)
    sys.exit(result.returncode)
