"""In a real browser: a reviewer opens a sign-up from the listing and reviews it on one screen."""

from django.contrib.auth import get_user_model

from outreach.choices import Status
from tests.factories import AdvocateSignupFactory


def test_reviewer_reads_the_person_beside_the_status_and_saves_a_review(page, live_site):
    get_user_model().objects.create_superuser("director", "d@example.org", "granite lantern 42")
    person = AdvocateSignupFactory(
        name="Keisha Brown",
        interests="families",
        contact_methods="phone",
        times_to_avoid="No calls after 6pm",
    )
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill("director")
    page.get_by_label("Password").fill("granite lantern 42")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_site + "/admin/")

    page.get_by_role("link", name="1 advocate sign-up").click()
    page.get_by_role("link", name="Keisha Brown").click()
    page.wait_for_url(f"{live_site}/admin/outreach/advocates/edit/{person.pk}/")

    warning = page.get_by_text("Safe ways to contact: Phone call. Do not email or text.")
    status = page.locator("#id_status")
    assert warning.is_visible() and status.is_visible()
    # Wide screen: the details sit to the left of the status form, not above it.
    assert (
        warning.bounding_box()["x"] + warning.bounding_box()["width"] < (status.bounding_box()["x"])
    )
    assert page.get_by_text("Supporting families of the missing").is_visible()

    status.select_option(Status.CONTACTED)
    page.get_by_label("Private staff notes").fill("Called Tuesday morning.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("updated").first.wait_for()
    person.refresh_from_db()
    assert (person.status, person.staff_notes) == (Status.CONTACTED, "Called Tuesday morning.")
