"""The kinds of sign-up form: one entry per kind, from which the rest is derived.

A kind is its stored key, the label editors choose on a sign-up page, its model (the rows),
its form, its admin viewset (menu entry, columns, filters, export) and the fields the
retention command blanks. The page's kind choices, the admin menu and dashboard, the
notification task, the retention command and the tests all read KINDS. Over 300 lines because
each kind's admin viewset (columns, filters, export) sits beside its entry, so a kind reads
in one file.

Adding a kind: its model (submission_models.py) and form (forms.py), its viewset and entry
here, then `makemigrations`, and a data migration giving the reviewers group its permissions
(as 0002 does for the first three; migrations are frozen, so that one cannot read KINDS).
"""

from dataclasses import dataclass

import django_filters

from .admin_views import SubmissionPermissionPolicy, SubmissionViewSet, submission_filterset
from .choices import (
    ADVOCATE_INTERESTS,
    AUDIENCES,
    CLOSE_REASONS,
    COLLABORATION_AREAS,
    FAMILY_HELP,
    ORGANISATION_TYPES,
)
from .forms import AdvocateForm, FamilyHelpForm, PartnerForm, SignUpForm, TrainingForm
from .submission_models import (
    AdvocateSignup,
    FamilyHelpRequest,
    PartnerSignup,
    Submission,
    TrainingRequest,
)

# Staff who review sign-ups: view and change of their kinds (migration 0002), and 2FA always.
REVIEWERS_GROUP = "Outreach reviewers"
# Staff who work family help requests, and only they (migration 0006), with 2FA always.
CASEWORKERS_GROUP = "Family caseworkers"


class AdvocateSignupViewSet(SubmissionViewSet):
    model = AdvocateSignup
    url_prefix = "outreach/advocates"
    url_namespace = "outreach_advocates"
    menu_label = "Advocates"
    icon = "user"
    list_display = [
        "name",
        "city",
        "state",
        "interests_display",
        "status",
        "notification_state",
        "possible_duplicate",
        "created_at",
    ]
    list_export = ["name", "interests_display", "languages", "availability"] + (
        SubmissionViewSet.common_export
    )
    review_fields = [
        "name",
        "email",
        "phone",
        "city",
        "state",
        "interests",
        "languages",
        "availability",
        "message",
    ]
    search_fields = ["name", "email", "city"]
    filterset_class = submission_filterset(AdvocateSignup, "interests", ADVOCATE_INTERESTS)
    export_filename = "advocate-sign-ups"


class PartnerSignupViewSet(SubmissionViewSet):
    model = PartnerSignup
    url_prefix = "outreach/partners"
    url_namespace = "outreach_partners"
    menu_label = "Partners"
    icon = "group"
    list_display = [
        "organisation",
        "name",
        "organisation_type",
        "state",
        "status",
        "notification_state",
        "possible_duplicate",
        "created_at",
    ]
    list_export = [
        "organisation",
        "get_organisation_type_display",
        "website",
        "name",
        "role",
        "areas_display",
    ] + SubmissionViewSet.common_export
    review_fields = [
        "name",
        "role",
        "organisation",
        "organisation_type",
        "website",
        "email",
        "phone",
        "city",
        "state",
        "areas",
        "message",
    ]
    search_fields = ["organisation", "name", "email", "city"]
    filterset_class = submission_filterset(
        PartnerSignup,
        "areas",
        COLLABORATION_AREAS,
        extra=[
            (
                "organisation_type",
                django_filters.ChoiceFilter(label="Type", choices=ORGANISATION_TYPES),
            )
        ],
    )
    export_filename = "partner-sign-ups"


class TrainingRequestViewSet(SubmissionViewSet):
    model = TrainingRequest
    url_prefix = "outreach/training-requests"
    url_namespace = "outreach_training_requests"
    menu_label = "Training requests"
    icon = "calendar"
    list_display = [
        "organisation",
        "audiences_display",
        "expected_attendees",
        "status",
        "created_at",
    ]
    list_export = [
        "organisation",
        "name",
        "role",
        "audiences_display",
        "expected_attendees",
        "preferred_dates",
        "get_delivery_display",
        "address",
    ] + SubmissionViewSet.common_export
    review_fields = [
        "name",
        "role",
        "organisation",
        "email",
        "phone",
        "city",
        "state",
        "audiences",
        "expected_attendees",
        "preferred_dates",
        "delivery",
        "address",
        "message",
    ]
    search_fields = ["organisation", "name", "email", "city"]
    filterset_class = submission_filterset(TrainingRequest, "audiences", AUDIENCES)
    export_filename = "training-requests"


