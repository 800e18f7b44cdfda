"""Good and hostile input, table-driven over the three forms."""

import re

import pytest

from outreach import kinds
from tests.outreach.helpers import CONFIRMING_KEYS, KIND_KEYS, VALID_DATA

pytestmark = pytest.mark.django_db


def bound_form(kind, **changes):
    data = dict(VALID_DATA[kind])
    data.update(changes)
    return kinds.get(kind).form(data={k: v for k, v in data.items() if v is not None})


@pytest.mark.parametrize("kind", KIND_KEYS)
def test_valid_data_is_accepted_for_every_form(kind):
    form = bound_form(kind)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("kind", "field", "value", "message"),
    [
        ("advocate", "email", "not-an-email", "Enter an email address like"),
        ("advocate", "email", "a@b", "Enter an email address like"),
        ("advocate", "phone", "12", "Enter a phone number like"),
        ("advocate", "phone", "555-CALL-NOW-NOW", "Enter a phone number like"),
        ("advocate", "name", "x" * 151, "at most 150 characters"),
        ("advocate", "name", "Ada\x00Lovelace", "Null characters are not allowed"),
        ("advocate", "message", "y" * 3001, "at most 3000 characters"),
        ("advocate", "city", "Balti\ufffdmore", "characters we could not read"),
        ("advocate", "interests", ["hacking"], "Select a valid choice"),
        ("advocate", "interests", None, "Choose at least one way to help."),
        ("advocate", "contact_methods", None, "Choose at least one safe way"),
        ("advocate", "consent", None, "Tick the box to agree"),
        ("advocate", "state", "ZZ", "Select a valid choice"),
        ("advocate", "name", "", "Enter your name."),
        ("partner", "website", "not a url", "Enter a web address like"),
        ("partner", "website", "javascript:alert(1)", "Enter a web address like"),
        ("partner", "organisation_type", None, "Choose the type of organization."),
        ("partner", "areas", None, "Choose at least one area."),
        ("training", "expected_attendees", "lots", "as a whole number"),
        ("training", "expected_attendees", "0", "of 1 or more"),
        ("training", "expected_attendees", "999999", "please call us"),
        ("training", "address", "", "Enter the address where the session"),
        ("training", "delivery", "by-pigeon", "Select a valid choice"),
        ("training", "audiences", None, "Choose at least one audience."),
    ],
)
def test_bad_input_gets_a_specific_error_on_its_field(kind, field, value, message):
    form = bound_form(kind, **{field: value})
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


@pytest.mark.parametrize(
    ("kind", "field", "typed", "stored"),
    [
        ("advocate", "email", "  Ada@Example.ORG ", "Ada@example.org"),
        ("advocate", "phone", "(212) 555-0100", "+12125550100"),
        ("advocate", "phone", "+44 20 7946 0958", "+442079460958"),
        ("advocate", "interests", ["outreach", "events"], "outreach,events"),
        ("partner", "website", "grace.example.org", "https://grace.example.org"),
        ("advocate", "message", "<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("advocate", "name", "Zoë O'Brien-Ñúñez 李", "Zoë O'Brien-Ñúñez 李"),
        ("training", "delivery", "online", "online"),
    ],
)
def test_good_input_is_normalised_or_kept_exactly(kind, field, typed, stored):
    changes = {field: typed}
    if field == "delivery":
        changes["address"] = ""
    form = bound_form(kind, **changes)
    assert form.is_valid(), form.errors
    instance = form.save(commit=False)
    assert str(getattr(instance, field)) == stored


def test_online_training_needs_no_address():
    assert bound_form("training", delivery="online", address="").is_valid()


def test_every_optional_field_says_so_in_its_label():
    form = kinds.get("partner").form()
    for name in ["website", "role", "phone", "message", "times_to_avoid"]:
        assert "(optional)" in form.fields[name].label
    assert "(optional)" not in form.fields["email"].label


def test_the_phone_error_example_is_a_number_the_form_accepts():
    message = bound_form("advocate", phone="12").errors["phone"][0]
    example = re.search(r"like (.+?), or", message).group(1)
    form = bound_form("advocate", phone=example)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("kind", CONFIRMING_KEYS)
def test_a_confirmation_email_needs_email_to_be_a_safe_way(kind):
    form = bound_form(kind, contact_methods=["phone"], wants_confirmation="on")
    assert not form.is_valid()
    assert "Email is not ticked as a safe way to contact you" in " ".join(
        form.errors["wants_confirmation"]
    )
    assert bound_form(kind, contact_methods=["phone"], wants_confirmation=None).is_valid()
    assert bound_form(kind, contact_methods=["email"], wants_confirmation="on").is_valid()
