# A barrier needs at least one party.
import asyncio

for parties in (0, -1):
    try:
        asyncio.Barrier(parties)
    except ValueError as e:
        print(f"Barrier({parties}): ValueError:", e)
print("Barrier(1) parties:", asyncio.Barrier(1).parties)
