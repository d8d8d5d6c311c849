"""Anonymous scenarios move to the account when their browser signs in."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .ownership import OWNER_KEY


@receiver(user_logged_in)
def adopt_anonymous_scenarios(sender, request, user, **kwargs):
    if request is None:
        return
    key = request.session.get(OWNER_KEY)
    if key:
        from .models import Scenario

        Scenario.objects.filter(owner__isnull=True, owner_key=key, is_preset=False).update(owner=user, owner_key="")
