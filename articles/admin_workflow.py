"""The workflow in the editors' admin: buttons on an article's own page and
actions on the article list, each offered only to whoever may use it, and
every move made by ``services.article_transition`` (which checks again).

On the article page a workflow button saves the form first and then moves
the story ("save, then publish"), as Wagtail's and Superdesk's editors do:
nothing typed is thrown away. Whether the move is allowed (and a scheduled
time is valid) is checked with the rest of the form *before* anything is
saved, so a refused move comes back as an error at the top of the form with
every field as typed, and nothing saved. A page the user may only read (a
submitted story, for a reporter) has nothing to save: its buttons just move
the story.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import formats, timezone

from . import services
from .models import Article, ArticleStatus

#: The name of the workflow buttons (their value is a ``Move.key``) and of
#: the date and time fields beside "Schedule" (``_0`` the date, ``_1`` the
#: time, as Django's split date-time widget names them).
MOVE_FIELD = "_workflow"
SCHEDULE_FIELD = "_schedule_at"

DRAFT = ArticleStatus.DRAFT
IN_REVIEW = ArticleStatus.IN_REVIEW
PUBLISHED = ArticleStatus.PUBLISHED
ARCHIVED = ArticleStatus.ARCHIVED


@dataclass(frozen=True)
class Move:
    key: str
    status: str
    sources: tuple[str, ...]
    label: str
    done: str
    # Moves that take a story out of public view are marked as such.
    css: str = ""


MOVES = [
    Move("submit", IN_REVIEW, (DRAFT,), "Submit for review", "submitted for review"),
    Move("return", DRAFT, (IN_REVIEW,), "Return to draft", "returned to draft"),
    Move("publish", PUBLISHED, (DRAFT, IN_REVIEW), "Publish", "published"),
    Move("schedule", PUBLISHED, (DRAFT, IN_REVIEW), "Schedule", "scheduled"),
    Move("unpublish", DRAFT, (PUBLISHED,), "Unpublish", "unpublished", "danger"),
    Move("archive", ARCHIVED, (PUBLISHED,), "Archive", "archived", "danger"),
    Move("reopen", DRAFT, (ARCHIVED,), "Reopen as draft", "reopened as a draft"),
]
MOVES_BY_KEY = {move.key: move for move in MOVES}


def moves_for(article: Article, user) -> list[Move]:
    """The buttons ``user`` may press on ``article`` as stored."""
    allowed = services.article_transitions_allowed(article=article, user=user)
    return [
        move
        for move in MOVES
        if article.status in move.sources and move.status in allowed
    ]


def schedule_time(data) -> datetime.datetime:
    """The time chosen beside "Schedule" (the admin's date and time fields,
    ``_schedule_at_0`` and ``_schedule_at_1``, in the newsroom's time zone),
    which must lie ahead."""
    field = forms.SplitDateTimeField(
        error_messages={
            "required": "Choose the date and time the story is to be "
            "published (beside “Schedule”).",
            "incomplete": "Give both the date and the time the story is to be "
            "published (beside “Schedule”).",
            "invalid_date": "The publication date is not a date: write it as "
            "2030-12-08 or 8 Dec 2030, or pick it from the calendar.",
            "invalid_time": "The publication time is not a time: write it as "
            "14:30, or pick it from the clock.",
        }
    )
    parts = [data.get(f"{SCHEDULE_FIELD}_{n}", "").strip() for n in (0, 1)]
    if any(parts) and not all(parts):
        raise ValidationError(field.error_messages["incomplete"], code="incomplete")
    moment = field.clean(parts)
    if moment <= timezone.now():
        raise ValidationError(
            f"{when(moment)} has already passed: schedule the story for a later "
            "time, or publish it now.",
            code="schedule_past",
        )
    return moment


def when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local:%Z}"


def requested_move(data) -> Move | None:
    return MOVES_BY_KEY.get(data.get(MOVE_FIELD, ""))


def move_refusal(*, article: Article, data, user) -> ValidationError | None:
    """Why the move ``data`` asks for (a pressed button) may not be made on
    ``article`` as stored, as a form error; None if it may, or if no
    workflow button was pressed."""
    move = requested_move(data)
    if move is None:
        return None
    if article.status not in move.sources:
        return ValidationError(
            f"“{article}” is {article.get_status_display().lower()}: it cannot "
            f"be {move.done} now.",
            code="invalid_transition",
        )
    refusal = services.article_transition_refusal(
        article=article, status=move.status, user=user
    )
    if refusal is not None:
        return refusal
    if move.key == "schedule":
        try:
            schedule_time(data)
        except ValidationError as error:
            return error
    return None


class WorkflowFormMixin:
    """Refuses the whole form, before anything is saved, when the workflow
    button pressed with it may not be used (``workflow_user`` is set by the
    admin for each request)."""

    workflow_user = None

    def clean(self):
        cleaned_data = super().clean()
        if self.workflow_user is not None and requested_move(self.data) is not None:
            stored = self.instance
            if stored.pk is not None:
                stored = Article.objects.get(pk=stored.pk)
            refusal = move_refusal(
                article=stored, data=self.data, user=self.workflow_user
            )
            if refusal is not None:
                raise ValidationError(
                    [f"Nothing was saved. {message}" for message in refusal.messages],
                    code=getattr(refusal, "code", None),
                )
        return cleaned_data


def make_move(modeladmin, request, article: Article, move: Move, *, saved: bool):
    """Move ``article`` as the button ``move`` asks, with a message saying what
    was saved and what happened; back to the article's page."""
    published_at = None
    if move.key == "schedule":
        try:
            published_at = schedule_time(request.POST)
        except ValidationError as error:
            published_at = error
    try:
        if isinstance(published_at, ValidationError):
            raise published_at
        services.article_transition(
            article=article,
            status=move.status,
            user=request.user,
            published_at=published_at,
        )
    except ValidationError as error:
        prefix = "Your changes were saved, but " if saved else ""
        modeladmin.message_user(
            request,
            f"{prefix}“{article}” was not {move.done}: {' '.join(error.messages)}",
            messages.ERROR,
        )
    else:
        saved_part = "Saved your changes; " if saved else ""
        modeladmin.message_user(
            request, f"{saved_part}{done_message(article, move)}", messages.SUCCESS
        )
    opts = modeladmin.opts
    return HttpResponseRedirect(
        reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=[article.pk],
            current_app=modeladmin.admin_site.name,
        )
    )


