# BoundedSemaphore refuses to be released above its initial value; a plain
# Semaphore allows it.
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    print("locked:", "yes" if sem.locked() else "no")
    sem.release()
    try:
        sem.release()
    except ValueError:
        print("over-release: ValueError")
    plain = asyncio.Semaphore(1)
    plain.release()
    await plain.acquire()
    await plain.acquire()
    print("plain semaphore went above its initial value")
    print("locked:", "yes" if plain.locked() else "no")


asyncio.run(main())
