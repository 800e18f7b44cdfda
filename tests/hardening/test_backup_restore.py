"""`manage.py backup` writes an archive that restores into an empty database: the same pages,
sign-up submissions and media files."""

import subprocess
import tarfile
import uuid
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection

import pytest

from outreach.kinds import KINDS
from tests.factories import HomePageFactory, submission_factory

SIGN_UP_MODELS = [kind.model for kind in KINDS]


def libpq_args(db, name):
    return ["-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"], "-d", name]


@pytest.fixture
def scratch_database():
    db = connection.settings_dict
    name = f"{db['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    server = ["-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"]]
    subprocess.run(["createdb", *server, name], check=True)
    yield name
    subprocess.run(["dropdb", "--if-exists", *server, name], check=True)


def restored_rows(database, query):
    result = subprocess.run(
        ["psql", "-At", *libpq_args(connection.settings_dict, database), "-c", query],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


@pytest.mark.django_db(transaction=True)
def test_backup_restores_the_same_pages_submissions_and_media(
    tmp_path, settings, site, scratch_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "leaflet.pdf").write_bytes(b"%PDF-1.4 leaflet")
    HomePageFactory(parent=site.root_page, title="Restorable page", slug="restorable")
    for model in SIGN_UP_MODELS:
        submission_factory(model).create_batch(2)

    out = StringIO()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().split("Backup written: ")[1].split(" (")[0])
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    restored = tmp_path / "restored"
    with tarfile.open(archive) as bundle:
        bundle.extractall(restored, filter="data")
    subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            *libpq_args(connection.settings_dict, scratch_database),
            str(restored / "database.dump"),
        ],
        check=True,
    )
    from wagtail.models import Page

    titles = restored_rows(scratch_database, "SELECT title FROM wagtailcore_page ORDER BY path")
    assert titles == list(Page.objects.order_by("path").values_list("title", flat=True))
    assert "Restorable page" in titles

    for model in SIGN_UP_MODELS:
        query = f"SELECT name, email, consent_text FROM {model._meta.db_table} ORDER BY id"
        expected = [
            f"{name}|{email}|{consent}"
            for name, email, consent in model.objects.order_by("id").values_list(
                "name", "email", "consent_text"
            )
        ]
        assert len(expected) == 2
        assert restored_rows(scratch_database, query) == expected

    with tarfile.open(restored / "media.tar.gz") as media:
        media.extractall(restored / "media", filter="data")
    assert (restored / "media" / "documents" / "leaflet.pdf").read_bytes() == b"%PDF-1.4 leaflet"
