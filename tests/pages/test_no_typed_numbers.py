"""No phone number is typed into a template or the loaded content: each comes from a help line."""

import re
from pathlib import Path

from django.conf import settings

import pytest

from core.contacts import BUILT_IN

# A US number written any usual way (1-800-843-5678, (877) 876-6722, +18883737888,
# 1-800-THE-LOST, (877) US-NMPAA), an emergency number ("call 911"), a text short code.
PHONE_PATTERNS = [
    re.compile(r"\+?1?[\s.-]?\(?\b[2-9]\d{2}\)?[\s.-]?[0-9A-Z]{3}[\s.-]?[0-9A-Z]{4}\b"),
    re.compile(r"\+\d{8,15}"),
    re.compile(r"\b8(00|88|77|66|55|44|33)\)?[\s.-]+[A-Z0-9][A-Z0-9-]{6,8}\b"),  # toll-free vanity
    re.compile(r"\b(call|dial|text|phone)\s+(us\s+on\s+)?\d{3,6}\b", re.I),
    re.compile(r"\b911\b"),
    re.compile(r"\b\d{5,6}\b(?=[^<]*\b(text|sms)\b)", re.I),
]
# Digits that are not phone numbers: years, resolutions, ids in official URLs.
NOT_PHONES = re.compile(r"https?://\S+|\b(19|20)\d{2}\b")


def stray_numbers(text):
    text = NOT_PHONES.sub(" ", text)
    found = []
    for pattern in PHONE_PATTERNS:
        found += [match.group(0) for match in pattern.finditer(text)]
    return [number for number in found if re.search(r"\d", number)]


def files_to_scan():
    base = Path(settings.BASE_DIR)
    yield from sorted((base / "templates").rglob("*.html"))
    yield from sorted((base / "pages" / "content").glob("*.toml"))


@pytest.mark.parametrize("path", list(files_to_scan()), ids=lambda path: path.name)
def test_no_phone_number_is_typed_into_templates_or_content(path):
    assert stray_numbers(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "text",
    [
        "call 911 now",
        "Call us on (877) 876-6722.",
        "1-800-THE-LOST",
        '<a href="tel:+18883737888">',
        "or text 233733",
    ],
)
def test_the_scan_finds_numbers_written_in_any_usual_way(text):
    assert stray_numbers(text) != []


def test_the_scan_finds_every_built_in_help_number():
    for line in BUILT_IN:
        assert stray_numbers(f"Call {line.shown}"), line.slug


def test_years_and_official_web_addresses_are_not_numbers():
    text = "Adopted in 2000, see https://www.ilo.org/dyn/normlex/en/f?p=1000:11300:0::NO:11300:P1"
    assert stray_numbers(text) == []
