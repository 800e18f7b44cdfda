"""The phone numbers staff set in Site settings: checked before they become tel: links.

A number is dialled as E.164 (+18778766722) or, for 911 and text lines, as a short code.
The number as shown may spell letters ("(877) US-NMPAA"); its digits are worked out from
the dialled number, never typed twice.
"""

import re

from django.core.exceptions import ValidationError

import phonenumbers

REGION = "US"
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
SHORT_CODE = re.compile(r"^[0-9]{5,6}$")


def parse(e164):
    """The PhoneNumber for a well-formed, valid E.164 string, else None."""
    if not E164.match(e164 or ""):
        return None
    number = phonenumbers.parse(e164)
    return number if phonenumbers.is_valid_number(number) else None


def digits_shown(e164):
    """How the dialled number is written for people: (877) 876-6722, or +44 20 7946 0958."""
    number = parse(e164)
    if number is None:
        return e164
    if phonenumbers.region_code_for_number(number) == REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def same_number(one, other):
    return (one.country_code, one.national_number) == (other.country_code, other.national_number)


def validate_e164(value):
    if not E164.match(value):
        raise ValidationError(
            "Write the number as + then the country code and digits, with no spaces, dashes "
            "or words, e.g. +18778766722.",
            code="not_e164",
        )
    if parse(value) is None:
        raise ValidationError(
            f"{value} is not a phone number that can be dialled: check the digits.",
            code="invalid_number",
        )


def validate_emergency_number(value):
    if not value.isdigit():
        raise ValidationError("Write the emergency number as digits only, e.g. 911.", code="digits")
    if not phonenumbers.is_emergency_number(value, REGION):
        raise ValidationError(
            f"{value} is not an emergency number in the United States (911 is).", code="emergency"
        )


def validate_text_number(value):
    """A text line: an SMS short code (5 or 6 digits, e.g. 233733) or a full E.164 number."""
    if value.startswith("+"):
        validate_e164(value)
    elif not SHORT_CODE.match(value):
        raise ValidationError(
            "Write a text short code as digits only, 5 or 6 of them (e.g. 233733), or a full "
            "number as + then the country code and digits.",
            code="short_code",
        )


def shown_number_error(shown, e164, needs_digits):
    """Why the number as shown does not fit the number dialled, or None if it does."""
    dialled = parse(e164)
    if dialled is None:
        return None  # The dialled number has its own error.
    spelled = phonenumbers.convert_alpha_characters_in_number(shown)
    found = list(phonenumbers.PhoneNumberMatcher(spelled, REGION))
    if not found:
        return f"Write the number itself, e.g. {digits_shown(e164)}."
    if any(same_number(match.number, dialled) is False for match in found):
        return f"The number shown is not the number dialled ({e164}): check both."
    written = list(phonenumbers.PhoneNumberMatcher(shown, REGION))
    if needs_digits and not written:
        return f'Write the digits beside the letters, e.g. "{shown} ({digits_shown(e164)})".'
    return None
