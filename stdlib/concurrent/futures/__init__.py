"""Run calls asynchronously on threads (gild's `concurrent.futures`; the process pool
is not provided yet)."""

from ._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                    CancelledError, TimeoutError, InvalidStateError, BrokenExecutor,
                    Future, Executor, wait, as_completed)
from .thread import ThreadPoolExecutor

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait',
           'as_completed', 'ThreadPoolExecutor')
