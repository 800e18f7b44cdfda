"""Write one restorable archive: the PostgreSQL database (pg_dump custom format) and the
uploaded media files. `make backup` runs it; docs/deploying.md shows how to restore.

    nmpaa-backup-20261129T0330Z.tar
    ├── database.dump   pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" database.dump
    └── media.tar.gz    tar -xzf media.tar.gz -C "$MEDIA_ROOT"
"""

import os
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from nmpaa_site import env


def pg_environment(db):
    """libpq environment variables, so the password never appears in a process listing."""
    env = dict(os.environ)
    for key, name in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if db.get(key):
            env[name] = str(db[key])
    return env


class Command(BaseCommand):
    help = "Back up the database and media files into one .tar archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=env.read("BACKUP_DIR"),
            help="Directory for the archive (default: BACKUP_DIR or ./backups).",
        )

    def handle(self, *args, output_dir, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Backups need PostgreSQL; DATABASE_URL points elsewhere.")
        output = Path(output_dir)
        output.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        archive = output / f"nmpaa-backup-{stamp}.tar"

        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / "database.dump"
            result = subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump)],
                env=pg_environment(connection.settings_dict),
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_dump failed: {result.stderr.strip()}")

            media = Path(work) / "media.tar.gz"
            with tarfile.open(media, "w:gz") as media_tar:
                if Path(settings.MEDIA_ROOT).is_dir():
                    media_tar.add(settings.MEDIA_ROOT, arcname=".")

            # Written under a temporary name first, so a half-written archive never looks done.
            partial = archive.with_suffix(".tar.partial")
            with tarfile.open(partial, "w") as bundle:
                bundle.add(dump, arcname="database.dump")
                bundle.add(media, arcname="media.tar.gz")
            partial.rename(archive)

        archive.chmod(0o600)
        size_mb = archive.stat().st_size / 1_000_000
        self.stdout.write(f"Backup written: {archive} ({size_mb:.1f} MB)")
