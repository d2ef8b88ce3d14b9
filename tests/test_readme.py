"""The README's promises stay true: two commands first, and every example
API call answers on the seed story."""

import re
import shlex
from urllib.parse import urlsplit

import pytest
from django.conf import settings

README = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_two_commands():
    """The first code block holds exactly the demo and the test commands."""
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert [c for c in commands if c] == [
        "python3 scripts/demo.py",
        "python3 scripts/test.py",
    ]


def curl_examples() -> list[list[str]]:
    # Reads only: the write examples need a token and change the data.
    return [
        shlex.split(line)
        for line in README.splitlines()
        if line.startswith("curl ") and " -X " not in line
    ]


@pytest.mark.parametrize("argv", curl_examples(), ids=lambda argv: argv[-1][22:])
def test_curl_example_answers(argv, client, seed):
    """Each copy-paste example works on the demo's data."""
    headers = {}
    if "-H" in argv:
        name, value = argv[argv.index("-H") + 1].split(":", 1)
        headers[name.strip()] = value.strip()
    url = urlsplit(argv[-1])
    response = client.get(f"{url.path}?{url.query}", headers=headers)
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert body.get("count", 1) > 0
