# Timers fire by deadline, not by the order they were scheduled; call_soon
# callbacks run before any timer.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.3, print, "timer 0.3")
    loop.call_later(0.1, print, "timer 0.1")
    loop.call_later(0.2, print, "timer 0.2")
    loop.call_soon(print, "soon")
    loop.call_later(0.4, done.set_result, None)
    start = loop.time()
    await done
    print(f"elapsed {loop.time() - start:.1f}")


asyncio.run(main())
