# get_nowait on an empty queue raises QueueEmpty; put_nowait on a full one
# raises QueueFull.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("get_nowait: QueueEmpty")
    q.put_nowait("only")
    try:
        q.put_nowait("one too many")
    except asyncio.QueueFull:
        print("put_nowait: QueueFull")
    print("full:", "yes" if q.full() else "no", "qsize:", q.qsize())


asyncio.run(main())
