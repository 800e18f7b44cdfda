"""The sign-up forms, one per kind (kinds.py).

Every field has a maximum length; what is stored is what was typed. Over 300 lines because
the four forms' wording and cross-field checks sit beside the base they share.
"""

import copy

from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.utils import timezone

from phonenumber_field.formfields import PhoneNumberField

from .choices import (
    ADVOCATE_INTERESTS,
    AUDIENCES,
    COLLABORATION_AREAS,
    CONTACT_METHODS,
    DELIVERY_MODES,
    FAMILY_HELP,
    LANGUAGES,
)
from .submission_models import AdvocateSignup, FamilyHelpRequest, PartnerSignup, TrainingRequest

GROUP_WIDGETS = {"checkboxselectmultiple", "radioselect"}
UNREADABLE = "\ufffd"  # what Django puts in place of bytes that are not valid UTF-8
# Autofill purposes (WCAG 1.3.5), so a browser can fill in what it already knows.
AUTOCOMPLETE = {
    "name": "name",
    "organisation": "organization",
    "role": "organization-title",
    "website": "url",
    "email": "email",
    "phone": "tel",
    "city": "address-level2",
    "state": "address-level1",
}

COMMON_FIELDS = [
    "email",
    "phone",
    "city",
    "state",
    "contact_methods",
    "times_to_avoid",
    "message",
    "wants_confirmation",
]


def choices_field(choices, label, required_message, help_text=""):
    return forms.MultipleChoiceField(
        choices=choices,
        label=label,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": required_message},
    )


class SignUpForm(forms.ModelForm):
    """Fields, checks and accessible markup every sign-up shares."""

    CONSENT_TEXT = (
        "I agree that NMPAA may keep these details and contact me about this request, "
        "as the privacy notice explains."
    )
    MULTI_FIELDS = ["contact_methods"]
    REQUIRED_MESSAGES = {"state": 'Choose your state, or "Outside the United States".'}

    phone = PhoneNumberField(
        region="US",
        required=False,
        label="Phone number (optional)",
        help_text="A US number, or + and the country code for a number outside the US.",
        error_messages={
            "invalid": "Enter a phone number like (212) 555-0100, or + and the country code."
        },
    )
    contact_methods = choices_field(
        CONTACT_METHODS,
        "How is it safe to contact you?",
        "Choose at least one safe way to contact you.",
        "Choose every way that is safe. We will use only these.",
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": "Tick the box to agree, so we are allowed to contact you."},
    )

    def __init__(self, *args, **kwargs):
        # The wording below is the same for every instance: worked out once per form class,
        # not on every request (Django still copies the fields for each form).
        cls = type(self)
        if not cls.__dict__.get("_fields_worded"):
            cls.base_fields = cls._worded(copy.deepcopy(cls.base_fields))
            cls._fields_worded = True
        super().__init__(*args, **kwargs)

    @classmethod
    def _worded(cls, fields):
        if "wants_confirmation" in fields:  # not offered to families
            fields["wants_confirmation"].label = "Send me an email to confirm you received this"
            fields["wants_confirmation"].help_text = (
                "Only if email is a safe way to contact you. Leave it unticked if someone else "
                "can read your email."
            )
        fields["times_to_avoid"].help_text = (cls._meta.help_texts or {}).get(
            "times_to_avoid", "For example: no calls after 6pm, no voicemail, do not text."
        )
        fields["email"].label = "Email address"
        default_required = forms.Field.default_error_messages["required"]
        for name, field in fields.items():
            if name in cls.REQUIRED_MESSAGES:
                field.error_messages["required"] = cls.REQUIRED_MESSAGES[name]
            elif field.error_messages.get("required") == default_required:
                field.error_messages["required"] = f"Enter {field.label.lower()}."
            is_checkbox = isinstance(field.widget, forms.CheckboxInput)
            if not field.required and not is_checkbox and "(optional)" not in field.label:
                field.label = f"{field.label} (optional)"
        fields["email"].error_messages["invalid"] = "Enter an email address like name@example.com."
        for name, field in fields.items():
            if name in AUTOCOMPLETE:
                field.widget.attrs["autocomplete"] = AUTOCOMPLETE[name]
            # A drop-down's empty first option says what to do, not "---------".
            if type(field.widget) is forms.Select and field.choices and field.choices[0][0] == "":
                field.choices = [("", "Choose one"), *field.choices[1:]]
        return fields

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and UNREADABLE in value:
                self.add_error(
                    name, "This contains characters we could not read. Please type it again."
                )
        methods = cleaned.get("contact_methods")
        if cleaned.get("wants_confirmation") and methods is not None and "email" not in methods:
            self.add_error(
                "wants_confirmation",
                "Email is not ticked as a safe way to contact you. Tick Email above if it is "
                "safe, or untick this box.",
            )
        return cleaned

    def clean_email(self):
        return BaseUserManager.normalize_email(self.cleaned_data["email"])

    def _post_clean(self):
        for name in self.MULTI_FIELDS:
            if isinstance(self.cleaned_data.get(name), list):
                self.cleaned_data[name] = ",".join(self.cleaned_data[name])
        super()._post_clean()

    # Markup helpers for the templates (ids follow the site's form-markup contract).

    def describe_fields(self):
        """Point every input at its hint and error, so screen readers read them together."""
        for bound in self:
            ids = []
            if bound.help_text:
                ids.append(f"{bound.auto_id}-hint")
            if bound.errors:
                ids.append(f"{bound.auto_id}-error")
                bound.field.widget.attrs["aria-invalid"] = "true"
            # Kept on the field too: a checkbox group's fieldset is described the same way.
            bound.field.described_by = " ".join(ids)
            if ids:
                bound.field.widget.attrs["aria-describedby"] = bound.field.described_by
        return self

    def error_summary(self):
        """(anchor id, message) for every error, in the order the fields appear."""
        summary = [("", error) for error in self.non_field_errors()]
        for bound in self:
            anchor = bound.auto_id
            if bound.widget_type in GROUP_WIDGETS:
                anchor = f"{bound.auto_id}_0"
            summary.extend((anchor, error) for error in bound.errors)
        return summary


