"""What the site search understands beyond the words typed: spellings and who needs help."""

import re

from wagtail.search.query import And, Or, PlainText

# The site writes US English, but official names keep their own spelling ("Forced Labour
# Protocol"), so a search for either spelling looks for both.
SPELLING_PAIRS = [
    ("labor", "labour"),
    ("organization", "organisation"),
    ("organizations", "organisations"),
    ("program", "programme"),
    ("programs", "programmes"),
    ("color", "colour"),
    ("center", "centre"),
]
SPELLINGS = {word: pair for pair in SPELLING_PAIRS for word in pair}

# A search with one of these words is from someone whose loved one may be missing: it is
# answered first with the home page's help for families, whatever else it finds.
MISSING_PERSON_WORDS = {"missing", "disappeared", "vanished", "runaway", "abducted", "kidnapped"}
FAMILY_HELP_ANCHOR = "someone-is-missing"


def words(query):
    return re.findall(r"[a-z]+", query.lower())


def is_about_a_missing_person(query):
    return not MISSING_PERSON_WORDS.isdisjoint(words(query))


def search_query(query):
    """The query for Wagtail's search, matching "labor" and "labour" alike."""
    parts, rest = [], []
    for word in query.split():
        pair = SPELLINGS.get(word.lower().strip(".,;:!?'\""))
        if pair:
            parts.append(Or([PlainText(spelling) for spelling in pair]))
        else:
            rest.append(word)
    if not parts:
        return query
    if rest:
        parts.insert(0, PlainText(" ".join(rest)))
    return And(parts) if len(parts) > 1 else parts[0]
