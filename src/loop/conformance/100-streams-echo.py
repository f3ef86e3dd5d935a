# A TCP echo server and a client on loopback: start_server on port 0, open_connection,
# readline/write/drain, write_eof, EOF, then closing both sides.
import asyncio


async def handle(reader, writer):
    host, _ = writer.get_extra_info("peername")
    print("server: client from", host)
    while True:
        line = await reader.readline()
        if not line:
            break
        print("server got", line.decode().strip())
        writer.write(line.upper())
        await writer.drain()
    print("server: client sent EOF")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", "yes" if port > 0 else "no")
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["hello", "wörld"]:
        writer.write(f"{word}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print("client got", reply.decode().strip())
    writer.write_eof()
    rest = await reader.read()
    print("client read", len(rest), "bytes at EOF; at_eof:", "yes" if reader.at_eof() else "no")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("server serving:", "yes" if server.is_serving() else "no")


asyncio.run(main())
