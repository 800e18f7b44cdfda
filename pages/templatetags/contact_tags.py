from django import template

from core.contacts import CONTACTS

register = template.Library()


@register.inclusion_tag("includes/nmpaa_phone.html")
def nmpaa_phone(contact=None):
    """NMPAA's number as a tel: link showing both forms: "(877) US-NMPAA (877) 876-6722".

    `contact` is the site's SiteSettings; without one (an error page drawn with the
    database down), the organisation's own numbers.
    """
    if not getattr(contact, "phone_number", ""):
        contact = CONTACTS
    return {
        "href": contact.phone_href,
        "shown": contact.phone_display,
        "digits": contact.phone_digits,
    }
