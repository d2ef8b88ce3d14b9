"""Request-scoped state for the read-replica router (newsdesk/db_router.py),
and the admin's answer to a form too large to read."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent

from newsdesk import db_router


class ReplicaRoutingMiddleware:
    """Marks GET, HEAD and OPTIONS requests read-only for the router, so their
    reads reach a replica although ATOMIC_REQUESTS wraps every view in a
    transaction on the primary. Without replicas it changes nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = db_router.begin_request(request.method)
        try:
            return self.get_response(request)
        finally:
            db_router.end_request(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        db_router.view_runs_in_request_transaction(view_func)
        return None


class AdminRequestLimitsMiddleware:
    """A form posted to the admin that is larger than the server reads
    (DATA_UPLOAD_MAX_MEMORY_SIZE) or has more fields than it accepts
    (DATA_UPLOAD_MAX_NUMBER_FIELDS) is answered with a page that says so in
    the admin's own look (413 or 400), instead of Django's bare "Bad Request"
    page.

    The server cannot hand back what it refused to read: that is the limit's
    point. Keeping the typed work is the browser's part: every admin page
    checks the size before sending (core/admin-forms.js), and this page's
    "Back to the form" returns to the form as the browser kept it.

    It reads the form here, before the CSRF check would, only to catch the
    refusal; Django keeps what it read for the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path.startswith(_admin_prefix()):
            try:
                request.POST  # noqa: B018 - parsing is what may be refused
            except (RequestDataTooBig, TooManyFieldsSent) as refusal:
                return _refused(request, refusal)
        return self.get_response(request)


def _admin_prefix() -> str:
    from django.urls import reverse

    return reverse("admin:index")


def _refused(request, refusal):
    from django.conf import settings
    from django.contrib import admin
    from django.template.response import TemplateResponse

    too_big = isinstance(refusal, RequestDataTooBig)
    try:
        sent = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        sent = 0
    context = {
        **admin.site.each_context(request),
        "title": "Nothing was saved: the form was too large"
        if too_big
        else "Nothing was saved: the form had too many fields",
        "too_big": too_big,
        "sent_bytes": sent,
        "limit_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        "limit_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        "form_url": request.get_full_path(),
    }
    response = TemplateResponse(
        request,
        "admin/request_refused.html",
        context,
        status=413 if too_big else 400,
    )
    return response.render()
