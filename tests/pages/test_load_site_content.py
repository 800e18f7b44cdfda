import html
import io
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

import pytest

from pages.models import (
    ConventionPage,
    HomePage,
    InitiativePage,
    LegalFrameworkPage,
    RolePage,
    StandardPage,
)

SOURCE = Path(__file__).resolve().parents[2] / "pages" / "content" / "legal-framework-source.txt"


def load():
    out = io.StringIO()
    call_command("load_site_content", stdout=out)
    return out.getvalue()


def source_sentences():
    """Every sentence, heading and list item of the source text."""
    text = SOURCE.read_text(encoding="utf-8").replace("\xa0", " ")
    sentences = []
    for line in text.splitlines():
        line = line.strip().removeprefix("– ")
        line = re.sub(r"^\d+\.\s+", "", line).rstrip(":")
        for part in line.split(" / "):
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", part) if s.strip()]
    return sentences


def visible_text(markup):
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    # A closing inline tag adds no space: "(877) 876-6722</span></a>." reads "...6722."
    markup = re.sub(r"</(a|span|b|strong|em|i)>", "", markup)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup)).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text)


def published_text():
    client = Client()
    pages = Page.objects.live().filter(depth__gt=1)
    return " ".join(visible_text(client.get(page.url).content.decode()) for page in pages)


@pytest.mark.django_db
def test_loader_builds_the_whole_tree():
    load()
    home = HomePage.objects.get()
    assert home.get_site().root_page.specific == home
    section = LegalFrameworkPage.objects.child_of(home).get()
    children = {}
    for child in section.get_children().specific():
        children.setdefault(type(child), []).append(child.title)
    assert children[ConventionPage] == [
        "Palermo Protocol",
        "Convention on the Rights of the Child",
        "ILO Forced Labour Protocol",
    ]
    assert children[RolePage] == [
        "Governments",
        "Non-governmental organizations (NGOs)",
        "Law enforcement agencies",
    ]
    assert children[InitiativePage] == [
        "Blue Heart Campaign",
        "GLO.ACT",
        "US Trafficking in Persons (TIP) Report",
    ]
    assert set(StandardPage.objects.child_of(home).values_list("title", flat=True)) >= {
        "About NMPAA",
        "Partner with us",
        "Privacy notice",
        "Accessibility statement",
    }
    for page in Page.objects.filter(depth__gt=1).specific():
        assert page.live, page.title
        assert page.search_description, f"{page.title} has no search description"


@pytest.mark.django_db
def test_every_sentence_of_the_source_is_published():
    load()
    text = published_text()
    missing = [s for s in source_sentences() if s not in text]
    assert missing == []


@pytest.mark.django_db
def test_second_run_changes_nothing():
    first = load()
    revisions = {page.pk: page.revisions.count() for page in Page.objects.all()}
    second = load()
    assert "created" in first
    assert all(line.startswith("unchanged") for line in second.splitlines())
    assert len(second.splitlines()) == len(first.splitlines())
    assert {page.pk: page.revisions.count() for page in Page.objects.all()} == revisions


@pytest.mark.django_db
def test_loader_never_overwrites_a_page_staff_edited():
    load()
    editor = get_user_model().objects.create_superuser("editor", password="x" * 16)
    page = ConventionPage.objects.get(slug="palermo-protocol")
    page.summary = "Rewritten by our staff."
    page.save_revision(user=editor).publish(user=editor)

    output = load()

    page.refresh_from_db()
    assert page.summary == "Rewritten by our staff."
    assert "kept (edited by staff)" in output
    assert "palermo-protocol" in next(
        line for line in output.splitlines() if line.startswith("kept")
    )


@pytest.mark.django_db
def test_loader_restores_a_deleted_page():
    load()
    Page.objects.get(slug="glo-act").delete()
    output = load()
    assert InitiativePage.objects.filter(slug="glo-act", live=True).exists()
    assert any(line.startswith("created") and "glo-act" in line for line in output.splitlines())
