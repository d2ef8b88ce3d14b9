"""``search/?q=``: people, organisations, agreements, articles and quotes in
one ranked, paginated answer."""

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import ValidationError

from articles.selectors import search, with_snippets

from .parameters import StrictParametersMixin


class SearchHitSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=["person", "organisation", "agreement", "article", "quote"],
        help_text="What was found.",
    )
    id = serializers.IntegerField(help_text="The record's id.")
    slug = serializers.CharField(
        allow_null=True, help_text="The record's slug (null for quotes)."
    )
    title = serializers.CharField(
        help_text="Name, title or headline; for a quote, its speaker's name."
    )
    snippet = serializers.CharField(
        help_text="The matching part of the text, as HTML: escaped, with the "
        "words found in <mark> elements. Empty for names."
    )
    score = serializers.FloatField(help_text="Relevance: higher is better.")
    url = serializers.URLField(help_text="The record in the API.")

    def to_representation(self, hit):
        kind = hit["type"]
        path = reverse(f"{kind}-detail", args=[hit["slug"] or hit["id"]])
        return {
            "type": kind,
            "id": hit["id"],
            "slug": hit["slug"],
            "title": hit["title"],
            "snippet": hit["snippet"],
            "score": round(hit["score"], 3),
            "url": self.context["request"].build_absolute_uri(path),
        }


@extend_schema(
    parameters=[
        OpenApiParameter(
            "q", str, required=True, description="Words to look for (2+ characters)."
        )
    ]
)
class SearchView(StrictParametersMixin, generics.ListAPIView):
    """Everything matching ``q``, best first."""

    extra_query_parameters = ("q",)
    serializer_class = SearchHitSerializer
    filter_backends = []
    # Reading is open to all; what each client may find is the selector's call.
    permission_classes = [permissions.AllowAny]

    def list(self, request, *args, **kwargs):
        hits = self.get_queryset()
        page = self.paginate_queryset(hits)
        # Snippets cost a pass over each text: made for this page only.
        with_snippets(page, self.query)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_queryset(self):
        self.query = q = self.request.query_params.get("q", "").strip()
        if len(q) < 2:
            raise ValidationError({"q": ["Enter at least two characters to search."]})
        if "\x00" in q:
            raise ValidationError({"q": ["Null characters are not allowed."]})
        return search(q=q, user=self.request.user)
