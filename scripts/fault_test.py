#!/usr/bin/env python3
"""Sign-ups under load while things break: SIGKILL a gunicorn worker, restart PostgreSQL.

    .venv/bin/python -m scripts.fault_test [--submissions 1000]

Everything runs on its own: a scratch PostgreSQL cluster (never the machine's) on
SCRATCH_PG_PORT (default 8350) in var/pg-scratch, and gunicorn with production settings on
FAULT_PORT (default 8301). Afterwards every accepted submission must exist exactly once,
failed requests must have been clean 503s, and the site must serve again without a restart.
Forms are found by following links from the home page; with none, it says so and stops.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from scripts import load_test
from scripts.harness import REPO, Visitor, production_server, worker_pids

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT = int(os.environ.get("SCRATCH_PG_PORT", "8350"))
WEB_PORT = int(os.environ.get("FAULT_PORT", "8301"))
SCRATCH_DIR = REPO / "var" / "pg-scratch"
DATA_DIR = SCRATCH_DIR / "data"
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/nmpaa_fault"
KILLED_WORKERS = 1  # each may take its one in-flight request with it, unanswered


def as_postgres(*command):
    """PostgreSQL refuses to run as root; run its tools as the postgres user when we are root."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    result = subprocess.run([*prefix, *map(str, command)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")


def pg_ctl(action):
    as_postgres(
        PG_BIN / "pg_ctl", action, "-D", DATA_DIR, "-w", "-m", "fast",
        "-l", SCRATCH_DIR / "server.log",
        "-o", f"-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1",
    )  # fmt: skip


def start_scratch_postgres():
    if not (DATA_DIR / "PG_VERSION").exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(SCRATCH_DIR, "postgres", "postgres")
            shutil.chown(DATA_DIR, "postgres", "postgres")
        as_postgres(PG_BIN / "initdb", "-D", DATA_DIR, "-U", "postgres", "--auth=trust")
    pg_ctl("start")
    subprocess.run(
        ["dropdb", "--if-exists", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres",
         "nmpaa_fault"], check=True,
    )  # fmt: skip
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "nmpaa_fault"],
        check=True,
    )


def clock():
    return f"{load_test.seconds_into_run():.1f}s"


def faults(master_pid, delay, restart_postgres=True):
    """What to do while the load runs (load_test calls it once every submission is queued)."""

    def run():
        time.sleep(delay)
        victim = worker_pids(master_pid)[0]
        os.kill(victim, signal.SIGKILL)
        print(f"[fault {clock()}] SIGKILL gunicorn worker {victim}", flush=True)
        time.sleep(delay)
        if not restart_postgres:
            print(f"[fault {clock()}] PostgreSQL restart skipped (asked)", flush=True)
            return
        print(f"[fault {clock()}] restarting the scratch PostgreSQL", flush=True)
        pg_ctl("restart")
        print(f"[fault {clock()}] PostgreSQL restarted", flush=True)

    return run


def serves_again(base):
    visitor = Visitor(base)
    for _ in range(40):
        if visitor.get("/").status == 200 and visitor.get("/healthz").status == 200:
            return True
        time.sleep(0.5)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--fault-delay", type=float, default=4.0)
    parser.add_argument(
        "--no-postgres-restart",
        dest="restart_postgres",
        action="store_false",
        help="only kill a worker; leave the scratch PostgreSQL running",
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 4)))
    args = parser.parse_args()

    start_scratch_postgres()
    try:
        with production_server(
            DATABASE_URL,
            port=WEB_PORT,
            workers=args.workers,
            migrate=True,
            CONN_MAX_AGE="60",
            # One machine sends everything, at once: no per-address limit, no "too fast" check.
            OUTREACH_RATE_LIMITS=os.environ.get("OUTREACH_RATE_LIMITS", "off"),
            OUTREACH_MIN_FILL_SECONDS=os.environ.get("OUTREACH_MIN_FILL_SECONDS", "0"),
        ) as server:
            problems = load_test.run(
                server.url,
                args.submissions,
                args.writers,
                args.readers,
                DATABASE_URL,
                during=faults(server.process.pid, args.fault_delay, args.restart_postgres),
                allow_503=True,
                allow_dropped=KILLED_WORKERS,
            )
            if problems is None:  # no sign-up forms: nothing to break
                return 0
            recovered = serves_again(server.url)
            print(f"site serves again without a restart: {'yes' if recovered else 'NO'}")
            return 1 if problems or not recovered else 0
    finally:
        pg_ctl("stop")


if __name__ == "__main__":
    sys.exit(main())
