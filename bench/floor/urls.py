"""The product's URLs, with the estimate API's view answering a body computed once per worker
(the photo preset with dau=1K: the size and shape of a distinct query's answer). The view is
the product's own (Site.views: GET only, an ETag and its 304, public caching, the JSON written
by orjson for each request); only Site.api_body, the estimate and its body, is skipped."""

from django.urls import URLPattern

from estimator.urls import urlpatterns as product
from estimator.web.sites import SITES, Site

API_ROUTE = "api_estimate"
QUERY = {"preset": "photo-sharing-100m-dau", "dau": "1K"}


class Canned(Site):
    """A site whose API answers one precomputed (status, body) whatever the query."""

    def __init__(self, site: Site):
        super().__init__(site.entry)
        self.answer = site.api_body(QUERY)

    def api_body(self, query):
        return self.answer


def _swapped(pattern):
    if isinstance(pattern, URLPattern) and pattern.name == API_ROUTE:
        site = next(s for s in SITES.values() if s.entry.api_route == API_ROUTE)
        return Canned(site).urls()[2]
    return pattern


urlpatterns = [_swapped(p) for p in product]
