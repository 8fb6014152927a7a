import { rawMqtt } from "./brokers/raw-mqtt";
import { measureRaw } from "./brokers/raw-driver";
const c = await rawMqtt("mqtt://127.0.0.1:1883", "bench-try-" + Date.now());
const timer = setInterval(() => {}, 1000);
try { console.log(await measureRaw(c, { events: 10000, latencyRate: 500, latencySeconds: 2 })); } catch (e) { console.log("ERR", e); }
clearInterval(timer);
await c.close();
