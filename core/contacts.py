"""The organisation's name and the help numbers, written once.

Site settings start from these values and staff may change them in the admin; error pages,
drawn with no database query (it may be down), show them as they are here.
"""

from dataclasses import dataclass

from . import phone


class PhoneLinks:
    """NMPAA's number as a tel: link and as digits, for anything with phone_number/_display."""

    @property
    def phone_href(self):
        return f"tel:{self.phone_number}"

    @property
    def phone_digits(self):
        return phone.digits_shown(self.phone_number)

    @property
    def phone_with_digits(self):
        """The number as shown and its digits, for plain text: "(877) US-NMPAA (877) 876-6722"."""
        if self.phone_display == self.phone_digits:
            return self.phone_display
        return f"{self.phone_display} {self.phone_digits}"


@dataclass(frozen=True)
class Contacts(PhoneLinks):
    organisation_name: str = "National Missing Persons Advocacy Association"
    phone_display: str = "(877) US-NMPAA"
    phone_number: str = "+18778766722"
    emergency_number: str = "911"
    # The National Human Trafficking Hotline: call, or text its short code.
    trafficking_hotline_display: str = "1-888-373-7888"
    trafficking_hotline_number: str = "+18883737888"
    trafficking_hotline_text: str = "233733"
    # The National Center for Missing & Exploited Children.
    missing_children_display: str = "1-800-THE-LOST (1-800-843-5678)"
    missing_children_number: str = "+18008435678"


CONTACTS = Contacts()
