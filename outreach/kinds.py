"""The kinds of sign-up form: one entry per kind, from which the rest is derived.

A kind is its stored key, the label editors choose on a sign-up page, its model (the rows),
its form, its admin viewset (menu entry, columns, filters, export) and the fields the
retention command blanks. The page's kind choices, the admin menu and dashboard, the
notification task, the retention command and the tests all read KINDS.

Adding a kind: its model (submission_models.py) and form (forms.py), its viewset and entry
here, then `makemigrations`, and a data migration giving the reviewers group its permissions
(as 0002 does for the first three; migrations are frozen, so that one cannot read KINDS).
"""

from dataclasses import dataclass

import django_filters

from .admin_views import SubmissionPermissionPolicy, SubmissionViewSet, submission_filterset
from .choices import ADVOCATE_INTERESTS, AUDIENCES, COLLABORATION_AREAS, ORGANISATION_TYPES
from .forms import AdvocateForm, PartnerForm, SignUpForm, TrainingForm
from .submission_models import AdvocateSignup, PartnerSignup, Submission, TrainingRequest

# Staff who review sign-ups: view and change of every kind (migration 0002), and 2FA always.
REVIEWERS_GROUP = "Outreach reviewers"


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


@dataclass(frozen=True)
class Kind:
    key: str  # stored in SignUpPage.form_kind and named in logs: never change it
    label: str  # what an editor chooses on a sign-up page
    model: type[Submission]
    form: type[SignUpForm]
    viewset: type[SubmissionViewSet]
    # Its own fields that `purge_outreach_submissions --anonymise` blanks, besides the shared ones.
    personal_fields: tuple[str, ...]

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
)

CHOICES = [(kind.key, kind.label) for kind in KINDS]
_BY_KEY = {kind.key: kind for kind in KINDS}
# Notifications queued before they named the model carry the kind's key; both are accepted.
_BY_MODEL_LABEL = _BY_KEY | {kind.model_label: kind for kind in KINDS}


def get(key):
    return _BY_KEY[key]


def for_model_label(label):
    return _BY_MODEL_LABEL[label]