class FamilyHelpRequestViewSet(SubmissionViewSet):
    model = FamilyHelpRequest
    url_prefix = "family-requests"
    url_namespace = "family_requests"
    menu_label = "Family requests"
    icon = "help"
    add_to_admin_menu = True
    menu_order = 240
    list_display = [
        "missing_first_name",
        "state",
        "status",
        "assigned_to",
        "next_contact_by",
        "notification_state",
        "created_at",
    ]
    list_export = [
        "name",
        "relationship",
        "get_preferred_language_display",
        "voicemail_allowed",
        "missing_first_name",
        "missing_age",
        "last_seen_on",
        "police_agency",
        "police_report_number",
        "police_refused",
        "ncic_number",
        "namus_number",
        "ncmec_number",
        "help_wanted_display",
        "police_contact_allowed",
        "assigned_to",
        "next_contact_by",
        "get_close_reason_display",
    ] + SubmissionViewSet.common_export
    export_headings = SubmissionViewSet.export_headings | {
        "get_preferred_language_display": "Preferred language",
        "get_close_reason_display": "Reason closed",
    }
    review_fields = ["name", "relationship", "email", "phone", "preferred_language", "message"]
    review_sections = [
        (
            "The missing person",
            ["missing_first_name", "missing_age", "city", "state", "last_seen_on"],
        ),
        (
            "The police report and case numbers",
            [
                "police_agency",
                "police_report_number",
                "police_refused",
                "ncic_number",
                "namus_number",
                "ncmec_number",
            ],
        ),
        ("What they ask for", ["help_wanted", "police_contact_allowed"]),
    ]
    form_fields = ["status", "close_reason", "assigned_to", "next_contact_by", "staff_notes"]
    search_fields = ["name", "email", "missing_first_name", "police_report_number"]
    filterset_class = submission_filterset(
        FamilyHelpRequest,
        "help_wanted",
        FAMILY_HELP,
        extra=[
            (
                "close_reason",
                django_filters.ChoiceFilter(label="Reason closed", choices=CLOSE_REASONS),
            )
        ],
    )
    export_filename = "family-help-requests"


@dataclass(frozen=True)
class Kind:
    key: str  # stored in SignUpPage.form_kind and named in logs: never change it
    label: str  # what an editor chooses on a sign-up page
    model: type[Submission]
    form: type[SignUpForm]
    viewset: type[SubmissionViewSet]
    # Its own fields that `purge_outreach_submissions --anonymise` blanks, besides the shared ones.
    personal_fields: tuple[str, ...]
    # Who may see it: the staff group given its view and change permissions (and 2FA).
    group: str = REVIEWERS_GROUP
    # The setting of how many days a closed one is kept after closing.
    retention_setting: str = "OUTREACH_RETENTION_DAYS"
    # The Site settings field with the address told of a new one.
    notify_field: str = "staff_notification_email"
    # Whether that email carries the safe ways to contact (else only a link to the admin).
    notify_with_contact: bool = True
    # Shown first on its page, before the intro, instead of the usual "not for emergencies".
    urgent_notice: str = ""
    # Listed among the "Get involved" links (volunteering); a request for help is not.
    get_involved: bool = True

    @property
    def model_label(self):
        """'outreach.advocatesignup': how a queued notification names its row's model."""
        return self.model._meta.label_lower

    def allows(self, user, action):
        """Whether `user` may "view" or "change" this kind's sign-ups (its model permissions)."""
        return SubmissionPermissionPolicy(self.model).user_has_permission(user, action)


KINDS = (
    Kind(
        key="advocate",
        label="Become an advocate",
        model=AdvocateSignup,
        form=AdvocateForm,
        viewset=AdvocateSignupViewSet,
        personal_fields=("languages", "availability"),
    ),
    Kind(
        key="partner",
        label="Partner with us",
        model=PartnerSignup,
        form=PartnerForm,
        viewset=PartnerSignupViewSet,
        personal_fields=("organisation", "website", "role"),
    ),
    Kind(
        key="training",
        label="Request a training or talk",
        model=TrainingRequest,
        form=TrainingForm,
        viewset=TrainingRequestViewSet,
        personal_fields=("organisation", "role", "preferred_dates", "address"),
    ),
    Kind(
        key="family",
        label="Family help request",
        model=FamilyHelpRequest,
        form=FamilyHelpForm,
        viewset=FamilyHelpRequestViewSet,
        personal_fields=(
            "relationship",
            "missing_first_name",
            "missing_age",
            "last_seen_on",
            "police_agency",
            "police_report_number",
            "ncic_number",
            "namus_number",
            "ncmec_number",
        ),
        group=CASEWORKERS_GROUP,
        retention_setting="FAMILY_REQUEST_RETENTION_DAYS",
        notify_field="family_caseworkers_email",
        notify_with_contact=False,
        urgent_notice="outreach/includes/family_request_notice.html",
        get_involved=False,
    ),
)
# Every staff group that sees submissions (two_factor.py demands a second factor of each).
GROUPS = tuple(dict.fromkeys(kind.group for kind in KINDS))

CHOICES = [(kind.key, kind.label) for kind in KINDS]
GET_INVOLVED = [kind.key for kind in KINDS if kind.get_involved]
_BY_KEY = {kind.key: kind for kind in KINDS}
# Notifications queued before they named the model carry the kind's key; both are accepted.
_BY_MODEL_LABEL = _BY_KEY | {kind.model_label: kind for kind in KINDS}


def get(key):
    return _BY_KEY[key]


def for_model_label(label):
    return _BY_MODEL_LABEL[label]
