from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "estimator.web"
    label = "web"
    verbose_name = "Estimator"
