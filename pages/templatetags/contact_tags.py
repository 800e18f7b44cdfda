from django import template

from core import contacts

register = template.Library()


@register.inclusion_tag("includes/phone_link.html", takes_context=True)
def nmpaa_phone(context):
    """NMPAA's number as a tel: link showing both forms: "(877) US-NMPAA (877) 876-6722".

    From the approved help lines (`help_lines` in every page's context); error pages pass
    the last known set, drawn without the database.
    """
    lines = context.get("help_lines") or contacts.last_known()
    return {"line": lines[contacts.NMPAA]}  # None (nothing shown) if staff switched it off


@register.simple_tag(takes_context=True)
def help_line(context, slug):
    """One help line by its slug, e.g. {% help_line "hhs_oig" as line %}."""
    lines = context.get("help_lines") or contacts.last_known()
    try:
        return lines[slug]
    except KeyError:  # A slug with no help line: show nothing rather than fail the page.
        return None
