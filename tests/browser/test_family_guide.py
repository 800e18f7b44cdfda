"""Help for families in a real browser: reached in one click, accessible, prints on one page."""

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from .test_public_site import axe_violations

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SECTION = "/help-for-families/"
GUIDE = "/help-for-families/at-the-police-station/"
CHECKLIST = "/help-for-families/first-hours-checklist/"
FAMILY_PAGES = [
    SECTION,
    "/help-for-families/right-now/",
    CHECKLIST,
    GUIDE,
    "/help-for-families/the-days-after/",
    "/help-for-families/protect-yourselves-from-scams/",
    "/help-for-families/when-the-person-is-found/",
    "/help-for-families/looking-after-yourself/",
]


def test_on_a_phone_a_family_reaches_the_guide_in_one_click_from_the_first_screen(
    browser, live_site
):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_site + "/")
    link = page.get_by_role("link", name="Someone I love is missing")
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 740, "below the first screen"

    link.click()
    page.wait_for_url(live_site + SECTION)
    assert page.get_by_role("heading", level=1).inner_text() == "Help for families"
    assert page.get_by_role("link", name="Right now: report them missing").is_visible()
    context.close()


def test_the_family_guide_is_in_the_main_menu(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_site + "/legal-framework/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Help for families"
    ).click()
    page.wait_for_url(live_site + SECTION)
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations_on_the_family_pages(browser, live_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    reports = {}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in FAMILY_PAGES:
        page.goto(live_site + path)
        report = axe_violations(page)
        if report:
            reports[path] = report
        if path in (SECTION, GUIDE, CHECKLIST):
            name = path.strip("/").split("/")[-1]
            page.screenshot(path=SCREENSHOTS / f"family-{name}-{width}.png", full_page=True)
    context.close()
    assert reports == {}


def test_the_checklist_prints_on_exactly_one_us_letter_page(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_site + CHECKLIST)
    page.emulate_media(media="print")
    pdf = page.pdf(format="Letter", print_background=False)
    context.close()

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    # NFKC undoes the ligatures the PDF uses ("ﬃ" in "Officer").
    text = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    for item in (
        "Call the police now. Do not wait.",
        "A recent photo",
        "The report number",
        "Never pay anyone the police cannot check.",
        "Police report number",
        "Officer's name",
        "Officer's phone",
    ):
        assert item in text, item
    assert "Exit this page" not in text

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "family-checklist-print.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-singlefile",
                "family-checklist-print.pdf",
                "family-checklist-print",
            ],
            cwd=SCREENSHOTS,
            check=True,
        )