class AdvocateForm(SignUpForm):
    MULTI_FIELDS = ["contact_methods", "interests"]

    interests = choices_field(
        ADVOCATE_INTERESTS, "Ways you would like to help", "Choose at least one way to help."
    )

    class Meta:
        model = AdvocateSignup
        fields = [
            "name",
            *COMMON_FIELDS[:4],
            "interests",
            "languages",
            "availability",
            *COMMON_FIELDS[4:],
        ]
        labels = {"name": "Your name", "languages": "Languages you speak"}
        help_texts = {"availability": "For example: weekday evenings, one Saturday a month."}


class PartnerForm(SignUpForm):
    MULTI_FIELDS = ["contact_methods", "areas"]
    REQUIRED_MESSAGES = SignUpForm.REQUIRED_MESSAGES | {
        "organisation_type": "Choose the type of organization."
    }

    areas = choices_field(
        COLLABORATION_AREAS, "Areas of collaboration", "Choose at least one area."
    )
    website = forms.URLField(
        required=False,
        max_length=300,
        assume_scheme="https",
        label="Website (optional)",
        error_messages={"invalid": "Enter a web address like https://example.org."},
    )

    class Meta:
        model = PartnerSignup
        fields = [
            "organisation",
            "organisation_type",
            "website",
            "name",
            "role",
            *COMMON_FIELDS[:4],
            "areas",
            *COMMON_FIELDS[4:],
        ]
        labels = {"role": "Contact's role (optional)"}


class TrainingForm(SignUpForm):
    MULTI_FIELDS = ["contact_methods", "audiences"]
    REQUIRED_MESSAGES = SignUpForm.REQUIRED_MESSAGES | {"delivery": "Choose in person or online."}

    audiences = choices_field(AUDIENCES, "Who is the audience?", "Choose at least one audience.")
    expected_attendees = forms.IntegerField(
        label="How many people do you expect?",
        min_value=1,
        max_value=5000,
        error_messages={
            "required": "Enter how many people you expect.",
            "invalid": "Enter the number of people as a whole number, like 30.",
            "min_value": "Enter a number of people of 1 or more.",
            "max_value": "For more than 5,000 people, please call us.",
        },
    )
    delivery = forms.ChoiceField(
        choices=DELIVERY_MODES, widget=forms.RadioSelect, label="In person or online?"
    )

    class Meta:
        model = TrainingRequest
        fields = [
            "organisation",
            "name",
            "role",
            *COMMON_FIELDS[:4],
            "audiences",
            "expected_attendees",
            "preferred_dates",
            "delivery",
            "address",
            *COMMON_FIELDS[4:],
        ]
        labels = {"role": "Your role (optional)", "address": "Address (for in-person sessions)"}
        help_texts = {"preferred_dates": "A few dates or weeks that would suit you."}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("delivery") == "in_person" and not cleaned.get("address"):
            self.add_error("address", "Enter the address where the session would take place.")
        return cleaned


