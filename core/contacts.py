"""The organisation's name and its help lines as every page shows them, even with no database.

The help lines themselves are data (pages.HelpLine, changed by two people in the admin). What
is declared here is how a line looks to a template, and the last set the public saw: the
cache, else the file a deploy writes (`manage.py write_help_lines_fallback`), else the
built-in lines below, so an error page drawn with the database down never shows a blank.
The built-in lines are also what the content loader and the first migration start from.
"""

import dataclasses
import datetime
import json
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from . import phone

ORGANISATION_NAME = "National Missing Persons Advocacy Association"
LAST_KNOWN_KEY = "help-lines:last-known"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Line:
    """One help line as the public sees it (no staff names: this is written to a file)."""

    slug: str
    name: str
    shown: str  # "(877) US-NMPAA", "1-800-THE-LOST (1-800-843-5678)", "911"
    dialled: str  # E.164, or a short emergency number (911)
    purpose: str = ""
    sms_number: str = ""
    sms_keyword: str = ""
    hours: str = ""
    languages: str = ""
    website: str = ""
    email: str = ""
    source_url: str = ""
    last_verified_on: str = ""  # ISO date, or "" if nobody has checked it yet

    @property
    def tel_href(self):
        return f"tel:{self.dialled}"

    @property
    def sms_href(self):
        return f"sms:{self.sms_number}" if self.sms_number else ""

    @property
    def digits(self):
        return phone.digits_shown(self.dialled)

    @property
    def shows_digits(self):
        """Whether the shown text already carries the dialled digits (not only letters)."""
        number = phone.parse(self.dialled)
        if number is None:  # 911 and the like: shown as dialled.
            return True
        return str(number.national_number) in re.sub(r"\D", "", self.shown)

    @property
    def shown_with_digits(self):
        """For plain text (emails): "(877) US-NMPAA (877) 876-6722"."""
        return self.shown if self.shows_digits else f"{self.shown} {self.digits}"

    @property
    def checked_on(self):
        return datetime.date.fromisoformat(self.last_verified_on) if self.last_verified_on else None


class Lines:
    """The active lines in order; `lines.nmpaa` (or lines["nmpaa"]) is one of them by slug.

    A slug staff switched off (`hidden`) gives None; a slug with no line at all (a database
    not yet loaded) gives its built-in line, so nothing is left blank by accident.
    """

    def __init__(self, lines, hidden=()):
        self.lines = tuple(lines)
        self.by_slug = {line.slug: line for line in self.lines}
        self.hidden = frozenset(hidden)

    def __iter__(self):
        return iter(self.lines)

    def __len__(self):
        return len(self.lines)

    def __getitem__(self, slug):
        if slug in self.hidden:
            return None
        return self.by_slug.get(slug) or BUILT_IN.by_slug[slug]

    def get(self, slug):
        return self.by_slug.get(slug)

    def to_json(self):
        lines = [dataclasses.asdict(line) for line in self.lines]
        return json.dumps({"lines": lines, "hidden": sorted(self.hidden)}, indent=2)

    @classmethod
    def from_json(cls, text):
        data = json.loads(text)
        return cls((Line(**item) for item in data["lines"]), hidden=data.get("hidden", ()))


# The lines as they stood when this code was written, each from its official source. The
# loader creates them as help lines without a "last verified" date: two people in the admin
# confirm each against its source before it shows "Checked".
OTIP_SPOOFING_NOTICE = (
    "https://www.acf.hhs.gov/otip/news/spoofing-national-human-trafficking-hotline"
)
BUILT_IN = Lines(
    [
        Line(
            slug="emergency",
            name="Emergency",
            purpose="Police, fire or ambulance when someone is in danger now.",
            shown="911",
            dialled="911",
            hours="24 hours a day",
            website="https://www.911.gov/",
            source_url="https://www.911.gov/",
        ),
        Line(
            slug="trafficking_hotline",
            name="National Human Trafficking Hotline",
            purpose="Help for victims and survivors of human trafficking, and tips about it.",
            shown="1-888-373-7888",
            dialled="+18883737888",
            sms_number="233733",
            hours="24 hours a day",
            website="https://humantraffickinghotline.org/",
            source_url="https://humantraffickinghotline.org/",
        ),
        Line(
            slug="missing_children",
            name="National Center for Missing & Exploited Children",
            purpose="Report a missing child and get help as a family.",
            shown="1-800-THE-LOST (1-800-843-5678)",
            dialled="+18008435678",
            hours="24 hours a day",
            website="https://www.missingkids.org/",
            source_url="https://www.missingkids.org/",
        ),
        Line(
            slug="nmpaa",
            name="NMPAA",
            purpose="Talk to NMPAA about a missing loved one, training or partnering with us.",
            shown="(877) US-NMPAA",
            dialled="+18778766722",
        ),
        Line(
            slug="hhs_oig",
            name="HHS Office of Inspector General hotline",
            purpose="Report a call that pretends to come from the trafficking hotline.",
            shown="1-800-447-8477",
            dialled="+18004478477",
            email="spoof@oig.hhs.gov",
            source_url=OTIP_SPOOFING_NOTICE,
        ),
    ]
)
# The lines the site's chrome and error pages name by slug.
NMPAA, EMERGENCY, HOTLINE, MISSING_CHILDREN, SPOOF_REPORTS = (
    "nmpaa",
    "emergency",
    "trafficking_hotline",
    "missing_children",
    "hhs_oig",
)


def fallback_file():
    return settings.HELP_LINES_FALLBACK_FILE


def remember(lines, write_file=True):
    """Keep this set as the last one the public saw: in the cache and in the fallback file."""
    try:
        cache.set(LAST_KNOWN_KEY, lines.to_json(), timeout=None)
    except Exception:  # The cache being down must not stop a publish.
        logger.warning("Could not keep the help lines in the cache", exc_info=True)
    if not write_file:
        return
    path = fallback_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(lines.to_json(), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        logger.exception("Could not write the help lines fallback file %s", path)


def cached():
    """The set kept in the cache, or None."""
    return _read(lambda: cache.get(LAST_KNOWN_KEY))


def last_known():
    """The last published set, with no database query: cache, else file, else built-in."""
    return cached() or _read(_read_file) or BUILT_IN


def _read(source):
    try:
        text = source()
        if text:
            lines = Lines.from_json(text)
            if len(lines) or lines.hidden:
                return lines
    except Exception:  # A cache that is down or a damaged file: try the next source.
        logger.warning("Help lines fallback unreadable; trying the next one", exc_info=True)
    return None


def _read_file():
    path = fallback_file()
    return path.read_text(encoding="utf-8") if path.exists() else None
