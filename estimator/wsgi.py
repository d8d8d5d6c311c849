"""WSGI entry point for gunicorn: `gunicorn -c estimator/gunicorn.conf.py estimator.wsgi`."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "estimator.settings")

application = get_wsgi_application()
