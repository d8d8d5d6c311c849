from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "estimator.web"
    label = "web"
    verbose_name = "Estimator"

    def ready(self):
        from . import signals  # noqa: F401  (connects the sign-in handler)
