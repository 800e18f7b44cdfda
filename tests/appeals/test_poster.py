"""The poster: one US Letter page, rendered once per published revision."""

import io
import time

import pytest
import zxingcpp
from PIL import Image as PillowImage
from pypdf import PdfReader

pytestmark = pytest.mark.django_db
LETTER = (612, 792)  # points


def test_poster_is_one_letter_page_with_the_name_and_agency_number(client, appeal):
    response = client.get(appeal.url + "poster/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == LETTER
    text = reader.pages[0].extract_text()
    assert "MISSING" in text
    assert "Example Person" in text
    assert "(202) 555-0123" in text
    assert "Consenting Example Parent" not in text


def test_the_posters_qr_code_leads_to_the_appeal_page(client, appeal):
    reader = PdfReader(io.BytesIO(client.get(appeal.url + "poster/").content))
    decoded = []
    for embedded in reader.pages[0].images:
        image = PillowImage.open(io.BytesIO(embedded.data))
        decoded += [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    assert decoded == ["http://localhost" + appeal.url]


def test_poster_is_rendered_once_per_published_revision(client, appeal, monkeypatch):
    started = time.perf_counter()
    first = client.get(appeal.url + "poster/").content
    print(f"first poster: {time.perf_counter() - started:.2f}s")

    def render_again(*args):
        raise AssertionError("rendered again")

    monkeypatch.setattr("appeals.poster.render_poster", render_again)
    assert client.get(appeal.url + "poster/").content == first
    appeal.save_revision().publish()
    monkeypatch.undo()
    assert client.get(appeal.url + "poster/").status_code == 200
