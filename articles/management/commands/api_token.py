"""Issue, show, rotate or revoke a user's API token, for newsroom scripts and
front ends that write through the API. (Editors can do the same in the admin
under "Auth Token".)"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Print a user's API token (creating it), or --rotate or --revoke it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--rotate", action="store_true", help="Replace the token with a new one."
        )
        action.add_argument(
            "--revoke", action="store_true", help="Delete the token: it stops working."
        )

    def handle(self, *args, username: str, rotate: bool, revoke: bool, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        if revoke or rotate:
            deleted, _ = Token.objects.filter(user=user).delete()
            if revoke:
                self.stdout.write(
                    f"Revoked the token of {username}."
                    if deleted
                    else f"{username} had no token."
                )
                return
        if not user.is_active:
            raise CommandError(f"{username} is not active; activate the account first.")
        token, created = Token.objects.get_or_create(user=user)
        self.stderr.write(
            f"{'New' if created else 'Existing'} token for {username}; send it as "
            "the header  Authorization: Token <token>"
        )
        self.stdout.write(token.key)
