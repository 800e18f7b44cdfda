"""The "Family caseworkers" group: admin access, and view and change of family help requests.

Only this group gets them: outreach reviewers and editors never see a family's request.
Frozen like 0002 (a migration cannot read outreach.kinds).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Family caseworkers"
CODENAMES = ["view_familyhelprequest", "change_familyhelprequest"]


def create_caseworkers_group(apps, schema_editor):
    # Permissions are normally made after migrating; the group needs them now.
    app_config = apps.get_app_config("outreach")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="outreach", codename__in=CODENAMES
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(permissions)


def remove_caseworkers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("outreach", "0005_family_help_request")]

    operations = [migrations.RunPython(create_caseworkers_group, remove_caseworkers_group)]
