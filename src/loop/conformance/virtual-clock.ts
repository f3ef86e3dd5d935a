/**
 * Loaded before each twin (`node --import`): every loop the twin makes runs on virtual time,
 * so its timers fire in deadline order at their exact deadlines however loaded the machine,
 * and the elapsed times it prints are exact. The Python twins' recorded output is what those
 * deadlines give on a real clock.
 */
import * as asyncio from "asyncio";

asyncio.setEventLoopPolicy(new asyncio.DefaultEventLoopPolicy(() => new asyncio.VirtualTimeLoop()));
