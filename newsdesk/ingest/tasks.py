"""The worker's part of ingest: running the extraction assistant on a story
and keeping its proposals for the review screen.

``propose_structure`` is idempotent: it is keyed by the article version it
was queued for, writes its result in one UPDATE guarded by that version, and
does nothing for a version already done or superseded. Run twice (a worker
died after the work but before the acknowledgement), it changes nothing the
second time.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError, transaction

from articles.extraction import Gazetteer, extract

from .models import IngestedStory, ProposalStatus

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def propose_structure(self, story_id: int, article_version: int) -> str:
    """Propose quotes, people and mentions for the ingested story's article
    as it was at ``article_version``."""
    story = IngestedStory.objects.select_related("article").filter(pk=story_id).first()
    if story is None:
        return "gone"
    if story.proposals_version == article_version and (
        story.proposal_status == ProposalStatus.READY
    ):
        return "already done"
    if story.article.version != article_version:
        # The article moved on; the task queued for its new version (if
        # ingest wrote it) does the work.
        return "superseded"
    try:
        extraction = extract(story.article.body, Gazetteer.from_registry())
    except Exception as error:
        logger.exception("Extraction failed for ingested story %s", story_id)
        IngestedStory.objects.filter(pk=story_id).update(
            proposal_status=ProposalStatus.FAILED,
            proposal_error=f"{type(error).__name__}: {error}"[:2000],
        )
        return "failed"
    proposals = extraction.to_dict()
    with transaction.atomic():
        IngestedStory.objects.filter(
            pk=story_id, article__version=article_version
        ).update(
            proposal_status=ProposalStatus.READY,
            proposals=proposals,
            proposals_version=article_version,
            quotes_proposed=len(proposals["quotes"]),
            proposal_error="",
        )
    return f"{len(proposals['quotes'])} quotes proposed"
