"""Pages for readers: a published story as a plain, server-rendered page.

It is what the story's JSON-LD ``url`` points at. Anything not public (a
draft, a story scheduled for later, an archived one) is a 404, whoever asks.

The newsroom's preview renders any story, drafts included, with the same
template and the same body (quotes marked, speakers linked), for the
accounts that may read it in the admin.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .highlight import story_body
from .models import Article


def _page(request, article: Article, *, preview: bool):
    return render(
        request,
        "articles/story.html",
        {"article": article, "body": story_body(article), "preview": preview},
    )


def story(request, slug: str):
    article = get_object_or_404(
        Article.objects.published().with_quotes().prefetch_related("authors"),
        slug=slug,
    )
    return _page(request, article, preview=False)


def story_preview(request, pk: int):
    """Any story as a reader would see it, for staff who may read stories in
    the admin. Anyone else is told nothing of a draft: an anonymous visitor
    gets the 404 a missing story gets; a logged-in account without the right,
    a 403."""
    user = request.user
    if not user.is_authenticated:
        raise Http404("No such story.")
    if not (user.is_staff and user.has_perm("articles.view_article")):
        raise PermissionDenied
    article = get_object_or_404(
        Article.objects.with_quotes().prefetch_related("authors"), pk=pk
    )
    return _page(request, article, preview=True)
