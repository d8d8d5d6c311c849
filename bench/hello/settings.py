"""The hello project's settings: the least Django needs to answer a request. DEBUG off, no
database, no installed apps, no middleware (so no sessions, auth, CSRF, security headers)."""

import secrets

DEBUG = False
SECRET_KEY = secrets.token_urlsafe(50)  # nothing is signed; Django only insists on one
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "hello.urls"
WSGI_APPLICATION = "hello.wsgi.application"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
