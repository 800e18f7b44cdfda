"""Build the site's page tree from pages/content/site_content.toml.

Safe to run again: a page that is already as the file says is left as it is, and a
page that staff have edited in the admin is never overwritten.
"""

import json
import tomllib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from core.contacts import BUILT_IN
from outreach.models import SignUpPage
from pages.models import (
    ConventionPage,
    FamilyChecklistPage,
    FamilyGuidePage,
    FamilyGuideSectionPage,
    HelpLine,
    HomePage,
    InitiativePage,
    LegalFrameworkPage,
    RolePage,
    StandardPage,
)

CONTENT_FILE = settings.BASE_DIR / "pages" / "content" / "site_content.toml"
FAMILY_GUIDE_FILE = CONTENT_FILE.with_name("family_guide.toml")

ARTICLE_KINDS = [
    ("conventions", ConventionPage),
    ("roles", RolePage),
    ("initiatives", InitiativePage),
]
STREAM_FIELDS = {"body", "related_pages", "sources", "checklist"}
# Keys of the content file that are not model fields.
NOT_FIELDS = {"related", "parent"}


def link_value(link):
    """A link to a web address, or to one of the site's pages by its slug."""
    page = Page.objects.get(slug=link["page"]) if "page" in link else None
    return {"title": link["title"], "page": page, "url": link.get("url", "")}


def body_blocks(items):
    """Turn the content file's block list into StreamField (type, value) pairs."""
    blocks = []
    for item in items:
        if "heading" in item:
            blocks.append(("heading", {"text": item["heading"], "level": "h2"}))
        elif "paragraph" in item:
            blocks.append(("paragraph", RichText(item["paragraph"])))
        elif "callout" in item:
            blocks.append(
                (
                    "callout",
                    {
                        "tone": item.get("tone", "info"),
                        "title": item["title"],
                        "text": RichText(item["callout"]),
                    },
                )
            )
        elif "link_list" in item:
            links = [link_value(link) for link in item["links"]]
            blocks.append(("link_list", {"heading": item["link_list"], "links": links}))
        elif "help_number" in item:
            blocks.append(("help_number", {"number": item["help_number"]}))
        else:
            raise ValueError(f"Unknown block in content file: {item!r}")
    return blocks


# How the content file's lists become StreamField values, per field.
STREAM_BUILDERS = {
    "body": body_blocks,
    "sources": lambda items: [("source", item) for item in items],
    "checklist": lambda groups: [("group", group) for group in groups],
}


def without_ids(value):
    """A block's stored value less the ids Wagtail gives list items (new on every load)."""
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def stream_signature(stream_value):
    """A comparable form of a StreamField value, ignoring block ids."""
    return json.dumps(
        [
            (child.block_type, without_ids(child.block.get_prep_value(child.value)))
            for child in stream_value
        ],
        sort_keys=True,
        default=str,
    )


class Command(BaseCommand):
    help = "Create or update the site's pages from the content file (safe to re-run)."

    def handle(self, *args, **options):
        content = tomllib.loads(CONTENT_FILE.read_text(encoding="utf-8"))
        self.statuses = {}
        with transaction.atomic():
            home = self.sync_home(content["home"])
            section = self.sync_page(
                home, LegalFrameworkPage, dict(content["section"], show_in_menus=True)
            )
            articles = []
            for kind, model in ARTICLE_KINDS:
                for data in content[kind]:
                    articles.append((self.sync_page(section, model, data), data))
            standard_pages = {}
            for data in content["standard_pages"]:
                standard_pages[data["slug"]] = self.sync_page(home, StandardPage, data)
            for data in content.get("sign_up_pages", []):
                parent = standard_pages[data["parent"]]
                self.sync_page(parent, SignUpPage, data)
            # Related pages can point forwards, so they are set once every page exists.
            for article, data in articles:
                self.sync_related_pages(section, article, data.get("related", []))
            self.sync_family_guide(home)
            self.sync_help_lines()

        for path, status in self.statuses.items():
            self.stdout.write(f"{status:<24} {path}")

    def sync_family_guide(self, home):
        """Help for families: its section, its pages in the file's order, then the request form."""
        content = tomllib.loads(FAMILY_GUIDE_FILE.read_text(encoding="utf-8"))
        section = self.sync_page(
            home, FamilyGuideSectionPage, dict(content["section"], show_in_menus=True)
        )
        for data in content["pages"]:
            model = FamilyChecklistPage if "checklist" in data else FamilyGuidePage
            self.sync_page(section, model, data)
        self.sync_page(section, SignUpPage, content["request_page"])

    def sync_help_lines(self):
        """Create the help lines that do not exist yet; never change one (that takes two people)."""
        for order, line in enumerate(BUILT_IN):
            if HelpLine.objects.filter(slug=line.slug).exists():
                self.statuses[f"help line {line.slug}"] = "unchanged"
                continue
            fields = {
                name: value for name, value in vars(line).items() if name != "last_verified_on"
            }
            help_line = HelpLine(sort_order=order, **fields)
            help_line.save()
            help_line.save_revision().publish()
            self.statuses[f"help line {line.slug}"] = "created"

    def sync_home(self, data):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return self.sync_page(site.root_page.get_parent(), HomePage, data, page=site.root_page)

        tree_root = Page.get_first_root_node() or self.make_tree_root()
        # Wagtail's install makes a placeholder "Welcome" page; ours replaces it.
        for placeholder in tree_root.get_children().filter(
            slug="home", content_type__model="page", numchild=0
        ):
            placeholder.delete()
        home = self.sync_page(tree_root, HomePage, dict(data, slug="home"))
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = data["title"]
        site.save()
        return home

    def make_tree_root(self):
        """An empty database (a flushed test one, say) lacks what Wagtail's migrations made."""
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        return Page.add_root(instance=Page(title="Root", slug="root"))

    def sync_page(self, parent, model, data, page=None):
        fields = self.field_values(model, data)
        if page is None:
            page = parent.get_children().filter(slug=data["slug"]).first()
        if page is None:
            page = model(**fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            return self.record(page, "created")

        page = page.specific
        if self.edited_by_staff(page):
            return self.record(page, "kept (edited by staff)")
        if self.matches(page, fields):
            return self.record(page, "unchanged")
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        return self.record(page, "updated")

    def sync_related_pages(self, section, article, slugs):
        if self.edited_by_staff(article):
            return
        by_slug = {page.slug: page for page in section.get_children()}
        fields = {"related_pages": [("page", by_slug[slug]) for slug in slugs]}
        if self.matches(article, fields):
            return
        article.related_pages = fields["related_pages"]
        article.save_revision().publish()
        if self.statuses[article.url_path] == "unchanged":
            self.statuses[article.url_path] = "updated"

    def field_values(self, model, data):
        fields = {key: value for key, value in data.items() if key not in NOT_FIELDS}
        for name in STREAM_BUILDERS.keys() & fields.keys():
            fields[name] = STREAM_BUILDERS[name](fields[name])
        fields.setdefault("show_in_menus", False)
        return fields

    def matches(self, page, fields):
        probe = type(page)()
        for name, value in fields.items():
            if name in STREAM_FIELDS:
                setattr(probe, name, value)
                if stream_signature(getattr(page, name)) != stream_signature(getattr(probe, name)):
                    return False
            elif getattr(page, name) != value:
                return False
        return True

    def edited_by_staff(self, page):
        """Pages the loader made have only revisions without a user; staff drafts count."""
        return page.revisions.exclude(user=None).exists()

    def record(self, page, status):
        self.statuses[page.url_path] = status
        return page
