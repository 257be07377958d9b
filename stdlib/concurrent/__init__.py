"""Concurrent execution (gild): see `concurrent.futures`."""
