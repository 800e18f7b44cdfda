from django.utils.functional import SimpleLazyObject


def help_lines(request):
    """`help_lines` in every template: the approved lines, read only if a template uses them."""
    from .models.help_lines import live_lines

    return {"help_lines": SimpleLazyObject(live_lines)}
