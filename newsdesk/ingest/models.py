"""Where an ingested story came from, and what the extraction assistant
proposed for it.

An ``IngestedStory`` is kept beside its article rather than in it: the
article stays the editors' record, and this one holds the feed's identity for
the story (its guid or ninjs ``uri``) so that a story seen again is matched,
and the article version ingest last wrote, so that an editor's change since
is never overwritten.
"""

from __future__ import annotations

from django.db import models

from articles.models import Article


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the worker"
    READY = "ready", "Proposals ready"
    FAILED = "failed", "Failed"


class IngestedStory(models.Model):
    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="ingested"
    )
    guid = models.CharField(
        "guid",
        max_length=500,
        unique=True,
        help_text="The feed's identifier for the story (RSS guid, Atom id, "
        "ninjs uri); a story seen again with it is updated, not duplicated.",
    )
    feed = models.CharField(
        max_length=500, blank=True, help_text="The file or URL it was read from."
    )
    feed_title = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=20, help_text="ninjs 1, ninjs 2, atom, rss…")
    byline = models.CharField(max_length=300, blank=True)
    source_version = models.CharField(
        max_length=100,
        blank=True,
        help_text="The feed's version or update time of the story when last read.",
    )
    content_hash = models.CharField(max_length=64, editable=False)
    article_version = models.PositiveIntegerField(
        editable=False,
        help_text="The article's version when ingest last wrote it: a later "
        "version means an editor changed it, and ingest leaves it alone.",
    )
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(auto_now=True)

    proposal_status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    proposals = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text="What the extraction assistant proposed, for the article "
        "version in proposals_version.",
    )
    proposals_version = models.PositiveIntegerField(null=True, editable=False)
    quotes_proposed = models.PositiveIntegerField(null=True, editable=False)
    proposal_error = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = "ingested story"
        verbose_name_plural = "ingested stories"
        ordering = ["-last_seen", "-id"]
        indexes = [models.Index(fields=["proposal_status", "-last_seen"])]

    def __str__(self) -> str:
        return self.guid

    @property
    def proposals_summary(self) -> str:
        if self.proposal_status != ProposalStatus.READY or self.proposals is None:
            return ProposalStatus(self.proposal_status).label
        quotes = self.quotes_proposed or 0
        said = f"{quotes} quote{'' if quotes == 1 else 's'} proposed"
        people = sum(
            1 for p in self.proposals.get("people", []) if not p.get("existing")
        )
        organisations = sum(
            1 for o in self.proposals.get("organisations", []) if not o.get("existing")
        )
        named = [
            f"{n} new {one if n == 1 else many}"
            for n, one, many in (
                (people, "person", "people"),
                (organisations, "organisation", "organisations"),
            )
            if n
        ]
        return f"{said} ({', '.join(named)})" if named else said
