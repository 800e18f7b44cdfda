"""Today's help numbers become live help lines, and changing one needs two people.

The numbers come from the default site's Site settings where a site has them (staff may have
changed them), else from the built-in lines. Nobody has checked them against a source in
the new sense yet, so none has a "last verified" date: they all start in the overdue report.
Makes the "Help line verifiers" group and the "Help line approval" workflow for help lines.
"""

from django.db import migrations

from core.contacts import BUILT_IN
from pages.models.help_lines import VERIFIERS_GROUP

WORKFLOW_NAME = "Help line approval"
TASK_NAME = "A second person checks the change against the source"
OLD_GET_HELP_TEXT = (
    "<p>If you or someone else is in danger now, call 911. "
    "NMPAA is not a law enforcement agency.</p>"
)
NEW_GET_HELP_TEXT = (
    "<p>If you or someone else is in danger now, call the emergency number below. "
    "NMPAA is not a law enforcement agency.</p>"
)
# Site settings fields -> (help line slug, help line field)
FROM_SETTINGS = {
    "emergency_number": [("emergency", "shown"), ("emergency", "dialled")],
    "trafficking_hotline_display": [("trafficking_hotline", "shown")],
    "trafficking_hotline_number": [("trafficking_hotline", "dialled")],
    "trafficking_hotline_text": [("trafficking_hotline", "sms_number")],
    "missing_children_display": [("missing_children", "shown")],
    "missing_children_number": [("missing_children", "dialled")],
    "phone_display": [("nmpaa", "shown")],
    "phone_number": [("nmpaa", "dialled")],
}
LINE_FIELDS = [
    "name",
    "purpose",
    "shown",
    "dialled",
    "sms_number",
    "sms_keyword",
    "hours",
    "languages",
    "website",
    "email",
    "source_url",
]


def content_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="pages", model=model)[0]


def create_help_lines(apps, schema_editor):
    HelpLine = apps.get_model("pages", "HelpLine")
    SiteSettings = apps.get_model("pages", "SiteSettings")
    values = {line.slug: {name: getattr(line, name) for name in LINE_FIELDS} for line in BUILT_IN}
    site_settings = SiteSettings.objects.filter(site__is_default_site=True).first()
    if site_settings is not None:
        for field, targets in FROM_SETTINGS.items():
            for slug, name in targets:
                values[slug][name] = getattr(site_settings, field)
        if site_settings.get_help_text == OLD_GET_HELP_TEXT:
            site_settings.get_help_text = NEW_GET_HELP_TEXT
            site_settings.save(update_fields=["get_help_text"])
    for order, (slug, fields) in enumerate(values.items()):
        if not HelpLine.objects.filter(slug=slug).exists():
            HelpLine.objects.create(
                slug=slug, sort_order=order, live=True, has_unpublished_changes=False, **fields
            )


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    TwoPersonApprovalTask = apps.get_model("pages", "TwoPersonApprovalTask")

    help_line_type = content_type(apps, "helpline")
    verifiers, _ = Group.objects.get_or_create(name=VERIFIERS_GROUP)
    # Verifiers edit and submit; nobody holds "publish": only an approval publishes.
    for action in ("add", "change", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=help_line_type,
            codename=f"{action}_helpline",
            defaults={"name": f"Can {action} help line"},
        )
        verifiers.permissions.add(permission)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access is not None:
        verifiers.permissions.add(admin_access)

    if WorkflowContentType.objects.filter(content_type=help_line_type).exists():
        return
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    task = TwoPersonApprovalTask.objects.create(
        name=TASK_NAME, active=True, content_type=content_type(apps, "twopersonapprovaltask")
    )
    task.groups.add(verifiers)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=help_line_type, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0006_help_lines"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_help_lines, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, migrations.RunPython.noop),
    ]
