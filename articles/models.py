"""Stories and what was said in them."""

from __future__ import annotations

import datetime

from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from entities.models import Agreement, Organisation, Person
from newsdesk.core.models import SluggedModel, VersionedModel

from . import text as quote_text


def language_choices() -> list[tuple[str, str]]:
    return list(global_settings.LANGUAGES)


UNKNOWN = object()


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


def published_q(
    prefix: str = "", *, at: datetime.datetime | None = None, scheduled: bool = False
) -> Q:
    """The only definition of "public", as a condition: a story is public
    once it is published and its publication time has come (``at``, by
    default now). With ``scheduled``, the stories published for any time,
    those still ahead included: what makes a story public *from* its time.
    ``prefix`` reaches the article through a relation (``"article__"``).

    ``Article.public_from`` is the same rule for one story in memory; the
    ``public_from`` columns of quotes and registry records are copies of it
    kept by the services."""
    condition = Q(**{f"{prefix}status": ArticleStatus.PUBLISHED})
    if not scheduled:
        condition &= Q(**{f"{prefix}published_at__lte": at or timezone.now()})
    return condition


class ArticleQuerySet(models.QuerySet):
    def published(
        self, *, at: datetime.datetime | None = None, scheduled: bool = False
    ) -> ArticleQuerySet:
        """Public stories (``published_q``): published, and their time has
        come by ``at``; with ``scheduled``, also those whose time is ahead."""
        return self.filter(published_q(at=at, scheduled=scheduled))

    def scheduled_after(self, moment: datetime.datetime) -> ArticleQuerySet:
        """Stories that become public after ``moment``, soonest first."""
        return (
            self.published(scheduled=True)
            .filter(published_at__gt=moment)
            .order_by("published_at")
        )

    def with_related(self, *, links_only: bool = False) -> ArticleQuerySet:
        """What every list of stories shows: the source, the bylines and
        the mentions, in one query each whatever the page size.
        ``links_only``: of the people, organisations and agreements, only
        what a link to them shows (id, slug, name or title), for lists: a
        page of 50 stories names some 500 records, and loading each in full
        (descriptions, timestamps, a country object per organisation) cost
        more than the rest of the page."""
        person = Person.objects.all()
        mentioned = {
            "person": ArticlePerson.objects.select_related("person"),
            "organisation": ArticleOrganisation.objects.select_related("organisation"),
            "agreement": ArticleAgreement.objects.select_related("agreement"),
        }
        if links_only:
            person = person.only("id", "slug", "name")
            for name, label in (
                ("person", "name"),
                ("organisation", "name"),
                ("agreement", "title"),
            ):
                mentioned[name] = mentioned[name].only(
                    "id", "article", "about", f"{name}__id", f"{name}__slug",
                    f"{name}__{label}",
                )  # fmt: skip
        return self.select_related("source").prefetch_related(
            models.Prefetch("authors", person),
            # Mentions in the order they were recorded (the order an editor
            # or client gave them): without an ORDER BY, PostgreSQL returns
            # them in whatever order its heap holds.
            models.Prefetch("articleperson_set", mentioned["person"].order_by("pk")),
            models.Prefetch(
                "articleorganisation_set", mentioned["organisation"].order_by("pk")
            ),
            models.Prefetch(
                "articleagreement_set", mentioned["agreement"].order_by("pk")
            ),
        )

    def with_quotes(self) -> ArticleQuerySet:
        """A story's page: its quotes too, each with what it links to."""
        return self.prefetch_related(
            models.Prefetch("quotes", Quote.objects.with_related())
        )

    def with_quote_count(self) -> ArticleQuerySet:
        """``quote_count`` on each story: a subquery per row returned, not a
        join and GROUP BY over every matching article before the page is
        cut."""
        return self.annotate(
            quote_count=Coalesce(
                models.Subquery(
                    Quote.objects.filter(article=models.OuterRef("pk"))
                    .order_by()
                    .values("article")
                    .annotate(n=models.Count("pk"))
                    .values("n")
                ),
                0,
            )
        )


