import { launchBrowser, waitForPrompt } from '/work/main/test/e2e/browser.js';
import { serveStatic } from '/work/main/test/e2e/server.js';
const server = await serveStatic(process.argv[2]);
const browser = await launchBrowser();
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  await page.goto(`${server.url}?test=1`);
  await waitForPrompt(page);
  await page.waitForTimeout(200);
  console.log(await page.evaluate(`performance.getEntriesByType('mark').map(e => e.name.replace('dockersim:','') + '@' + e.startTime.toFixed(0)).join(' ') + ' | dcl@' + performance.getEntriesByType('navigation')[0].domInteractive.toFixed(0) + ' fcp@' + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime.toFixed(0))`));
  await page.close();
}
await browser.close(); await server.close();
