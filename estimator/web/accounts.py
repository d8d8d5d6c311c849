"""Sign up, and the throttled sign-in views; sign-out is Django's own view (urls.py).

Signing in or up moves nothing: the browser's anonymous scenarios wait on /my/ for the user
to move them (scenarios.claim).
"""

from django.contrib import admin
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .throttle import sign_in_throttle, sign_up_throttle


class SignUpForm(UserCreationForm):
    """Django's form, except that it says a name is taken only when everything else would
    have created the account: a probe with a throwaway password learns nothing, and a real
    attempt costs one of the address's few sign-ups an hour."""

    def full_clean(self):
        super().full_clean()
        taken = self._errors.get("username") if self._errors else None
        if taken and len(self._errors) > 1 and all(error.code == "unique" for error in taken.as_data()):
            del self._errors["username"]


@sign_up_throttle
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if form.is_valid():
            user = form.save()
            login(request, user)
            return redirect("my_scenarios")
    else:
        form = SignUpForm()
    return render(request, "registration/signup.html", {"form": form}, status=400 if form.errors else 200)


sign_in = sign_in_throttle(auth_views.LoginView.as_view())
admin_sign_in = sign_in_throttle(admin.site.login)  # the admin's own form guesses passwords just as well
