"""The public stylesheets style only markup the site produces."""

import re
from pathlib import Path

from pages.blocks import CalloutBlock

ROOT = Path(__file__).resolve().parents[2]
STYLESHEETS = ["static/css/site.css", "static/css/print.css"]
# Where class names are written: templates, the script, and Python that builds markup.
SOURCES = ["templates", "static/js", "pages", "outreach", "nmpaa_site"]


def written_markup():
    files = [p for folder in SOURCES for p in (ROOT / folder).rglob("*") if p.is_file()]
    text = "\n".join(
        p.read_text() for p in files if p.suffix in {".html", ".js", ".py", ".txt", ".toml"}
    )
    # A callout's class is built from its tone: callout-{{ value.tone }}.
    tones = CalloutBlock.base_blocks["tone"].field.choices
    return text + "\n" + " ".join(f"callout-{value}" for value, _label in tones)


def test_every_class_in_the_stylesheets_is_used_by_some_markup():
    markup = written_markup()
    unused = set()
    for sheet in STYLESHEETS:
        css = re.sub(r"/\*.*?\*/", "", (ROOT / sheet).read_text(), flags=re.S)
        for name in set(re.findall(r"\.([a-zA-Z][\w-]*)", css)):
            if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", markup):
                unused.add(f"{sheet}: .{name}")
    assert not unused, sorted(unused)
