"""The "Appeals approvers" group and the appeals workflow: automatic checks, then approval
by a member of the group who did not submit the appeal."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from appeals.names import APPROVAL_TASK, APPROVERS_GROUP, CHECKS_TASK, WORKFLOW

RECORDS = ["consentrecord", "policeverification", "appealclosure"]


def approver_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}" for model in RECORDS for action in ("view", "add", "change", "delete")
    ]
    records = Permission.objects.filter(content_type__app_label="appeals", codename__in=codenames)
    admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    return list(records) + list(admin)


def task(apps, model_name, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="appeals", model=model_name)
    model = apps.get_model("appeals", model_name)
    found, _ = model.objects.get_or_create(name=name, defaults={"content_type": content_type})
    return found


def create(apps, schema_editor):
    app_config = apps.get_app_config("appeals")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=APPROVERS_GROUP)
    group.permissions.set(approver_permissions(apps))

    checks = task(apps, "appealcheckstask", CHECKS_TASK)
    approval = task(apps, "appealapprovaltask", APPROVAL_TASK)
    approval.groups.set([group])
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    for order, step in enumerate([checks, approval]):
        WorkflowTask.objects.get_or_create(workflow=workflow, task=step, defaults={"sort_order": order})


def remove(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(
        name__in=[CHECKS_TASK, APPROVAL_TASK]
    ).delete()
    apps.get_model("auth", "Group").objects.filter(name=APPROVERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0002_workflow_tasks"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create, remove)]
