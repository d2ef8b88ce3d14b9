"""Factories that build valid records through the same services editors use."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles import services as article_services
from articles.models import Article, ArticleStatus, Quote, QuoteKind
from entities import services as entity_services
from entities.models import Organisation, OrganisationKind, Person, Role


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        aliases = kwargs.pop("aliases", ())
        # Fixtures may hold namesakes on purpose (a merge's two records).
        return entity_services.person_save(
            person=model_class(**kwargs), aliases=aliases, not_a_duplicate=True
        )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.OTHER

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        aliases = kwargs.pop("aliases", ())
        return entity_services.organisation_save(
            organisation=model_class(**kwargs), aliases=aliases, not_a_duplicate=True
        )


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "Spokesperson"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return entity_services.role_create(**kwargs)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    headline = factory.Sequence(lambda n: f"Story number {n}")
    body = "The minister said “we will build the bridge” on Monday."
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(hours=1)
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return article_services.article_create(**kwargs)


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(PersonFactory)
    text = "we will build the bridge"
    kind = QuoteKind.DIRECT

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return article_services.quote_create(**kwargs)


def newsroom_user(username: str, group: str):
    """A staff account in the Reporters or Editors group (the groups come
    from a data migration)."""
    user = get_user_model().objects.create_user(
        username=username, password="correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user
