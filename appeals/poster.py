"""The one-page poster (US Letter PDF, WeasyPrint) and the printout of the appeal page: the
same sheet (templates/appeals/includes/poster_sheet.html, static/css/poster.css).

A PDF is rendered once per published revision and kept in the private storage (it holds the
photo: it must go when the appeal closes), then served from there.
"""

import base64

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template.loader import render_to_string

import segno

from pages.models import SiteSettings
from pages.models.help_lines import live_lines

from .pictures import PAGE_SPEC
from .records import private_storage

# Part of every stored poster's name: raise it when the sheet's layout changes, so the next
# request renders posters anew instead of serving the old layout.
LAYOUT_VERSION = 1


def qr_data_uri(url):
    return segno.make(url, error="m").png_data_uri(scale=8, border=4)


def _photo_data_uri(appeal):
    photo = appeal.photo
    if photo is None:
        return ""
    rendition = photo.image.get_rendition(PAGE_SPEC)
    with rendition.file.open("rb") as source:
        data = base64.b64encode(source.read()).decode()
    return f"data:image/jpeg;base64,{data}"


def sheet_context(appeal, request, photo_src):
    """What the sheet shows; `photo_src` is the photo's URL on the page, data in the PDF."""
    page_url = appeal.get_full_url(request)
    return {
        "appeal": appeal,
        "page_url": page_url,
        "qr_src": qr_data_uri(page_url),
        "photo_src": photo_src,
        "organisation_name": SiteSettings.for_request(request).organisation_name,
        "help_lines": live_lines(),
    }


def render_poster(appeal, request):
    from weasyprint import HTML  # heavy: loaded only when a poster is first rendered

    with open(finders.find("css/poster.css"), encoding="utf-8") as css:
        context = sheet_context(appeal, request, _photo_data_uri(appeal))
        context["poster_css"] = css.read()
    html = render_to_string("appeals/poster.html", context)
    return HTML(string=html).write_pdf()


def _folder(appeal):
    return f"posters/{appeal.pk}"


def poster_pdf(appeal, request):
    """The PDF for the live revision, rendered on the first request after each publish."""
    storage = private_storage()
    # The publish time too: ids restart on a restored or test database, times do not repeat.
    published = appeal.last_published_at.strftime("%Y%m%d%H%M%S%f")
    name = f"{_folder(appeal)}/v{LAYOUT_VERSION}-{appeal.live_revision_id}-{published}.pdf"
    if storage.exists(name):
        with storage.open(name, "rb") as stored:
            return stored.read()
    pdf = render_poster(appeal, request)
    forget_posters(appeal)  # older revisions' posters
    storage.save(name, ContentFile(pdf))
    return pdf


def forget_posters(appeal):
    storage = private_storage()
    folder = _folder(appeal)
    if not storage.exists(folder):
        return
    for name in storage.listdir(folder)[1]:
        storage.delete(f"{folder}/{name}")
