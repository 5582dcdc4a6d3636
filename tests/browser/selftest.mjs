#!/usr/bin/env node
// Self-test of the browser gate: it must catch a broken page and let a good one through, and
// the reflow check must catch a page too wide at 320 px, one too wide with 200 % text and a
// scrolling box that the keyboard cannot reach; the Tab walk in batches, and a press at a
// time on a page with inline event handlers.
// Serves tests/browser/fixtures on 127.0.0.1 (random port, with a CSP that forbids inline
// script like the site's) and runs the gate's own checking code (check.mjs) on it.
// Last line: "selftest: N passed, M failed" (assertions). Exit 1 if any assertion failed.

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkPages, formatResult, launchBrowser, makeWorkDir, removeWorkDir, runVnu, statusMatches,
} from './check.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, 'fixtures');
const TYPES = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.css': 'text/css; charset=utf-8' };

function serveFixtures() {
  const server = http.createServer(async (req, res) => {
    const name = path.basename(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const headers = {
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
    };
    try {
      const body = await readFile(path.join(FIXTURES, name));
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(name)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed += 1; else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}${!ok && detail ? `\n      ${detail}` : ''}`);
}

async function main() {
  const t0 = Date.now();
  // Pure checks of the status matcher.
  check(statusMatches(200, 200) && statusMatches('4xx', 404) && statusMatches('4xx', 400)
    && !statusMatches('4xx', 500) && !statusMatches(404, 410) && statusMatches([400, 404], 400),
  'status matcher: 200, "4xx", [400, 404]');

  const server = await serveFixtures();
  const base = `http://127.0.0.1:${server.address().port}/`;
  const dir = makeWorkDir('kt-selftest-');
  let browser = null;
  let results;
  try {
    browser = await launchBrowser();
    results = await checkPages(base, [
      { name: 'good', path: '/good.html', status: 200, lang: 'en', expect: ['main [lang="fi"]'] },
      { name: 'broken', path: '/broken.html', status: 200, lang: 'en' },
      { name: 'no-focus-style', path: '/no-focus-style.html', status: 200, lang: 'en' },
      { name: 'good-wrong-status', path: '/good.html', status: 404, lang: 'en' },
      { name: 'good-wrong-lang', path: '/good.html', status: 200, lang: 'fi', expect: ['main [lang="sv"]'] },
      { name: 'reflow-wide', path: '/reflow-wide.html', status: 200, lang: 'en' },
      { name: 'reflow-text', path: '/reflow-text.html', status: 200, lang: 'en' },
      { name: 'reflow-scrollbox', path: '/reflow-scrollbox.html', status: 200, lang: 'en' },
      { name: 'handlers', path: '/handlers.html', status: 200, lang: 'en' },
    ], { browser, dir });
  } finally {
    if (browser) await browser.close();
    server.close();
  }
  for (const r of results) console.log(formatResult(r).replace(/^/gm, '  | '));
  const [good, broken, noFocus, wrongStatus, wrongLang, wide, bigText, scrollbox, handlers] = results;

  // The good page passes everything.
  check(good.status === 200 && good.problems.status.length === 0 && good.problems.fetch.length === 0,
    'good.html: fetched with HTTP 200');
  check(good.problems.axe.length === 0, 'good.html: no axe violations', good.problems.axe.map((v) => v.id).join(', '));
  check(good.problems.vnu.length === 0, 'good.html: no vnu errors', good.problems.vnu.join(' | '));
  check(good.problems.keyboard.length === 0, 'good.html: keyboard checks pass', good.problems.keyboard.join(' | '));
  check(good.problems.reflow.length === 0, 'good.html: reflow checks pass (its table scrolls in a labelled region)', good.problems.reflow.join(' | '));
  check(good.passed, 'good.html: passes the gate');

  // The broken page is caught by every checker.
  const axeIds = new Set(broken.problems.axe.map((v) => v.id));
  check(axeIds.has('image-alt'), 'broken.html: axe reports image-alt', [...axeIds].join(', '));
  check(axeIds.has('label'), 'broken.html: axe reports label', [...axeIds].join(', '));
  check(axeIds.has('html-has-lang'), 'broken.html: axe reports html-has-lang', [...axeIds].join(', '));
  check(axeIds.has('color-contrast'), 'broken.html: axe reports color-contrast', [...axeIds].join(', '));
  const vnuText = broken.problems.vnu.join('\n');
  check(broken.problems.vnu.length > 0, 'broken.html: vnu reports errors');
  check(/Duplicate ID/i.test(vnuText), 'broken.html: vnu reports the duplicate id', vnuText);
  check(/Stray end tag/i.test(vnuText), 'broken.html: vnu reports the stray </div>', vnuText);
  check(/alt/i.test(vnuText), 'broken.html: vnu reports the img without alt', vnuText);
  const kb = broken.problems.keyboard.join('\n');
  check(/lang> is missing/.test(kb), 'broken.html: missing <html lang> reported', kb);
  check(/skip link/.test(kb), 'broken.html: missing skip link reported', kb);
  check(!broken.passed, 'broken.html: fails the gate');

  // Focus without an indicator is caught by the keyboard check alone.
  check(noFocus.problems.axe.length === 0 && noFocus.problems.vnu.length === 0,
    'no-focus-style.html: axe- and vnu-clean', [...noFocus.problems.axe.map((v) => v.id), ...noFocus.problems.vnu].join(' | '));
  check(/no focus indicator/.test(noFocus.problems.keyboard.join('\n')),
    'no-focus-style.html: missing focus indicator reported', noFocus.problems.keyboard.join(' | '));
  check(!noFocus.passed, 'no-focus-style.html: fails the gate');

  // The Tab walk in batches (a keyup recorder in the page, script execution on) sees every
  // stop: the fixtures above; a page with inline event handlers is walked with script
  // execution off (its handler, which would hide the first link, never runs), and still
  // to its last stop.
  const hk = handlers.problems.keyboard.join('\n');
  check(handlers.warnings.some((w) => /inline event handlers: Tab walk with script execution off/.test(w)),
    'handlers.html: walked a press at a time, script execution off', handlers.warnings.join(' | '));
  check(!/first link/.test(hk) && /focus on <a href="handlers.html"> "second link" has no focus indicator/.test(hk)
    && handlers.problems.axe.length === 0 && handlers.problems.vnu.length === 0,
  'handlers.html: the slow walk reaches the last stop, which has no focus indicator (and only that)', [hk, ...handlers.problems.vnu].join(' | '));
  check(good.warnings.length === 0 && noFocus.warnings.length === 0, 'pages without handlers: walked in batches');

  // A wrong status or a wrong language fails an otherwise good page.
  check(!wrongStatus.passed && wrongStatus.problems.status.length === 1, 'good.html expected 404: status mismatch fails it');
  check(!wrongLang.passed && /expected "fi"/.test(wrongLang.problems.keyboard.join('\n')),
    'good.html expected lang fi: lang mismatch fails it');
  check(/expected selector main \[lang="sv"\]/.test(wrongLang.problems.keyboard.join('\n')),
    'good.html expecting main [lang="sv"]: missing expected element reported');

  // Reflow: each fixture is valid and axe-clean, and fails the reflow check alone.
  const clean = (r) => r.problems.axe.length === 0 && r.problems.vnu.length === 0 && r.problems.keyboard.length === 0;
  const reflowText = (r) => r.problems.reflow.join('\n');
  check(clean(wide) && clean(bigText) && clean(scrollbox), 'reflow fixtures: axe-, vnu- and keyboard-clean',
    [wide, bigText, scrollbox].map((r) => [...r.problems.axe.map((v) => v.id), ...r.problems.vnu, ...r.problems.keyboard].join(' | ')).join(' || '));
  check(/^at 320 px: the page scrolls sideways: \d+ px wide in a 320 px window; sticking out: <p\.banner>/m.test(reflowText(wide)),
    'reflow-wide.html: wider than 320 px, the box named', reflowText(wide));
  check(!wide.passed, 'reflow-wide.html: fails the gate');
  check(!/^at 320 px:/m.test(reflowText(bigText)), 'reflow-text.html: fits 320 px with the text as it is', reflowText(bigText));
  check(/^at 320 px with 200 % text: the page scrolls sideways/m.test(reflowText(bigText)),
    'reflow-text.html: too wide at 320 px with 200 % text', reflowText(bigText));
  check(/^at 200 % text: text does not grow with the text size: <p\.fine-print>/m.test(reflowText(bigText)),
    'reflow-text.html: text sized in px is reported', reflowText(bigText));
  check(!bigText.passed, 'reflow-text.html: fails the gate');
  check(/scrolls sideways but is not a focusable, labelled region/.test(reflowText(scrollbox))
    && !/the page scrolls sideways/.test(reflowText(scrollbox)),
  'reflow-scrollbox.html: a scrolling box without tabindex and name is reported, the page itself fits', reflowText(scrollbox));
  check(!scrollbox.passed, 'reflow-scrollbox.html: fails the gate');

  // No Java, no pass: a checker that cannot run fails the pages.
  const savedJava = process.env.KT_JAVA;
  process.env.KT_JAVA = path.join(dir, 'no-such-java');
  const noJava = await runVnu([path.join(FIXTURES, 'good.html')]);
  if (savedJava === undefined) delete process.env.KT_JAVA; else process.env.KT_JAVA = savedJava;
  check(noJava.fatal !== null, 'vnu that cannot start is reported as a failure', String(noJava.fatal));

  removeWorkDir(dir);
  console.log(`selftest: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`selftest: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(e.stack || String(e));
  console.log(`selftest: ${passed} passed, ${failed + 1} failed`);
  process.exitCode = 1;
});