def done_message(article: Article, move: Move) -> str:
    if article.status == PUBLISHED and not article.is_public:
        return (
            f"“{article}” is scheduled: it becomes public on "
            f"{when(article.published_at)}."
        )
    if article.status == PUBLISHED:
        return f"“{article}” is published: it is public now."
    return f"“{article}” was {move.done}."


# -- the article list's actions ---------------------------------------------


def transition_action(status: str, label: str, verb: str, *, permission: str):
    """A list action moving every ticked story to ``status``; offered only to
    users with ``permission`` ("change" or "publish", see
    ``ArticleAdmin.has_publish_permission``)."""

    def action(modeladmin, request, queryset):
        done, refused = [], []
        for article in queryset:
            try:
                services.article_transition(
                    article=article, status=status, user=request.user
                )
            except ValidationError as error:
                refused.append(" ".join(error.messages))
            else:
                done.append(f"“{article}”")
        if done:
            modeladmin.message_user(
                request, f"{verb.capitalize()}: {', '.join(done)}.", messages.SUCCESS
            )
        for message in refused:
            modeladmin.message_user(request, message, messages.ERROR)

    action.__name__ = f"make_{status}"
    return admin.action(description=label, permissions=[permission])(action)


def unpublish_action(modeladmin, request, queryset):
    """Unpublish the ticked published stories; any other is left as it is."""
    published = [article for article in queryset if article.status == PUBLISHED]
    for article in queryset:
        if article.status != PUBLISHED:
            modeladmin.message_user(
                request,
                f"“{article}” is {article.get_status_display().lower()}, not "
                "published: there is nothing to unpublish.",
                messages.ERROR,
            )
    moved = []
    for article in published:
        try:
            services.article_transition(
                article=article, status=DRAFT, user=request.user
            )
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            moved.append(f"“{article}”")
    if moved:
        modeladmin.message_user(
            request, f"Unpublished: {', '.join(moved)}.", messages.SUCCESS
        )


unpublish_action.__name__ = "make_unpublished"
unpublish_action = admin.action(
    description="Unpublish selected articles", permissions=["publish"]
)(unpublish_action)


WORKFLOW_ACTIONS = [
    transition_action(
        IN_REVIEW,
        "Submit selected articles for review",
        "submitted for review",
        permission="change",
    ),
    transition_action(
        PUBLISHED, "Publish selected articles", "published", permission="publish"
    ),
    transition_action(
        DRAFT,
        "Return selected articles to draft",
        "returned to draft",
        permission="change",
    ),
    unpublish_action,
    transition_action(
        ARCHIVED, "Archive selected articles", "archived", permission="publish"
    ),
]


class WorkflowAdmin:
    """The article admin's side of the workflow: the buttons on the page
    (``admin/articles/article/workflow.html``), their checks and their moves,
    and the "publish" permission the list actions ask for."""

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("articles.publish_article")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(
            form.__name__, (WorkflowFormMixin, form), {"workflow_user": request.user}
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        move = requested_move(request.POST) if request.method == "POST" else None
        if move is not None and object_id is not None:
            article = self.get_object(request, unquote(object_id))
            if (
                article is not None
                and not self.has_change_permission(request, article)
                and self.has_view_permission(request, article)
            ):
                # A page the user may only read has nothing to save.
                return make_move(self, request, article, move, saved=False)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        article = obj if obj is not None else Article()
        may_act = (
            self.has_add_permission(request)
            if obj is None
            else self.has_view_permission(request, obj)
        )
        now = timezone.localtime()
        context.update(
            {
                "workflow_moves": moves_for(article, request.user) if may_act else [],
                "workflow_saves": obj is None
                or self.has_change_permission(request, obj),
                "move_field": MOVE_FIELD,
                "schedule_field": SCHEDULE_FIELD,
                "schedule_date": request.POST.get(f"{SCHEDULE_FIELD}_0", ""),
                "schedule_time": request.POST.get(f"{SCHEDULE_FIELD}_1", ""),
                "schedule_zone": now.strftime("%Z"),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        move = requested_move(request.POST)
        if move is not None:
            return make_move(self, request, obj, move, saved=True)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        move = requested_move(request.POST)
        if move is not None:
            return make_move(self, request, obj, move, saved=True)
        return super().response_change(request, obj)
