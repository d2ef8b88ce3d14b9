"""One command to a working demo: set up, migrate, load the reference story,
create an editor login, print it, and serve Newsdesk on SQLite.

    python3 scripts/demo.py [ADDRESS:PORT]
"""

import os
import sys

from bootstrap import ensure, run

if __name__ == "__main__":
    python = ensure("requirements.txt")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsdesk.settings.local"}
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:8000"
    run(python, "manage.py", "migrate", "--no-input", env=env)
    run(python, "manage.py", "load_seed", env=env)
    run(python, "manage.py", "demo_editor", env=env)
    print(
        f"\nNewsdesk is starting: open http://{address}/admin/ and log in as above.\n"
    )
    try:
        run(python, "manage.py", "runserver", address, env=env)
    except KeyboardInterrupt:
        pass
