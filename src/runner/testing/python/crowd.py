import asyncio

waiting = 0
peak = 0


async def serve(client):
    global waiting, peak
    waiting += 1
    peak = max(peak, waiting)
    await asyncio.sleep(0.1)
    waiting -= 1
    return client


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    served = await asyncio.gather(*(serve(client) for client in range(10_000)))
    print(f"clients served: {len(served)}, waiting at the same moment: {peak}")
    print("slept at least 0.1 s:", loop.time() - start >= 0.1)


asyncio.run(main())
