"""A bare Django "hello" project: the baseline bench/distinct.py divides the API by. Django
and nothing else: no database, no apps, no middleware, one view answering text/plain."""
