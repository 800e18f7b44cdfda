#!/usr/bin/env python3
"""Sign-ups under load while things break: SIGKILL a gunicorn worker, restart PostgreSQL.

    .venv/bin/python scripts/fault_test.py [--submissions 1000]

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
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_test  # noqa: E402
from site_forms import discover, fetch, new_session, sign_up_forms  # noqa: E402

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


def site_environment():
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.production",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "fault-test-only-" + "z" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        HTTPS="false",
        DATABASE_URL=DATABASE_URL,
        STATIC_ROOT=str(REPO / "var" / "static"),
        HOST="127.0.0.1",
        PORT=str(WEB_PORT),
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "4"),
        CONN_MAX_AGE="60",
        # One machine sends everything, at once: no per-address limit, no "too fast" check.
        OUTREACH_RATE_LIMITS=os.environ.get("OUTREACH_RATE_LIMITS", "off"),
        OUTREACH_MIN_FILL_SECONDS=os.environ.get("OUTREACH_MIN_FILL_SECONDS", "0"),
    )
    env.pop("DEBUG", None)
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True)


def worker_pids(master_pid):
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            pids.append(int(stat.parent.name))
    return pids


def faults(master_pid, delay):
    def run():
        time.sleep(delay)
        victim = worker_pids(master_pid)[0]
        os.kill(victim, signal.SIGKILL)
        print(f"[fault] SIGKILL gunicorn worker {victim}", flush=True)
        time.sleep(delay)
        started = time.monotonic()
        pg_ctl("restart")
        print(f"[fault] PostgreSQL restarted in {time.monotonic() - started:.1f}s", flush=True)

    thread = threading.Thread(target=run)
    thread.start()
    return thread.join


def serves_again(base):
    opener, _ = new_session()
    for _ in range(40):
        home, health = fetch(opener, base + "/")[0], fetch(opener, base + "/healthz")[0]
        if home == 200 and health == 200:
            return True
        time.sleep(0.5)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--fault-delay", type=float, default=4.0)
    args = parser.parse_args()

    start_scratch_postgres()
    env = site_environment()
    server = None
    try:
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_site_content")
        manage(env, "collectstatic", "--no-input", "-v0")
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "-c", "nmpaa_site/gunicorn.conf.py"],
            cwd=REPO,
            env=env,
            stdout=open(REPO / "var" / "fault-gunicorn.log", "w"),
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{WEB_PORT}"
        if not serves_again(base):
            print("gunicorn did not start; see var/fault-gunicorn.log")
            return 1
        if not sign_up_forms(discover(base)[1]):
            print("no sign-up forms linked from the home page: fault test skipped")
            return 0
        problems = load_test.run(
            base,
            args.submissions,
            args.writers,
            args.readers,
            DATABASE_URL,
            during=faults(server.pid, args.fault_delay),
            allow_503=True,
            allow_dropped=KILLED_WORKERS,
        )
        recovered = serves_again(base)
        print(f"site serves again without a restart: {'yes' if recovered else 'NO'}")
        return 1 if problems or not recovered else 0
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        pg_ctl("stop")


if __name__ == "__main__":
    sys.exit(main())
