import gc
import logging
import runpy
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[1] / "estimator" / "gunicorn.conf.py"


class Worker:
    log = logging.getLogger("test-worker")


@pytest.mark.django_db
def test_a_worker_is_warmed_then_what_it_holds_is_hidden_from_the_garbage_collector(caplog):
    post_worker_init = runpy.run_path(str(CONF))["post_worker_init"]
    gc.unfreeze()

    try:
        post_worker_init(Worker())

        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()
    assert frozen > 10_000  # Django, pint, numpy and the compiled formulas
    assert "warming" not in caplog.text  # every warm-up request answered 200
