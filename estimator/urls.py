from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path, re_path

from estimator.web import accounts, compare, problems, reference, scenarios, views
from estimator.web.sites import SITES

urlpatterns = [
    # Every registered calculator: its page, its markdown and its API (calculators.py).
    *[route for site in SITES.values() for route in site.urls()],
    path("api/v1/scenarios/<slug:slug>", scenarios.api_scenario, name="api_scenario"),
    path("reference/", reference.reference_page, name="reference"),
    path("problems/", problems.problems_page, name="problems"),
    path("problems/<slug:slug>/practice/", problems.practice_page, name="practice"),
    path("api/v1/problems", problems.api_problems, name="api_problems"),
    path("api/v1/problems/<slug:slug>/practice", problems.api_practice, name="api_practice"),
    path("api/v1/reference", reference.api_reference, name="api_reference"),
    path("s/", scenarios.create, name="scenario_create"),
    path("s/<slug:slug>.md", scenarios.scenario_markdown, name="scenario_markdown"),
    path("s/<slug:slug>/", scenarios.scenario, name="scenario"),
    path("s/<slug:slug>/fork/", scenarios.fork, name="scenario_fork"),
    path("s/<slug:slug>/delete/", scenarios.delete, name="scenario_delete"),
    path("s/<slug:slug>/r/<int:number>/", scenarios.revision, name="scenario_revision"),
    path("s/<slug:slug>/r/<int:number>.md", scenarios.revision_markdown, name="revision_markdown"),
    path("compare/", compare.compare_page, name="compare"),
    path("compare.md", compare.compare_markdown, name="compare_markdown"),
    path("my/", scenarios.my_scenarios, name="my_scenarios"),
    path("my/claim/", scenarios.claim, name="scenario_claim"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", accounts.sign_in, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("favicon.ico", views.favicon),
    path("healthz", views.healthz, name="healthz"),
    path("admin/login/", accounts.admin_sign_in),
    path("admin/", admin.site.urls),
    re_path(r"^api/", views.api_not_found),  # last: any other path under /api/ is a JSON 404
]
