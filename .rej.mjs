import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
await page.goto("about:blank");
const result = await page.evaluate(async () => {
  const code = `
    const log = [];
    self.onunhandledrejection = (e) => { e.preventDefault(); log.push("REJECTION"); };
    const mc = new MessageChannel(); let m = 0;
    mc.port1.onmessage = () => { log.push("m" + m); if (++m < 5) mc.port2.postMessage(null); };
    let n = 0; const tick = () => { log.push("t" + n); if (++n < 6) setTimeout(tick, 0); else postMessage(log); };
    Promise.resolve().then(() => { Promise.reject(new Error("x")); mc.port2.postMessage(null); setTimeout(tick, 0); });
  `;
  const w = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })), { type: "module" });
  return new Promise((r) => (w.onmessage = (e) => r(e.data)));
});
console.log(result.join(" "));
await browser.close();
