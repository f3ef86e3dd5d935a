# run_forever runs callbacks until stop(); stop() lets the current iteration
# finish, so callbacks already queued still run.
import asyncio

loop = asyncio.new_event_loop()


def tick(n):
    print("tick", n)
    if n < 3:
        loop.call_later(0.05, tick, n + 1)
    else:
        loop.stop()
        loop.call_soon(print, "scheduled after stop: not run in this iteration")


loop.call_soon(tick, 1)
loop.run_forever()
print("run_forever returned")
loop.run_until_complete(asyncio.sleep(0))
loop.close()
