"""The awaitable that ``anext(iterator, default)`` returns in gild: it awaits the
iterator's ``__anext__()`` result and turns ``StopAsyncIteration`` into ``default``."""


async def anext_awaitable(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
