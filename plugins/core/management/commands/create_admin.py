from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from plugins.core.accounts import ensure_staff_user, issue_one_time_password
from plugins.core.models import AccountSecurity


class Command(BaseCommand):
    help = (
        "Create the site administrator with a one-time password that must be changed at "
        "first login. Run again before that first login to get a new one-time password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user, password = ensure_staff_user(
                username, "Quản trị hệ thống", email=email, is_superuser=True
            )
        elif AccountSecurity.must_change(user):
            password = issue_one_time_password(user)
        else:
            self.stdout.write(
                f"Administrator '{username}' exists and has set its own password; unchanged."
            )
            return
        self.stdout.write(
            self.style.WARNING(
                f"Administrator: {username}  one-time password: {password}\n"
                "Sign in at http://127.0.0.1:8000/admin/ — you will be asked to change it."
            )
        )
