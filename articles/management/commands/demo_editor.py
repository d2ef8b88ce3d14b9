"""Create (or reset) the demo's editor account and print its login."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demo editor account, or give it a new password, and print "
        "the login. For the demo and local development only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument(
            "--password",
            default="",
            help="Password to set (default: a new random one, printed).",
        )

    def handle(self, *args, username: str, password: str, **options):
        password = password or secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = True
        user.set_password(password)
        user.save()
        verb = "Created" if created else "Reset"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} the editor login — username: {username}  password: {password}"
            )
        )
