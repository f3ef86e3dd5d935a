# Cancelled handles and timer handles never run.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    soon = loop.call_soon(print, "never printed (soon)")
    later = loop.call_later(0.05, print, "never printed (later)")
    kept = loop.call_later(0.1, print, "kept timer fires")
    print("soon cancelled before:", "yes" if soon.cancelled() else "no")
    soon.cancel()
    later.cancel()
    print("soon cancelled after:", "yes" if soon.cancelled() else "no")
    print("later cancelled:", "yes" if later.cancelled() else "no")
    print("kept cancelled:", "yes" if kept.cancelled() else "no")
    await asyncio.sleep(0.2)
    print("done")


asyncio.run(main())
