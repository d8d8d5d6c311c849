"""The JSON API's body (estimator/render/api.py): JSON has no infinity."""

import math

import numpy as np

from estimator.domain.estimate import estimate
from estimator.render.api import estimate_body


def test_a_result_not_finite_is_null_in_the_body_and_a_finite_one_is_itself():
    result = estimate({"dau": "5M"})
    names = [name for name, r in result.results.items() if isinstance(r.value, float) and math.isfinite(r.value)]
    forever, nan, numpy_inf, kept = names[:4]
    result.results[forever].value = math.inf  # e.g. the time to fill a disk that never fills
    result.results[nan].value = math.nan
    result.results[numpy_inf].value = np.float64("-inf")  # a float too, from a run on arrays
    figure = result.results[kept].value

    body = estimate_body(result)["results"]

    assert body[forever]["value"] is None and body[nan]["value"] is None and body[numpy_inf]["value"] is None
    assert body[kept]["value"] == figure
