#!/usr/bin/env node
// Browser gate: node gate.mjs BASE_URL [pages.json]
// Every page in pages.json and in pages.d/*.json (one file a topic, so that work on
// different topics adds pages without touching one list): HTTP status, keyboard
// checks, reflow at 320 px and 200 % text (check.mjs, REFLOW_PASSES), axe-core, Nu HTML Checker.
// KT_GATE_SHARD=I/N checks one shard of the files (shardOf).
// Last line: "gate: N passed, M failed" (pages). Exit 1 if any page failed.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkPages, formatResult, launchBrowser, makeWorkDir, readJson, removeWorkDir, validatePages,
} from './check.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function topicFiles() {
  const dir = path.join(HERE, 'pages.d');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}

/**
 * KT_GATE_SHARD=I/N: the files of shard I of N (make test runs the shards side by side,
 * each against servers of its own). Whole files, never a file cut in two: the pages of a
 * file may rely on the ones before them (a visitor signed in, a form posted). The files
 * go, the largest first, to the shard with the fewest pages so far: the shards stay
 * about even as topics grow, and the same files always land in the same shard.
 */
function shardOf(files, spec) {
  if (!spec) return files;
  const m = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(spec);
  if (!m || Number(m[1]) > Number(m[2])) throw new Error(`KT_GATE_SHARD=${spec}: expected I/N, 1 <= I <= N`);
  const [i, n] = [Number(m[1]), Number(m[2])];
  const sized = files.map((f) => ({ f, n: readJson(f).length }))
    .sort((a, b) => b.n - a.n || (a.f < b.f ? -1 : 1));
  const load = Array(n).fill(0);
  const mine = [];
  for (const { f, n: pages } of sized) {
    const s = load.indexOf(Math.min(...load));
    load[s] += pages;
    if (s === i - 1) mine.push(f);
  }
  return files.filter((f) => mine.includes(f));
}

async function main() {
  const baseUrl = process.argv[2] || process.env.KT_BASE_URL;
  if (!baseUrl) {
    console.error('usage: node gate.mjs BASE_URL [pages.json]');
    return 2;
  }
  const all = process.argv[3] ? [process.argv[3]] : [path.join(HERE, 'pages.json'), ...topicFiles()];
  const files = shardOf(all, process.env.KT_GATE_SHARD);
  const pages = validatePages(files.flatMap((f) => readJson(f)));
  const t0 = Date.now();
  const dir = makeWorkDir('kt-gate-');
  const browser = await launchBrowser();
  let results;
  try {
    const shard = process.env.KT_GATE_SHARD ? ` (shard ${process.env.KT_GATE_SHARD}: ${files.map((f) => path.basename(f)).join(', ')})` : '';
    console.log(`gate: checking ${pages.length} pages at ${baseUrl}${shard}`);
    results = await checkPages(baseUrl, pages, { browser, dir });
  } finally {
    await browser.close();
  }
  for (const r of results) console.log(formatResult(r));
  const failed = results.filter((r) => !r.passed).length;
  const passed = results.length - failed;
  if (failed) console.log(`gate: fetched HTML kept in ${dir}`);
  else removeWorkDir(dir);
  // What the checks cost, a page: keyboard (with the page's load), reflow, axe, in one tab.
  const ms = (k) => results.reduce((sum, r) => sum + (r.ms?.[k] || 0), 0);
  const checked = results.filter((r) => r.ms).length;
  if (checked) {
    console.log(`gate: reflow checks ${(ms('reflow') / 1000).toFixed(1)} s in all, ${Math.round(ms('reflow') / checked)} ms a page`);
    console.log(`gate: a page ${Math.round(ms('total') / checked)} ms: keyboard ${Math.round(ms('keyboard') / checked)} (reflow included), axe ${Math.round(ms('axe') / checked)}`);
  }
  console.log(`gate: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`gate: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(e.stack || String(e));
  console.log('gate: 0 passed, 1 failed');
  process.exitCode = 1;
});
