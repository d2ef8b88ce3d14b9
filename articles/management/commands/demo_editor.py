"""Create (or reset) the demo's editor and reporter accounts and print their
logins."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

ACCOUNTS = [("editor", "Editors"), ("reporter", "Reporters")]


class Command(BaseCommand):
    help = (
        "Create the demo accounts — 'editor' (Editors group: may publish) and "
        "'reporter' (Reporters group: drafts and review) — or give them new "
        "passwords, and print the logins. For the demo and local development."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default="",
            help="Password to set for both (default: a new random one each).",
        )

    def handle(self, *args, password: str, **options):
        for username, group_name in ACCOUNTS:
            secret = password or secrets.token_urlsafe(12)
            user, created = get_user_model().objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = False
            user.set_password(secret)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            verb = "Created" if created else "Reset"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{verb} the {username} login ({group_name}) — username: "
                    f"{username}  password: {secret}"
                )
            )
