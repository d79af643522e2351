"""Run a write's extraction off the event loop, and stop it when nobody waits for it any more.

Extraction is CPU-bound and long (seconds to minutes for a long article), so it
runs in a thread of its own, never on the event loop. The request waits for it
while watching three things: the deadline (``write_timeout``), the client (a
client that hangs up has abandoned the work), and the server (a shutdown cancels
the request). Whichever comes first sets the ``stop`` event, which the extractor
checks between pieces of text, so the thread ends within a piece's parse; it is
a daemon thread, so a server told to stop (SIGTERM) need not wait even for that.
What was stored before the stop stays stored: each article is one transaction,
and sending the same articles again stores only the missing ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

from starlette.requests import Request

from ..errors import TooSlowError

__all__ = ["POLL_SECONDS", "Abandoned", "run_stoppable"]

T = TypeVar("T")

#: How often a waiting request looks at its client and its deadline.
POLL_SECONDS = 0.25


class Abandoned(Exception):
    """The client hung up before its write finished; there is nobody to answer."""


async def run_stoppable(request: Request, work: Callable[[threading.Event], T], timeout: float) -> T:
    """``work(stop)`` in a daemon thread; its result, or ``TooSlowError`` after ``timeout`` seconds.

    ``stop`` is set when the deadline passes, the client disconnects, or this
    coroutine is cancelled (server shutdown); ``work`` must return soon after.
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()
    stop = threading.Event()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def target() -> None:
        try:
            result = work(stop)
        except BaseException as e:  # noqa: BLE001 - handed to the waiting request as it is
            outcome: tuple[T | None, BaseException | None] = (None, e)
        else:
            outcome = (result, None)
        # RuntimeError: the loop has closed; the server stopped and nobody waits
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=target, name="stancemap-write", daemon=True).start()
    deadline = loop.time() + timeout
    try:
        while True:
            left = deadline - loop.time()
            if left <= 0:
                raise TooSlowError(
                    f"the extraction took longer than write_timeout ({timeout:g} s) and was stopped; "
                    "articles stored before the stop stay stored: send the request again for the rest"
                )
            try:
                return await asyncio.wait_for(asyncio.shield(done), min(POLL_SECONDS, left))
            except TimeoutError:
                pass
            if await request.is_disconnected():
                raise Abandoned()
    finally:
        stop.set()
