"""CPU per request of the public pages, through Django's test client, on the rotating URLs of bench/load.sh.

    DATABASE_URL=postgres://…/marsad_bench SECRET_KEY=x STATIC_MANIFEST=0 ALLOWED_HOSTS=testserver \
      .venv/bin/python bench/cpu.py [--requests 200] [--pages list,search,incident,api]

For each page it prints the Python function calls per request (counted by cProfile over 20 of the
requests: the same on a quiet or a busy machine, so it shows what a change saves even when the
timings drown in the neighbours' load), then the process CPU time per request (min, p25, p50, over
--requests requests rotating through the URLs; the wall clock and the SQL time beside it) and the
load average. The database is only read. Cache off, DEBUG off, as bench_public.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MARSAD_PUBLIC_CACHE_SECONDS", "0")

import django  # noqa: E402 — after the settings module is chosen

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench import urls as url_lists  # noqa: E402
from incidents.management.commands.bench_public import SqlClock  # noqa: E402
from incidents.models import Incident  # noqa: E402


def rotating_urls():
    """The URL lists bench/load.sh drives, from this database's published incidents."""
    codes = Incident.objects.filter(status=Incident.Status.PUBLISHED).order_by("?").values_list("code", flat=True)[:2000]
    with tempfile.TemporaryDirectory() as out:
        stdin, sys.stdin = sys.stdin, io.StringIO("\n".join(codes))
        try:
            url_lists.main(Path(out))
        finally:
            sys.stdin = stdin
        return {
            name: (Path(out) / f"urls_{name}.txt").read_text(encoding="utf-8").split() for name in ("list", "search", "incident", "api")
        }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--pages", default="list,search,incident,api")
    options = parser.parse_args()
    client = Client()
    lists = rotating_urls()
    clock = SqlClock()
    for name in options.pages.split(","):
        urls = lists[name]
        for url in urls[-4:]:  # warm up: templates, translations, the search vocabulary
            client.get(url)
        profile = cProfile.Profile()
        profile.enable()
        for url in urls[:20]:
            client.get(url)
        profile.disable()
        calls = sum(row[1] for row in pstats.Stats(profile).stats.values()) / 20
        cpu, wall, sql = [], [], []
        with connection.execute_wrapper(clock):
            for index in range(options.requests):
                clock.seconds = 0.0
                started_cpu, started = time.process_time(), time.perf_counter()
                response = client.get(urls[index % len(urls)])
                cpu.append((time.process_time() - started_cpu) * 1000)
                wall.append((time.perf_counter() - started) * 1000)
                sql.append(clock.seconds * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{urls[index % len(urls)]} answered {response.status_code}")
        cpu.sort()
        print(
            f"{name:9s} calls/request {calls:7.0f}   cpu ms min {cpu[0]:5.2f} p25 {cpu[len(cpu) // 4]:5.2f} "
            f"p50 {statistics.median(cpu):5.2f}   wall p50 {statistics.median(wall):6.1f}   sql p50 {statistics.median(sql):5.1f}   "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
