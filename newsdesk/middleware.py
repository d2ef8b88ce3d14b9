"""Request-scoped state for the read-replica router (newsdesk/db_router.py)."""

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
