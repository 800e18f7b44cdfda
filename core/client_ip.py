"""The visitor's address: django-axes' per-address lockout and the sign-up rate limits.

Behind a proxy, REMOTE_ADDR is the proxy, so CLIENT_IP_HEADER names the header the proxy
sets (e.g. X-Forwarded-For or X-Real-IP). We take its right-most entry: the one our own
proxy added, which a client cannot forge by sending the header itself.
"""

from django.conf import settings


def meta_key(header):
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_ip(request):
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        entries = [part.strip() for part in request.META.get(meta_key(header), "").split(",")]
        entries = [entry for entry in entries if entry]
        if entries:
            return entries[-1]
    return request.META.get("REMOTE_ADDR", "")
