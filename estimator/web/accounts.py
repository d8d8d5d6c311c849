"""Sign up; sign-in and sign-out are Django's own views (urls.py)."""

from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = UserCreationForm(request.POST)
        if form.is_valid():
            user = form.save()
            login(request, user)  # anonymous scenarios of this browser move to the account
            return redirect("my_scenarios")
    else:
        form = UserCreationForm()
    return render(request, "registration/signup.html", {"form": form}, status=400 if form.errors else 200)
