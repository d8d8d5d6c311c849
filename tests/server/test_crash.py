"""No lost data: every save the server acknowledged survives a SIGKILL mid-load."""

import threading
import time

import pytest

from .harness import Browser, Server, database

pytestmark = pytest.mark.server

CLIENTS = 6
# The kill comes once this many saves were acknowledged, the clients still saving: a count, not
# a time (2 s of load saved 13 revisions on a busy machine and 60 on a quiet one).
WANTED = 4 * CLIENTS + 1
LOAD_AT_MOST = 120  # seconds to reach WANTED: past it the test fails (a hang), never on load


def test_every_acknowledged_save_survives_sigkill_mid_load():
    with database() as env:
        server = Server(env, workers=2)
        server.start()
        acknowledged: list[tuple[str, int, str]] = []  # (slug, revision, dau) answered with 303
        lock = threading.Lock()
        stop = threading.Event()

        def client(index: int):
            browser = Browser(server.url)
            try:
                slug = browser.create(f"client {index}", dau="1000")
            except (OSError, RuntimeError):
                return
            with lock:
                acknowledged.append((slug, 1, "1000"))
            revision = 1
            while not stop.is_set():
                dau = f"{index}{revision + 1}k"
                try:
                    status, _, _ = browser.request(f"/s/{slug}/", {"name": f"client {index}", "revision": revision,
                                                                   "dau": dau}, timeout=30)
                except OSError:
                    return  # the server died under us: this save was never acknowledged
                if status == 303:
                    revision += 1
                    with lock:
                        acknowledged.append((slug, revision, dau))

        threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + LOAD_AT_MOST
        while len(acknowledged) < WANTED and time.monotonic() < deadline and any(t.is_alive() for t in threads):
            time.sleep(0.01)
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=10)

        restarted = Server(env, workers=1)
        restarted.start()
        try:
            reader = Browser(restarted.url)
            print(f"{len(acknowledged)} acknowledged saves checked after SIGKILL")
            assert len(acknowledged) >= WANTED  # the load really saved revisions before the kill
            lost = []
            for slug, number, dau in acknowledged:
                status, _, body = reader.request(f"/s/{slug}/r/{number}.md")
                if status != 200 or f"| `dau` | {dau} |" not in body.decode():
                    lost.append((slug, number, dau, status))
            assert lost == []
        finally:
            restarted.stop()
