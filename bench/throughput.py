"""The throughput leg of the API benchmark (bench/api.py): gunicorn with one
worker per core, loaded by one load generator, for

* the quotes list and the filtered quotes list, uncached;
* the bare floor view of the quotes list (``.values()`` + orjson behind the
  same middleware, bench/floors.py) under the same load, so that the ratio
  of the two says what Newsdesk's own code costs under load;
* the quotes list answered from the anonymous response cache (a second
  gunicorn with ``API_CACHE_SECONDS`` set, on Redis when ``--redis`` is
  given), against the uncached figure.

The load generator is wrk (Debian's ``wrk`` package) when it is installed,
else a Python generator of keep-alive clients in threads; which one ran is
in the figures. Each run records the load average before and after.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _loadavg() -> list[float]:
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


class Server:
    """gunicorn serving the benchmark's settings on a free port."""

    def __init__(self, workers: int, env: dict):
        self.port = _free_port()
        self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "newsdesk.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **env},
        )
        for _ in range(150):
            try:
                self.get("/api/v1/")
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def get(self, path: str) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", path, headers={"Host": "localhost"})
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _wrk(port: int, path: str, seconds: float, clients: int) -> dict:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("wrk"),
            f"-t{min(2, clients)}",
            f"-c{clients}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "-H",
            "Host: localhost",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    latency = {}
    for label in ("50%", "99%"):
        found = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        if found:
            value, unit = float(found.group(1)), found.group(2)
            latency[label] = (
                value / 1000
                if unit == "us"
                else (value * 1000 if unit == "s" else value)
            )
    return {
        "requests_per_second": round(rps, 1),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
        "p50_ms": round(latency.get("50%", 0.0), 2),
        "p99_ms": round(latency.get("99%", 0.0), 2),
        "generator": "wrk",
    }


def _python_load(port: int, path: str, seconds: float, clients: int) -> dict:
    """Keep-alive clients in threads, for machines without wrk."""
    counts = []

    def client() -> None:
        done = errors = 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                conn.request("GET", path, headers={"Host": "localhost"})
                response = conn.getresponse()
                response.read()
                done += response.status == 200
                errors += response.status != 200
            except OSError:
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()
        counts.append((done, errors))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "requests_per_second": round(sum(d for d, _ in counts) / seconds, 1),
        "errors": sum(e for _, e in counts),
        "generator": "python",
    }


def _drive(server: Server, path: str, seconds: float, clients: int) -> dict:
    # Warm every worker (connections, the floor's parameters, caches).
    for _ in range(4 * clients):
        server.get(path)
    load = shutil.which("wrk") and _wrk or _python_load
    before = _loadavg()
    figures = load(server.port, path, seconds, clients)
    cores = os.cpu_count() or 1
    figures.update(
        requests_per_second_per_core=round(figures["requests_per_second"] / cores, 1),
        clients=clients,
        seconds=seconds,
        loadavg_before=before,
        loadavg_after=_loadavg(),
    )
    print(
        f"  throughput {path}: {figures['requests_per_second']:.0f}/s "
        f"(load {figures['loadavg_after'][0]:.2f})",
        file=sys.stderr,
        flush=True,
    )
    return figures


def throughput(
    urls: dict[str, str], *, seconds: float, clients: int, redis: str = ""
) -> dict:
    """Requests per second for each of ``urls`` (name: path; ``quotes_list``
    among them) uncached, for the floor view of the quotes list, and for the
    quotes list from the cache; with the ratios the targets judge."""
    workers = os.cpu_count() or 1
    figures: dict = {}
    server = Server(workers, {"API_CACHE_SECONDS": "0"})
    try:
        for name, path in urls.items():
            figures[name] = _drive(server, path, seconds, clients)
        figures["quotes_list_floor"] = _drive(
            server, "/bench/floor/quotes_list/", seconds, clients
        )
    finally:
        server.stop()
    cached_env = {"API_CACHE_SECONDS": "300"}
    if redis:
        cached_env["REDIS_URL"] = redis
    server = Server(workers, cached_env)
    try:
        figures["quotes_list_cached"] = _drive(
            server, urls["quotes_list"], seconds, clients
        )
        figures["quotes_list_cached"]["cache"] = "redis" if redis else "memory"
    finally:
        server.stop()
    for entry in figures.values():
        entry["workers"] = workers
    uncached = figures["quotes_list"]["requests_per_second"]
    figures["ratios"] = {
        "quotes_list_to_floor": round(
            uncached / figures["quotes_list_floor"]["requests_per_second"], 2
        ),
        "cached_to_uncached": round(
            figures["quotes_list_cached"]["requests_per_second"] / uncached, 2
        ),
    }
    return figures
