// Drives the Kaoto page in headless Chromium as a user would and prints what it saw as one JSON line.
// Usage: node drive.mjs <page url> <catalog library url> <chromium> <screenshot dir> <route.yaml>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [pageUrl, libraryUrl, chromiumPath, screenshots, routeFile] = process.argv.slice(2);
const route = readFileSync(routeFile, 'utf8');
const seen = { console: [] };

// What a user picks in Kaoto's runtime selector after setting the catalog URL: the library's (only) catalog.
const library = await (await fetch(libraryUrl)).json();
const selectedCatalog = library.definitions[0];

let page;
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(
    ([catalog, yaml]) => {
      localStorage.setItem('selectedCatalog', JSON.stringify(catalog));
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('sourceCode', yaml);
        sessionStorage.setItem('seeded', 'yes');
      }
    },
    [selectedCatalog, route],
  );
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && seen.console.push(m.text().slice(0, 300)));
  page.on('pageerror', (e) => seen.console.push('pageerror: ' + String(e.message).slice(0, 300)));
  const url = `${pageUrl}?catalog=${encodeURIComponent(libraryUrl)}`;

  // 1. The catalog, filtered by "ai4call".
  await page.goto(`${url}#/catalog`);
  const filter = page.getByPlaceholder('Filter by name, description or tag');
  await filter.waitFor({ timeout: 120000 });
  const gallery = page.locator('[data-testid="toggle-layout-button-gallery"]');
  if (await gallery.count()) {
    await gallery.click();
  }
  await filter.fill('ai4call');
  await page.locator('[data-testid^="tile-ai4call-"]').first().waitFor({ timeout: 60000 });
  await page.screenshot({ path: join(screenshots, 'kaoto-catalog-ai4call.png') });
  seen.kameletCount = (await page.locator('[data-testid="kamelet-catalog-tab"]').textContent()) ?? '';
  seen.tiles = [];
  // The catalog shows 50 tiles a page: read every page, as a user paging through.
  for (;;) {
    seen.tiles.push(
      ...(await page.locator('[data-testid^="tile-header-ai4call-"]').evaluateAll((headers) =>
        headers.map((h) => ({
          name: h.getAttribute('data-testid').substring('tile-header-'.length),
          title: h.querySelector('.tile__title span')?.textContent ?? '',
          icon: h.querySelector('img')?.getAttribute('src') ?? '',
        })),
      )),
    );
    const next = page.getByRole('button', { name: 'Go to next page' }).first();
    if (!(await next.count()) || (await next.isDisabled())) {
      break;
    }
    const first = await page.locator('[data-testid^="tile-header-"]').first().getAttribute('data-testid');
    await next.click();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid^="tile-header-"]')?.getAttribute('data-testid') !== before,
      first,
    );
  }

  // 2. The route on the canvas.
  await page.goto(`${url}#/`);
  const node = page.locator('[data-testid^="custom-node__"]').filter({ hasText: /outbound|Outbound/ }).first();
  await node.waitFor({ timeout: 120000 });
  seen.node = {
    text: (await node.textContent()) ?? '',
    icon: (await node.locator('img').first().getAttribute('src').catch(() => '')) ?? '',
  };
  seen.nodes = await page.locator('[data-testid^="custom-node__"]').evaluateAll((ns) => ns.map((n) => n.textContent));
  await page.screenshot({ path: join(screenshots, 'kaoto-route-outbound-call-sink.png') });

  // 3. Its form.
  await node.click();
  const field = page.locator('input[id$="portalApiKey"], input[name$="portalApiKey"]').first();
  await field.waitFor({ timeout: 60000 });
  seen.form = {
    portalApiKeyType: await field.getAttribute('type'),
    labels: await page.locator('.pf-v6-c-form__label-text').allTextContents(),
    title: ((await page.locator('.form-header__title').first().textContent()) ?? '').trim(),
  };
  await page.screenshot({ path: join(screenshots, 'kaoto-outbound-call-sink-form.png') });
} catch (e) {
  seen.error = String(e.message ?? e).slice(0, 2000);
  await page?.screenshot({ path: 'failure.png' }).catch(() => {});
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
