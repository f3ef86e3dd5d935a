# Nested timeouts: the inner one expiring raises TimeoutError inside the
# outer block, which can carry on; the outer one expiring is the outer's.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.3) as outer:
            try:
                async with asyncio.timeout(0.1) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print(f"inner expired at {loop.time() - start:.1f}s")
            print("inner expired:", "yes" if inner.expired() else "no")
            print("outer expired:", "yes" if outer.expired() else "no")
            async with asyncio.timeout(10) as inner2:
                await asyncio.sleep(10)
    except TimeoutError:
        print(f"outer expired at {loop.time() - start:.1f}s")
    print("inner2 expired:", "yes" if inner2.expired() else "no")
    print("outer expired:", "yes" if outer.expired() else "no")


asyncio.run(main())
