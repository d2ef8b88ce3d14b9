"""The page a locked-out editor sees instead of the admin login: what
happened, for how long, and who can lift it (django-axes calls this through
``AXES_LOCKOUT_CALLABLE``)."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def locked_out(request, original_response=None, credentials=None):
    cool_off = settings.AXES_COOLOFF_TIME
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return render(
        request,
        "security/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "username": username,
            "minutes": round(cool_off.total_seconds() / 60),
            "until": timezone.now() + cool_off,
        },
        status=429,
    )
