# inspect.iscoroutinefunction tells coroutine functions from plain ones.
import inspect


async def f():
    return 123


def g():
    return 123


for fn in (f, g):
    kind = "a coroutine function" if inspect.iscoroutinefunction(fn) else "a plain function"
    print(f"{fn.__name__} is {kind}")
