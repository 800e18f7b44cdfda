"""Content-Security-Policy: strict on the public site, relaxed only inside the admin.

The Wagtail admin uses inline styles and scripts, blob: image previews and an iframe for
page previews, so its paths get those additions; public pages keep the strict policy from
settings.CONTENT_SECURITY_POLICY. Admin responses are also marked noindex.

A preview (the editor's preview panel, "View draft") is the page rendered under its public
URL with the public policy, except that the admin's own origin may frame it.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware

ADMIN_POLICY_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def is_admin_path(path):
    return path.startswith("/" + settings.WAGTAILADMIN_PATH)


def is_preview(request):
    # Set by Wagtail on the stand-in request it renders a preview with.
    return getattr(request, "is_preview", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if is_admin_path(request.path_info) and not report_only:
            base = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            replace = dict(parts.replace or {})
            for directive, extra in ADMIN_POLICY_ADDITIONS.items():
                # 'none' cannot be combined with sources, so additions replace it.
                current = [s for s in base.get(directive, []) if s != "'none'"]
                replace[directive] = ["'self'", *[s for s in current if s != "'self'"], *extra]
            parts.replace = replace
        elif is_preview(request) and not report_only:
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts

    def process_response(self, request, response):
        if is_admin_path(request.path_info):
            response.setdefault("X-Robots-Tag", "noindex, nofollow")
        if is_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)