class FamilyHelpForm(SignUpForm):
    """A family asks for help: only what a caseworker needs to call back safely."""

    MULTI_FIELDS = ["contact_methods", "help_wanted"]
    REQUIRED_MESSAGES = SignUpForm.REQUIRED_MESSAGES | {
        "preferred_language": "Choose English or Spanish.",
        "voicemail_allowed": "Say whether we may leave a voicemail.",
        "state": 'Choose the state they were last seen in, or "Outside the United States".',
    }

    preferred_language = forms.ChoiceField(
        choices=LANGUAGES, widget=forms.RadioSelect, label="Which language should we use?"
    )
    voicemail_allowed = forms.TypedChoiceField(
        choices=[("yes", "Yes, you may leave a voicemail"), ("no", "No voicemail")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label="May we leave a voicemail?",
    )
    missing_age = forms.IntegerField(
        label="Their age",
        min_value=0,
        max_value=120,
        error_messages={
            "required": "Enter their age, or your best guess.",
            "invalid": "Enter their age as a whole number, like 16.",
            "min_value": "Enter an age between 0 and 120.",
            "max_value": "Enter an age between 0 and 120.",
        },
    )
    last_seen_on = forms.DateField(
        label="Date they were last seen",
        help_text="For example: 03/15/2026.",
        input_formats=["%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y"],
        widget=forms.DateInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the date they were last seen.",
            "invalid": "Enter the date like 03/15/2026 (month, day, year).",
        },
    )
    help_wanted = choices_field(
        FAMILY_HELP, "What help would you like?", "Choose at least one kind of help."
    )

    class Meta:
        model = FamilyHelpRequest
        fields = [
            "name",
            "relationship",
            "email",
            "phone",
            "contact_methods",
            "times_to_avoid",
            "voicemail_allowed",
            "preferred_language",
            "missing_first_name",
            "missing_age",
            "city",
            "state",
            "last_seen_on",
            "police_agency",
            "police_report_number",
            "police_refused",
            "ncic_number",
            "namus_number",
            "ncmec_number",
            "help_wanted",
            "police_contact_allowed",
            "message",
        ]
        labels = {
            "name": "Your name",
            "relationship": "How are you related to the missing person?",
            "missing_first_name": "Their first name",
            "city": "City where they were last seen",
            "state": "State where they were last seen",
            "police_agency": "Police agency that took the report",
            "police_report_number": "Police report number",
            "police_refused": "The police would not take a report",
            "ncic_number": "NCIC number",
            "namus_number": "NamUs case number",
            "ncmec_number": "NCMEC case number",
            "police_contact_allowed": "NMPAA may contact the police agency about this case",
            "message": "Anything else we should know",
        }
        help_texts = {
            "relationship": "For example: mother, brother, friend.",
            "missing_first_name": "Their first name only. We do not need their last name.",
            "times_to_avoid": "For example: call only after 5pm, do not call at work.",
        }

    # A heading before the first field of each part (sign_up_page.html shows it).
    SECTIONS = {
        "name": "About you",
        "missing_first_name": "About the person who is missing",
        "police_agency": "The police report",
        "help_wanted": "How we can help",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address (optional)"
        self.fields["email"].help_text = "Give an email address or a phone number, or both."
        # Needed unless the police would not take a report, so not marked "(optional)".
        self.fields["police_agency"].label = "Police agency that took the report"
        self.fields["police_report_number"].label = "Police report number"
        self.fields[
            "police_report_number"
        ].help_text = "If the police would not take a report, tick the box below instead."
        for name, heading in self.SECTIONS.items():
            self.fields[name].section_heading = heading

    def clean(self):
        cleaned = super().clean()
        typed_one = self.has_error("email") or self.has_error("phone")
        if not typed_one and not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error(
                "email", "Enter an email address or a phone number, so we can reach you."
            )
        report = cleaned.get("police_report_number")
        if not report and not cleaned.get("police_refused"):
            self.add_error(
                "police_report_number",
                "Enter the police report number, or tick “The police would not take a report”.",
            )
        if report and not cleaned.get("police_agency"):
            self.add_error("police_agency", "Enter the police agency that took the report.")
        return cleaned

    def clean_last_seen_on(self):
        day = self.cleaned_data["last_seen_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date last seen cannot be in the future.")
        return day
