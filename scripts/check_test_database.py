"""Say in one line when the test database server does not answer; make the database if new.

The tests make their own `test_…` database; the named one is only for `manage.py check`
and the migrations check, which warn when it does not exist.
"""

import os
import sys

import psycopg
from psycopg import sql

url = os.environ["DATABASE_URL"]
try:
    server = psycopg.connect(url, dbname="postgres", connect_timeout=3, autocommit=True)
except psycopg.OperationalError:
    sys.exit(
        f"make test: no PostgreSQL answers at {url}; start it, or point "
        "DATABASE_URL (or TEST_DATABASE_URL) at one, e.g. "
        "DATABASE_URL=postgres://user@host:5432/nmpaa make test"
    )
with server:
    name = psycopg.conninfo.conninfo_to_dict(url).get("dbname")
    exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if name and not exists:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
