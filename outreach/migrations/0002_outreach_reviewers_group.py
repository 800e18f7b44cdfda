"""The "Outreach reviewers" group: admin access, and view and change of the three sign-ups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Outreach reviewers"
MODELS = ["advocatesignup", "partnersignup", "trainingrequest"]


def reviewer_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ("view", "change")]
    outreach = Permission.objects.filter(content_type__app_label="outreach", codename__in=codenames)
    admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    return list(outreach) + list(admin)


def create_reviewers_group(apps, schema_editor):
    # Permissions are normally made after migrating; the group needs them now.
    app_config = apps.get_app_config("outreach")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(reviewer_permissions(apps))


def remove_reviewers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # These give every admin group "choose" permissions; the reviewers need none of them.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_reviewers_group, remove_reviewers_group)]
