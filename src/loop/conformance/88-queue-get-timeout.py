# A get() abandoned by wait_for's timeout leaves the queue usable: the
# cancelled getter does not swallow a later item.
import asyncio


async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), timeout=0.05)
    except TimeoutError:
        print("get timed out")
    q.put_nowait("later item")
    print("qsize:", q.qsize())
    print("got", await q.get())


asyncio.run(main())
