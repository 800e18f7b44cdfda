"""The database cache's table, so that `migrate` alone readies a site without Redis."""

from django.core.management import call_command
from django.db import migrations

# settings.CACHE_TABLE; a literal here, as a migration must not change with settings.
TABLE = "nmpaa_cache"


def create_table(apps, schema_editor):
    # Does nothing if the table is already there (e.g. made by `createcachetable`).
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_table, drop_table, elidable=False)]
