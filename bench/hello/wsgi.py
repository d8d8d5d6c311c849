"""`gunicorn --pythonpath bench hello.wsgi`: the settings module is forced, not defaulted, so a
DJANGO_SETTINGS_MODULE inherited from the caller (pytest sets one) cannot serve the product."""

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "hello.settings"
application = get_wsgi_application()
