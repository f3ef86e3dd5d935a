# as_completed(timeout=...) raises TimeoutError for what is not done in time.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = [asyncio.create_task(job("fast", 0.05)), asyncio.create_task(job("slow", 1))]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=0.2):
            print("got", await next_done)
    except TimeoutError:
        print("as_completed timed out")
    print("slow still pending:", "yes" if not tasks[1].done() else "no")
    tasks[1].cancel()


asyncio.run(main())
