# Timers with exactly the same deadline. asyncio leaves their order
# unspecified (its heap has no tiebreak); this library promises FIFO. With
# only these three timers in CPython's heap, it happens to pop them in FIFO
# order too, so this program waits on a future rather than on a sleep, whose
# own timer would sit in the heap and reorder them.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    fired = []

    def fire(name):
        print(name)
        fired.append(name)
        if len(fired) == 3:
            done.set_result(None)

    when = loop.time() + 0.1
    for name in ("first", "second", "third"):
        loop.call_at(when, fire, name)
    await done
    print("done")


asyncio.run(main())
