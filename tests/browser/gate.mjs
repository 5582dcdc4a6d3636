#!/usr/bin/env node
// Browser gate: node gate.mjs BASE_URL [pages.json]
// Every page in pages.json: HTTP status, keyboard checks, axe-core, Nu HTML Checker.
// Last line: "gate: N passed, M failed" (pages). Exit 1 if any page failed.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkPages, formatResult, launchBrowser, makeWorkDir, readJson, removeWorkDir, validatePages,
} from './check.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const baseUrl = process.argv[2] || process.env.KT_BASE_URL;
  if (!baseUrl) {
    console.error('usage: node gate.mjs BASE_URL [pages.json]');
    return 2;
  }
  const pagesFile = process.argv[3] || path.join(HERE, 'pages.json');
  const pages = validatePages(readJson(pagesFile));
  const t0 = Date.now();
  const dir = makeWorkDir('kt-gate-');
  const browser = await launchBrowser();
  let results;
  try {
    console.log(`gate: checking ${pages.length} pages at ${baseUrl}`);
    results = await checkPages(baseUrl, pages, { browser, dir });
  } finally {
    await browser.close();
  }
  for (const r of results) console.log(formatResult(r));
  const failed = results.filter((r) => !r.passed).length;
  const passed = results.length - failed;
  if (failed) console.log(`gate: fetched HTML kept in ${dir}`);
  else removeWorkDir(dir);
  console.log(`gate: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`gate: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(e.stack || String(e));
  console.log('gate: 0 passed, 1 failed');
  process.exitCode = 1;
});
