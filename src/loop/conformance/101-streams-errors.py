# Where streams raise: IncompleteReadError (with the partial bytes) at EOF,
# LimitOverrunError past the reader's limit (the data stays buffered), and
# ConnectionRefusedError once nobody listens.
import asyncio


async def handle(reader, writer):
    await reader.readline()
    writer.write(b"x" * 20 + b"\n")
    writer.write(b"abc")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=8)
    writer.write(b"go\n")
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print(type(e).__name__, e, e.consumed)
    line = await reader.readexactly(21)
    print("still buffered:", len(line), "bytes")
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e)
        print("partial:", e.partial.decode(), "expected:", e.expected)
    print("after EOF:", len(await reader.read(10)), "bytes; at_eof:", "yes" if reader.at_eof() else "no")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno)


asyncio.run(main())
