"""Production settings: DEBUG off, SECRET_KEY required (base refuses to start
without it), everything else from the environment."""

import os

os.environ["DEBUG"] = os.environ.get("DEBUG", "false")

from .base import *  # noqa: E402, F403
