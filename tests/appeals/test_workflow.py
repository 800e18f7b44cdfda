"""Publishing an appeal: checks first, then a second person from the approvers group."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from appeals.names import APPROVERS_GROUP
from tests.appeals.factories import (
    AppealPageFactory,
    ConsentRecordFactory,
    PoliceVerificationFactory,
)

pytestmark = pytest.mark.django_db


def staff(django_user_model, username, approver=False):
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if approver:
        user.groups.add(Group.objects.get(name=APPROVERS_GROUP))
    return user


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, "editor", approver=True)


@pytest.fixture
def second_approver(django_user_model):
    return staff(django_user_model, "second")


@pytest.fixture
def draft(appeal_index, editor):
    return AppealPageFactory(
        parent=appeal_index, title="Example Draft", publish=False, owner=editor
    )


def with_records(page):
    ConsentRecordFactory(appeal=page)
    PoliceVerificationFactory(appeal=page)
    return page


def submit(page, user):
    return page.get_workflow().start(page, user)


def test_an_appeal_without_consent_is_sent_back_with_the_reason(draft, editor):
    PoliceVerificationFactory(appeal=draft)
    state = submit(draft, editor)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "There is no consent record" in state.current_task_state.comment
    draft.refresh_from_db()
    assert not draft.live


def test_consent_for_print_only_and_missing_verification_are_both_named(draft, editor):
    ConsentRecordFactory(appeal=draft, scope_web=False, scope_print=True)
    state = submit(draft, editor)
    comment = state.current_task_state.comment
    assert "does not cover this website" in comment
    assert "There is no police verification" in comment


def test_the_submitter_cannot_approve_their_own_appeal(draft, editor):
    state = submit(with_records(draft), editor)
    task_state = state.current_task_state
    assert task_state.task.specific.get_actions(draft, editor) == []
    with pytest.raises(Exception, match="other than the author"):
        task_state.task.specific.on_action(task_state, editor, "approve")
    draft.refresh_from_db()
    assert not draft.live


def test_a_second_approver_publishes_the_appeal(draft, editor, second_approver):
    second_approver.groups.add(Group.objects.get(name=APPROVERS_GROUP))
    state = submit(with_records(draft), editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, second_approver, "approve")
    draft.refresh_from_db()
    assert draft.live


def test_someone_outside_the_group_cannot_approve(draft, editor, second_approver):
    state = submit(with_records(draft), editor)
    assert state.current_task_state.task.specific.get_actions(draft, second_approver) == []
    assert not draft.permissions_for_user(second_approver).can_publish()


def test_nobody_can_publish_an_appeal_directly(draft, editor, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", password="x")
    with_records(draft)
    for user in (editor, boss):
        assert not draft.permissions_for_user(user).can_publish()
    assert not draft.get_parent().permissions_for_user(boss).can_publish_subpage()


def test_the_publish_button_in_the_admin_saves_only_a_draft(client, draft, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", password="x")
    with_records(draft)
    client.force_login(boss)
    photo = draft.photo
    data = nested_form_data(
        {
            "title": "Example Draft",
            "slug": draft.slug,
            "age_then": 15,
            "sex": "female",
            "race_ethnicity": "Example",
            "height_inches": 64,
            "weight_pounds": 120,
            "hair": "Black",
            "eyes": "Brown",
            "last_seen_on": "2025-06-01",
            "last_seen_city": "Exampleville",
            "last_seen_state": "TX",
            "circumstances": "Made up.",
            "agency_name": "Example County Sheriff's Office",
            "agency_phone": "+12025550123",
            "agency_case_number": "EX-1",
            "photos": inline_formset(
                [
                    {
                        "id": photo.pk,
                        "image": photo.image_id,
                        "alt_text": "Example",
                        "taken_on": "2025-01-01",
                        "rights_holder": "Example family",
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302  # saved, not refused for bad input
    draft.refresh_from_db()
    assert not draft.live
    assert draft.revisions.count() == 2  # kept as a draft


def test_editors_can_open_the_add_form_and_approvers_see_close_this_appeal(
    client, appeal_index, editor, django_user_model
):
    boss = django_user_model.objects.create_superuser("boss", password="x")
    client.force_login(boss)
    add = client.get(f"/admin/pages/add/appeals/appealpage/{appeal_index.pk}/")
    assert add.status_code == 200
    assert "Consent and verification" not in add.content.decode()  # records live elsewhere
    appeal = AppealPageFactory(parent=appeal_index)
    assert "Close this appeal" in client.get(f"/admin/pages/{appeal.pk}/").content.decode()
