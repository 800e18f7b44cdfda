"""Each form kind is declared once in outreach.kinds, and every part that needs it agrees."""

import importlib

from django.db import models

import pytest

from outreach.kinds import KINDS
from outreach.models import SignUpPage
from tests.factories import submission_factory
from tests.outreach.helpers import VALID_DATA

purge = importlib.import_module("outreach.management.commands.purge_outreach_submissions")

# Fixed wording, or codes from fixed lists: nothing a person typed about themselves.
NOT_PERSONAL = {"consent_text", "privacy_notice_version", "contact_methods"}


def kind_id(kind):
    return kind.key


@pytest.mark.parametrize("kind", KINDS, ids=kind_id)
def test_a_kind_form_admin_and_tests_all_use_its_model(kind):
    assert kind.form._meta.model is kind.model
    assert kind.viewset.model is kind.model
    assert submission_factory(kind.model)._meta.model is kind.model
    assert kind.key in VALID_DATA


def test_editors_choose_from_exactly_the_declared_kinds():
    choices = SignUpPage._meta.get_field("form_kind").choices
    assert choices == [(kind.key, kind.label) for kind in KINDS]


@pytest.mark.parametrize("kind", KINDS, ids=kind_id)
def test_the_retention_command_blanks_every_field_a_person_typed(kind):
    typed = {
        field.name
        for field in kind.model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not hasattr(kind.model, f"{field.name}_display")  # codes from a fixed list
    }
    assert typed - NOT_PERSONAL <= set(purge.anonymised(kind))
