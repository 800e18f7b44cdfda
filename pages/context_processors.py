from django.utils.functional import SimpleLazyObject

from .models.help_lines import live_lines


def help_lines(request):
    """`help_lines` in every template: the approved lines, read only if a template uses them."""
    return {"help_lines": SimpleLazyObject(live_lines)}
