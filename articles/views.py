"""Pages for readers: a published story as a plain, server-rendered page.

It is what the story's JSON-LD ``url`` points at. Anything not public (a
draft, a story scheduled for later, an archived one) is a 404, whoever asks.
"""

from django.shortcuts import get_object_or_404, render

from .models import Article


def story(request, slug: str):
    article = get_object_or_404(
        Article.objects.published().prefetch_related("authors"), slug=slug
    )
    return render(request, "articles/story.html", {"article": article})
