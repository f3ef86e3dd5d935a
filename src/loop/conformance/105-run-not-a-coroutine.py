# asyncio.run() given something that is not a coroutine raises ValueError; create_task()
# given one raises TypeError. (Reprs of functions hold addresses: print the start.)
import asyncio


async def main():
    return "ran"


def first_words(e):
    return str(e).split(" got ")[0]


try:
    asyncio.run(main)
except ValueError as e:
    print("run(main): ValueError:", first_words(e))
try:
    asyncio.run(42)
except ValueError as e:
    print("run(42): ValueError:", e)


async def outer():
    try:
        asyncio.create_task(main)
    except TypeError as e:
        print("create_task(main): TypeError:", first_words(e))
    return await main()


print(asyncio.run(outer()))
