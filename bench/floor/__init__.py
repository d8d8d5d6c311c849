"""The API's floor, for `python bench/distinct.py --floor`: the product exactly as it serves
(production settings, every middleware, the same gunicorn), except that the estimate API's body
is computed once, when a worker starts, and handed back for every query: what the server can
serve for the distinct queries when the estimate costs nothing. Bench only: never a product
URL (`DJANGO_SETTINGS_MODULE=floor.settings` with bench/ on the path)."""
