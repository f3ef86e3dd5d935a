# gather returns results in argument order, whatever the completion order.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name.upper()


async def main():
    results = await asyncio.gather(job("slow", 0.2), job("fast", 0.05), job("mid", 0.1))
    print("results:", ", ".join(results))


asyncio.run(main())
