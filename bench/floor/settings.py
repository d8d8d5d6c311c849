"""The product's settings with the floor's URLs (bench/floor/urls.py): nothing else differs."""

from estimator.settings import *  # noqa: F403

ROOT_URLCONF = "floor.urls"
