#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nmpaa_site.settings.dev")
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as error:
        # An unreachable database is a configuration problem: say so in one line.
        reason = str(error).strip().splitlines()[0] if str(error).strip() else error
        sys.exit(f"nmpaa: cannot use the database in DATABASE_URL: {reason}")


if __name__ == "__main__":
    main()