class Article(VersionedModel, SluggedModel):
    slug_source_field = "headline"

    headline = models.CharField(max_length=300, help_text="The story's headline.")
    standfirst = models.TextField(
        blank=True, help_text="The one- or two-sentence summary under the headline."
    )
    body = models.TextField(
        help_text="The story's text. Quotes are located in it, so edit it with "
        "care once quotes are attached."
    )
    authors = models.ManyToManyField(
        Person,
        blank=True,
        related_name="authored_articles",
        help_text="The reporters who wrote the story.",
    )
    source = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="published_articles",
        help_text="The outlet that published the story.",
    )
    source_url = models.URLField(
        "source URL", max_length=500, blank=True, help_text="Where it was published."
    )
    language = models.CharField(
        max_length=10,
        choices=language_choices,
        default="en",
        help_text="The language the story is written in.",
    )
    status = models.CharField(
        max_length=20,
        choices=ArticleStatus.choices,
        default=ArticleStatus.DRAFT,
        help_text="Only published stories whose publication time has come are public.",
    )
    published_at = models.DateTimeField(
        "published",
        null=True,
        blank=True,
        db_index=True,
        help_text="Publication time. A future time keeps a published story "
        "hidden until then.",
    )
    people = models.ManyToManyField(
        Person,
        through="ArticlePerson",
        blank=True,
        related_name="mentioned_in",
        help_text="People the story mentions.",
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="ArticleOrganisation",
        blank=True,
        related_name="mentioned_in",
        help_text="Organisations the story mentions.",
    )
    agreements = models.ManyToManyField(
        Agreement,
        through="ArticleAgreement",
        blank=True,
        related_name="mentioned_in",
        help_text="Agreements the story mentions.",
    )
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_articles",
        verbose_name="reporters",
        help_text="Newsroom accounts that may edit this story while it is a "
        "draft; whoever creates a story is added. Editors may edit every story.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[authors])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [
            ("publish_article", "Can publish, unpublish and archive articles"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED)
                | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message="A published article needs a publication time.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        """The story as a reader would see it, for the newsroom: the admin's
        "View on site" opens this preview, drafts included. The public page
        (``/stories/<slug>/``, the JSON-LD's ``url``) shows only public ones."""
        return reverse("story-preview", args=[self.pk])

    @property
    def public_from(self) -> datetime.datetime | None:
        """When the story is (or becomes) public: its publication time while
        it is published, else never (None). ``published_q`` for one story in
        memory."""
        if self.status == ArticleStatus.PUBLISHED:
            return self.published_at
        return None

    @property
    def is_public(self) -> bool:
        """Whether the story is public now."""
        return self.public_from is not None and self.public_from <= timezone.now()

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # What the story was when loaded, for ``article_save`` to see what a
        # save changes (articles/services.py).
        article.stored_state_keep()
        return article

    def stored_state_keep(self) -> None:
        if {"status", "published_at"} <= self.__dict__.keys():
            self._stored_public_from = self.public_from
        if "source_id" in self.__dict__:
            self._stored_source_id = self.source_id

    def clean(self) -> None:
        super().clean()
        if self.status == ArticleStatus.PUBLISHED and self.published_at is None:
            raise ValidationError(
                {"published_at": "A published article needs a publication time."}
            )


class Mention(models.Model):
    """An entity the article names. ``about`` marks what the story is mainly
    about (schema.org ``about``) rather than merely mentions."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    about = models.BooleanField(
        default=False, help_text="The story is about this, not just mentioning it."
    )

    class Meta:
        abstract = True


class ArticlePerson(Mention):
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="article_mentions"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "person mentioned"
        verbose_name_plural = "people mentioned"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person"], name="article_person_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


class ArticleOrganisation(Mention):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="article_mentions"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "organisation mentioned"
        verbose_name_plural = "organisations mentioned"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "organisation"], name="article_organisation_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class ArticleAgreement(Mention):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="article_mentions"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "agreement mentioned"
        verbose_name_plural = "agreements mentioned"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "agreement"], name="article_agreement_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.agreement)


class QuoteKind(models.TextChoices):
    DIRECT = "direct", "Direct — a full quoted sentence"
    PARTIAL = "partial", "Partial — quoted words inside the reporter's sentence"
    INDIRECT = "indirect", "Indirect — reported speech"


VERBATIM_KINDS = (QuoteKind.DIRECT, QuoteKind.PARTIAL)


class QuoteQuerySet(models.QuerySet):
    def public(self, *, at: datetime.datetime | None = None) -> QuoteQuerySet:
        """Quotes from public articles only (see ``Article.objects.published``:
        ``public_from`` is the article's publication time while published)."""
        return self.filter(public_from__lte=at or timezone.now())

    def with_related(self) -> QuoteQuerySet:
        """What every list of quotes shows: the story, the speaker, the
        organisation spoken for and the outlet, joined in the one query."""
        return self.select_related("article", "speaker", "organisation", "outlet")


class Quote(models.Model):
    """Words a person said, as the article reports them."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="quotes"
    )
    text = models.TextField(
        help_text="Direct and partial quotes: the quoted words exactly as they "
        "appear in the body, without quotation marks. Indirect quotes: the "
        "reported statement."
    )
    kind = models.CharField(
        max_length=10,
        choices=QuoteKind.choices,
        default=QuoteKind.DIRECT,
        help_text="Direct: a full quoted sentence. Partial: quoted words inside "
        "the reporter's sentence. Indirect: “he said that…”, “according to…”.",
    )
    speaker = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="Who said it. Leave empty for an unnamed source, and describe "
        "the source instead.",
    )
    source_description = models.CharField(
        max_length=200,
        blank=True,
        default="",
        # Also the database's default: bulk writers (the corpus generator's
        # COPY) that name only the columns they fill stay valid.
        db_default="",
        help_text="Who spoke when the story names no one, in the story's words: "
        "“a spokesman”, “officials”, “Moscow”. Give the organisation below when "
        "the story says it.",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="Whom the speaker spoke for. Left empty, it is taken from the "
        "speaker's role at the time when there is exactly one.",
    )
    outlet = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes_given",
        help_text="The outlet the words were said to, when stated (“told TASS”).",
    )
    cue = models.CharField(
        max_length=50,
        blank=True,
        help_text="The reporting verb or phrase: “said”, “told”, “according to”.",
    )
    said_on = models.DateField(
        "said",
        null=True,
        blank=True,
        help_text="When it was said. Left empty, the article's publication date.",
    )
    start = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Offset of the first character in the body.",
    )
    end = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Offset after the last character in the body.",
    )
    public_from = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The article's publication time while it is published, else "
        "empty: a copy kept in step by the services (article_save, quote_save), "
        "so that "
        "public quote lists filter one indexed column instead of joining "
        "articles.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # public_from is derived from the article, which has its own history.
    history = HistoricalRecords(excluded_fields=["public_from"])
    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", models.F("start").asc(nulls_last=True), "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__gt=models.F("start")),
                name="quote_offsets_ordered",
                violation_error_message="A quote's end offset must follow its start.",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=VERBATIM_KINDS) | Q(start__isnull=False),
                name="quote_verbatim_located",
                violation_error_message="A direct or partial quote must be located "
                "in the article's body.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuoteKind.values), name="quote_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | ~Q(source_description=""),
                name="quote_has_source",
                violation_error_message="Choose the speaker, or describe the "
                "unnamed source (“a spokesman”, “officials”).",
            ),
        ]
        indexes = [
            # The public quote list: newest first, public ones only.
            models.Index(fields=["said_on", "id"], name="quote_said_on_id"),
            models.Index(fields=["public_from"], name="quote_public_from"),
            # When each speaker, organisation and outlet was first quoted in
            # public (entities/visibility.py).
            models.Index(
                fields=["speaker", "public_from"], name="quote_speaker_public"
            ),
            models.Index(
                fields=["organisation", "public_from"], name="quote_organisation_public"
            ),
            models.Index(fields=["outlet", "public_from"], name="quote_outlet_public"),
            models.Index(fields=["speaker", "said_on"]),
            models.Index(fields=["organisation", "said_on"]),
            models.Index(fields=["outlet", "said_on"]),
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        if self.speaker_id:
            return f"{self.speaker}: “{words}”"
        if self.source_description:
            return f"{self.source_description} (unnamed): “{words}”"
        return f"“{words}”"

    @classmethod
    def from_db(cls, db, field_names, values):
        quote = super().from_db(db, field_names, values)
        # What the quote linked to when loaded: on a change, the records it
        # no longer names may stop being public (``quote_save``).
        quote.stored_state_keep()
        return quote

    def stored_state_keep(self) -> None:
        self._stored_links = self.links()
        self._stored_public_from = self.__dict__.get("public_from", UNKNOWN)

    def links(self) -> tuple[int | None, int | None, int | None]:
        """The records the quote names: speaker, organisation, outlet."""
        return (
            self.__dict__.get("speaker_id"),
            self.__dict__.get("organisation_id"),
            self.__dict__.get("outlet_id"),
        )

    def clean(self) -> None:
        """Locate the quote in its article's body and fill the defaults that
        depend on the article and the speaker.

        These rules need the body and the registry, which no database
        constraint can see; every write path (admin form, API, seed) reaches
        them through ``full_clean()``.
        """
        super().clean()
        self.source_description = " ".join((self.source_description or "").split())
        if self.speaker_id is None and not self.source_description:
            raise ValidationError(
                {
                    "speaker": "Choose the speaker, or describe the unnamed "
                    "source (“a spokesman”, “officials”)."
                },
                code="quote_has_no_source",
            )
        self.text = quote_text.clean_quote_text(self.text or "")
        if not self.text:
            raise ValidationError({"text": "Enter the quoted words."})
        try:
            # On the admin's add page the article is assigned but not saved yet.
            article = self.article
        except Article.DoesNotExist:
            return
        self._locate(article)
        self._fill_defaults(article)

    def follow_article(self, article: Article) -> None:
        """Bring a saved quote in step with its edited article: locate its
        words in the body again and, if the article has just given it a date,
        fill the defaults that follow from it.

        The rest of ``clean()`` is left out on purpose: the quote's own fields
        were validated when it was saved and have not changed, and this runs
        for every quote on every save of the article. Raises the same
        ``ValidationError`` as ``clean()`` when the words are gone."""
        undated = self.said_on is None
        self._locate(article)
        if undated:
            self._fill_defaults(article)

    def _fill_defaults(self, article: Article) -> None:
        if self.said_on is None and article.published_at is not None:
            self.said_on = timezone.localdate(article.published_at)
        if self.organisation_id is None and self.speaker_id is not None:
            self.organisation = self.default_organisation()

    def _locate(self, article: Article) -> None:
        span = quote_text.find_span(article.body or "", self.text, prefer=self.start)
        if span is None:
            self.start = self.end = None
            if self.kind in VERBATIM_KINDS:
                # The code travels with the field's message (a dict's own
                # code would be dropped): the admin offers repairs for it.
                raise ValidationError(
                    {
                        "text": ValidationError(
                            f"This {self.kind} quote does not occur in the "
                            "article's body. Copy the quoted words exactly as "
                            "the body has them, or make it an indirect quote.",
                            code="quote_not_in_body",
                        )
                    }
                )
            return
        self.start, self.end = span
        # Keep the body's own characters (typographic marks and all), so the
        # stored text and the offsets always agree.
        self.text = article.body[self.start : self.end]

    def validate_constraints(self, exclude=None) -> None:
        # A quote missing from the body already carries an error on ``text``;
        # the location constraint would only repeat it in other words.
        if exclude and "text" in exclude:
            exclude = {*exclude, "start"}
        super().validate_constraints(exclude=exclude)

    @property
    def source_name(self) -> str:
        """Who spoke, for display: the speaker's name or the description of
        an unnamed source."""
        if self.speaker_id:
            return self.speaker.name
        return self.source_description or ""

    def default_organisation(self) -> Organisation | None:
        """The organisation of the speaker's one role at the time, if exactly
        one organisation fits."""
        from entities.models import Role

        day = self.said_on or timezone.localdate()
        organisation_ids = set(
            Role.objects.filter(person_id=self.speaker_id)
            .held_on(day)
            .values_list("organisation_id", flat=True)
        )
        if len(organisation_ids) != 1:
            return None
        return Organisation.objects.get(pk=organisation_ids.pop())
