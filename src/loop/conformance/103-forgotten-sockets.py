# A server and a connection the program never closes do not keep the process alive after run().
import asyncio


connected = asyncio.Event()


async def handle(reader, writer):
    print("server: client connected")
    connected.set()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await connected.wait()
    print("main: leaving the socket and the server open")


asyncio.run(main())
print("run() returned")
