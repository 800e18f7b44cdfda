"""Say in one line when the test database server does not answer."""

import os
import sys

import psycopg

url = os.environ["DATABASE_URL"]
try:
    psycopg.connect(url, dbname="postgres", connect_timeout=3).close()
except psycopg.OperationalError:
    sys.exit(
        f"make test: no PostgreSQL answers at {url}; start it, or point "
        "DATABASE_URL (or TEST_DATABASE_URL) at one, e.g. "
        "DATABASE_URL=postgres://user@host:5432/nmpaa make test"
    )
