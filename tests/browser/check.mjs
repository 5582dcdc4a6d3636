// Checking code shared by gate.mjs (the real site) and selftest.mjs (the fixtures).
//
// For every page entry {path, status, name, lang?, expect?, method?, body?, headers?, login?,
// form?, formPath?} (README.md; login and form: visitor.mjs):
//   1. fetch the raw bytes with Node's fetch (no redirect following), check the status,
//      store them as DIR/NAME.html for the Nu HTML Checker;
//   2. in Debian's Chromium (playwright-core), serve exactly those bytes for the page URL
//      (subresources such as /static/ CSS still come from the server), loaded once, with
//      JavaScript off, in one tab (openTabs), where in turn run
//        - keyboard checks (skip link, focus visible, focus indicator, skip link moves the
//          focus start into <main>), <html lang>, exactly one <main>;
//        - reflow (REFLOW_PASSES);
//        - axe-core with the WCAG 2.x A/AA + best-practice tags (script execution switched
//          on for it, CSP bypassed);
//   3. vnu once over all stored files; its errors are attributed to the pages by file name.
// A page passes when every list of problems is empty.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVisitorFields, prepareRequest } from './visitor.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const CHROMIUM = process.env.KT_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const AXE_PATH = path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
export const VNU_JAR = path.join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const NAV_TIMEOUT_MS = 15000;
const MAX_TABS = 300;
const VNU_TIMEOUT_MS = 180000;

// ---------------------------------------------------------------- small helpers

/** Does an actual HTTP status match the expected one? expected: 200, "200", "4xx", [400, 404]. */
export function statusMatches(expected, actual) {
  if (Array.isArray(expected)) return expected.some((e) => statusMatches(e, actual));
  if (typeof expected === 'number') return expected === actual;
  const s = String(expected).trim().toLowerCase();
  if (/^[1-5]xx$/.test(s)) return Math.floor(actual / 100) === Number(s[0]);
  if (/^\d{3}$/.test(s)) return Number(s) === actual;
  throw new Error(`bad expected status ${JSON.stringify(expected)}`);
}

/** The language a page must declare: entry.lang, else the first path segment (fi, sv, en). */
export function pageLang(entry) {
  if (entry.lang) return entry.lang;
  const m = /^\/([a-z]{2})(?:\/|$)/.exec(entry.path);
  return m ? m[1] : null;
}

export function fileNameFor(entry) {
  return `${String(entry.name).replace(/[^A-Za-z0-9._-]+/g, '_')}.html`;
}

/** Validate a pages list (pages.json) and return it; throws on a malformed entry. */
export function validatePages(pages) {
  if (!Array.isArray(pages) || pages.length === 0) throw new Error('pages: expected a non-empty array');
  const names = new Set();
  for (const p of pages) {
    if (!p || typeof p.path !== 'string' || !p.path.startsWith('/')) throw new Error(`pages: bad path in ${JSON.stringify(p)}`);
    if (typeof p.name !== 'string' || !p.name) throw new Error(`pages: missing name in ${JSON.stringify(p)}`);
    if (p.status === undefined) throw new Error(`pages: missing status in ${JSON.stringify(p)}`);
    statusMatches(p.status, 200); // throws on a malformed status
    if (p.expect !== undefined && !(Array.isArray(p.expect) && p.expect.every((x) => typeof x === 'string'))) {
      throw new Error(`pages: expect must be a list of CSS selectors in ${p.name}`);
    }
    checkVisitorFields(p);
    const f = fileNameFor(p);
    if (names.has(f)) throw new Error(`pages: duplicate name ${p.name}`);
    names.add(f);
  }
  return pages;
}

export function makeWorkDir(prefix = 'kt-gate-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeWorkDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- browser

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  // launch() (not launchPersistentContext) gives every run a fresh temporary user-data-dir,
  // which playwright-core creates and removes itself.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30000,
  });
}

/**
 * The browser tab the checks run in, reused from page to page (a new renderer costs about a
 * second). Each page is loaded once, with JavaScript off and the site's CSP in force, and
 * checked in that one tab: keyboard and structure, then reflow, then axe. The main document
 * of a checked page is served from the bytes fetched before (the same bytes vnu sees);
 * everything else, such as /static/ CSS, comes from the server.
 *
 * JavaScript off is what the page is parsed and laid out with: its scripts, had it any, never
 * run, and <noscript> shows. Script execution is switched on afterwards (CDP
 * Emulation.setScriptExecutionDisabled, no reload) only for the gate's own code: the Tab
 * walk's recorder (a keyup listener: one round trip for a whole batch of Tab presses instead
 * of two a stop) and axe-core (its timers and promises need it). Scripts the page skipped
 * while parsing stay skipped; a page with inline event handlers (on* attributes), which
 * would come alive, is walked the slow way with script execution off throughout.
 */
export async function openTabs(browser) {
  const served = new Map(); // URL without fragment -> fetched
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  await context.route('**/*', (route) => {
    const req = route.request();
    const f = req.isNavigationRequest() && served.get(req.url().split('#')[0]);
    if (!f) return route.continue();
    return route.fulfill({ status: f.status, headers: f.headers, body: f.body });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  const cdp = await context.newCDPSession(page);
  // Off through this session too: a session's override that has never been set is not
  // applied when it is set to its default.
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  let scriptsOn = false;
  const tabs = {
    page,
    cdp,
    keyboard: page,
    /** Switch the execution of (the gate's) scripts in the loaded page on or off. */
    async scripts(on) {
      if (on === scriptsOn) return;
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: !on });
      scriptsOn = on;
    },
    /** Load the fetched bytes as the page, JavaScript off. */
    async load(p, fetched) {
      tabs.altered = false;
      await tabs.scripts(false);
      served.set(fetched.url.split('#')[0], fetched);
      const resp = await p.goto(fetched.url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      if (!resp) throw new Error('navigation gave no response');
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
  return tabs;
}

let axeSource = null;

/**
 * axe-core on the page the keyboard and reflow checks have left (they restore the window and
 * the text size), with the focus and scroll position reset as on arrival; a page whose
 * autofocus attributes the keyboard checks removed is loaded again as it was fetched.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern;
 * CSP is bypassed (from then on, in this document only) for axe's message templates, which
 * it compiles with `new Function`.
 */
export async function runAxe(tabs, fetched) {
  const page = tabs.page;
  if (tabs.altered || page.url().split('#')[0] !== fetched.url.split('#')[0]) await tabs.load(page, fetched);
  else {
    await page.evaluate(() => {
      if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
  }
  await tabs.scripts(true);
  await tabs.cdp.send('Page.setBypassCSP', { enabled: true });
  try {
    if (!axeSource) axeSource = readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
    return await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => (Array.isArray(n.target) ? n.target.map(String).join(' ') : String(n.target))),
      }));
    }, AXE_TAGS);
  } finally {
    await tabs.cdp.send('Page.setBypassCSP', { enabled: false }).catch(() => {});
  }
}

// Evaluated in the page: describe the focused element and whether its focus is visible.
// `settled`: the caller has ended the transitions already (installFocusRecorder).
function describeFocus(settled) {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  getComputedStyle(el).transform; // flush style so that transitions started by focus show up
  const animating = !settled && document.getAnimations().some((an) => {
    if (an.playState !== 'running') return false;
    const t = an.effect && an.effect.getComputedTiming();
    return t && Number.isFinite(t.endTime);
  });
  const tag = el.tagName.toLowerCase();
  const id = el.id ? `#${el.id}` : '';
  const text = (el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  const href = el.getAttribute('href');
  const desc = `<${tag}${id}${href !== null ? ` href="${href}"` : ''}>${text ? ` "${text}"` : ''}`;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const problems = [];
  if (cs.visibility !== 'visible' || cs.display === 'none' || Number(cs.opacity) === 0) problems.push('is hidden while focused');
  else if (r.width < 2 || r.height < 2) problems.push(`is ${r.width}x${r.height} px while focused`);
  else if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) problems.push('is outside the viewport while focused');
  else if ((cs.clip && cs.clip !== 'auto') || (cs.clipPath && cs.clipPath !== 'none')) problems.push('is clipped while focused');
  else {
    // Not hidden behind something else (WCAG 2.4.11): the centre of at least one of its boxes
    // (a wrapped inline link has several) must hit the element itself.
    const boxes = [...el.getClientRects()].filter((b) => b.width >= 1 && b.height >= 1);
    let hit = null;
    const visible = boxes.some((b) => {
      const cx = Math.min(Math.max(b.left + b.width / 2, 0), innerWidth - 1);
      const cy = Math.min(Math.max(b.top + b.height / 2, 0), innerHeight - 1);
      const h = document.elementFromPoint(cx, cy);
      if (h && (h === el || el.contains(h) || (h.tagName === 'LABEL' && h.control === el))) return true;
      hit = hit || h;
      return false;
    });
    if (!visible && hit) problems.push(`is covered by <${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}> while focused`);
  }
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(cs.outlineColor);
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  if (!outline && !shadow) problems.push('has no focus indicator (outline and box-shadow are none)');
  if (!el.matches(':focus-visible')) problems.push('does not match :focus-visible after Tab');
  const parts = []; // identity of the element: its path in the tree
  for (let e = el; e && e.parentElement; e = e.parentElement) parts.push([...e.parentElement.children].indexOf(e));
  return { none: false, desc, href, problems, key: parts.join('.'), animating };
}

// Focus state after a key press. Transitions that focus starts (a skip link sliding in) are
// waited for, at most 1 s, from Node: timers do not run in a page with JavaScript off.
async function focusState(page) {
  let f;
  for (let i = 0; i < 20; i++) {
    f = await page.evaluate(describeFocus);
    if (!f.animating) break;
    await new Promise((r) => { setTimeout(r, 50); });
  }
  return f;
}

// Evaluated in the page (script execution on): after every Tab key press, record the focus
// as describeFocus sees it once the transitions have ended (finished at once: they would be
// waited for otherwise). The press's keyup comes after its keydown has moved the focus.
function installFocusRecorder(describe) {
  window.__ktFocusRecord = [];
  window.addEventListener('keyup', (ev) => {
    if (ev.key !== 'Tab') return;
    const el = document.activeElement;
    if (el) getComputedStyle(el).transform; // flush style: transitions that the focus starts
    for (const an of document.getAnimations()) {
      const t = an.playState === 'running' && an.effect && an.effect.getComputedTiming();
      if (t && Number.isFinite(t.endTime)) an.finish();
    }
    window.__ktFocusRecord.push(describe(true));
  }, true);
}

const TAB_DOWN = {
  type: 'rawKeyDown', modifiers: 0, windowsVirtualKeyCode: 9, code: 'Tab', key: 'Tab',
  text: '', unmodifiedText: '', autoRepeat: false, location: 0, isKeypad: false,
};
const TAB_UP = { type: 'keyUp', modifiers: 0, windowsVirtualKeyCode: 9, code: 'Tab', key: 'Tab', location: 0, isKeypad: false };

/**
 * Real Tab key presses, n at a time: resolves to the focus state after each (describeFocus).
 * Fast (the page has no inline event handlers): the key events of the whole batch are sent
 * at once, in order, through the DevTools protocol (as Playwright's keyboard.press sends
 * them), and the page's keyup recorder gives every state in one round trip; a press whose
 * keyup the page did not get (the focus left it) ends the list. Slow: a press and a look
 * at a time, script execution off.
 */
async function tabPresser(tabs, fast) {
  const page = tabs.page;
  if (!fast) {
    return async (n) => {
      const got = [];
      for (let i = 0; i < n; i++) {
        await page.keyboard.press('Tab');
        got.push(await focusState(page));
      }
      return got;
    };
  }
  await tabs.scripts(true);
  // one expression, so that the recorder gets describeFocus itself (no eval: the site's CSP)
  await page.evaluate(`(${installFocusRecorder})(${describeFocus})`);
  return async (n) => {
    const sent = [];
    for (let i = 0; i < n; i++) {
      sent.push(tabs.cdp.send('Input.dispatchKeyEvent', TAB_DOWN), tabs.cdp.send('Input.dispatchKeyEvent', TAB_UP));
    }
    await Promise.all(sent);
    return page.evaluate(() => window.__ktFocusRecord.splice(0));
  };
}

/** Keyboard and structure checks, JavaScript off. Returns a list of problem strings. */
export async function runKeyboardChecks(tabs, fetched, lang, expect = [], notes = []) {
  const problems = [];
  const page = tabs.keyboard;
  await tabs.load(page, fetched);
  const structure = await page.evaluate((selectors) => ({
    lang: document.documentElement.getAttribute('lang'),
    mains: document.querySelectorAll('main').length,
    missing: selectors.filter((sel) => document.querySelector(sel) === null),
    // elements with inline event handlers, which script execution would bring to life
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    // what Tab may stop at, roughly (a radio group is one stop): the first batch of presses
    focusables: [...document.querySelectorAll('*')].filter((el) => el.tabIndex >= 0 && !el.disabled
      && el.getClientRects().length && getComputedStyle(el).visibility === 'visible').length,
  }), expect);
  for (const sel of structure.missing) problems.push(`nothing matches the expected selector ${sel}`);
  if (lang && structure.lang !== lang) {
    problems.push(`<html lang> is ${structure.lang === null ? 'missing' : JSON.stringify(structure.lang)}, expected "${lang}"`);
  }
  if (structure.mains !== 1) problems.push(`${structure.mains} <main> elements, expected exactly 1`);

  // A page that gives a field the focus on arrival (autofocus: the row a form's row button added,
  // or the one after the row it removed): that field has it, inside <main>, visible, with its
  // focus indicator. The walk from the top below then runs on the page without the attribute.
  if (await page.evaluate(() => !!document.querySelector('[autofocus]'))) {
    // Chromium gives the autofocus at a rendering update after the load event: wait for it
    // (a page that never gives it still fails below), polled from here since the page's own
    // scripts and timers are off.
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate(() => !!document.activeElement?.hasAttribute('autofocus'))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const f = await focusState(page);
    const inMain = await page.evaluate(() => {
      const a = document.activeElement;
      const m = document.querySelector('main');
      return !!(a && m && a.hasAttribute('autofocus') && m.contains(a));
    });
    if (f.none || !inMain) problems.push('the autofocus field has not the focus on arrival, inside <main>');
    else for (const p of f.problems) problems.push(`autofocus field ${f.desc} ${p}`);
    await tabs.load(page, { ...fetched, body: Buffer.from(fetched.body.toString('utf8').replace(/ autofocus="autofocus"/g, '')) });
    tabs.altered = true; // axe (runAxe) loads the page as fetched again
  }

  // The Tab walk (tabPresser): fast unless inline event handlers would come alive.
  if (structure.handlers) notes.push(`keyboard: ${structure.handlers} elements with inline event handlers: Tab walk with script execution off, a press at a time`);
  const press = await tabPresser(tabs, structure.handlers === 0);

  // First Tab from the top: a skip link to an existing element that is, holds or is inside <main>.
  const first = (await press(1))[0] || { none: true, problems: [] };
  let skipOk = false;
  if (first.none) {
    problems.push('first Tab focused nothing: expected a skip link');
  } else if (!first.href || !first.href.startsWith('#') || first.href.length < 2) {
    problems.push(`first Tab focused ${first.desc}: expected a skip link (href="#main")`);
  } else {
    const t = await page.evaluate((href) => {
      let id = href.slice(1);
      try { id = decodeURIComponent(id); } catch { /* keep raw */ }
      const el = document.getElementById(id);
      if (!el) return 'missing';
      const main = document.querySelector('main');
      if (!main) return 'nomain';
      return el === main || main.contains(el) || el.contains(main) ? 'ok' : 'outside';
    }, first.href);
    if (t === 'missing') problems.push(`skip link ${first.desc} points to no element`);
    else if (t === 'outside') problems.push(`skip link ${first.desc} points outside <main>`);
    else if (t === 'ok') skipOk = true;
  }
  if (!first.none) for (const p of first.problems) problems.push(`skip link ${first.desc} ${p}`);

  // Walk the whole Tab order: every stop visible with a focus indicator, no trap.
  // Presses go in batches: the first as many as the page has candidate stops (the first one is
  // behind us: one press more sees the walk end), then a few more at a time until it has.
  const seen = new Set(first.none ? [] : [first.key]);
  const bad = [];
  let prev = first;
  let batch = Math.max(1, Math.min(MAX_TABS, structure.focusables));
  walk: for (let i = 0; i < MAX_TABS && !prev.none;) {
    const n = Math.min(batch, MAX_TABS - i);
    const got = await press(n);
    batch = 8;
    for (let j = 0; j < n; j++, i++) {
      const f = got[j] || { none: true };
      if (f.none) break walk;
      if (f.key === prev.key) { problems.push(`keyboard trap: Tab stays on ${f.desc}`); break walk; }
      if (seen.has(f.key)) break walk; // wrapped around
      seen.add(f.key);
      if (f.problems.length) bad.push(`focus on ${f.desc} ${f.problems.join('; ')}`);
      prev = f;
      if (i === MAX_TABS - 1) problems.push(`more than ${MAX_TABS} Tab stops: stopped walking`);
    }
  }
  problems.push(...bad.slice(0, 10));
  if (bad.length > 10) problems.push(`… and ${bad.length - 10} more focus problems`);

  // Activating the skip link moves the focus start: the next Tab lands in/after the target.
  if (skipOk) {
    // Focusing it from script also resets the sequential focus start, without a reload.
    const again = await page.evaluate((href) => {
      const a = [...document.querySelectorAll('a[href]')].find((x) => x.getAttribute('href') === href);
      if (a) a.focus();
      return !!a;
    }, first.href);
    if (!again) throw new Error('skip link vanished');
    await page.keyboard.press('Enter');
    const where = await page.evaluate((href) => {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      const a = document.activeElement;
      if (a === target) return 'ok';
      return null;
    }, first.href);
    if (where !== 'ok') {
      await page.keyboard.press('Tab');
      const after = await page.evaluate((href) => {
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        const a = document.activeElement;
        if (!a || a === document.body) return 'none';
        if (a === target || target.contains(a)) return 'ok';
        // eslint-disable-next-line no-bitwise
        return target.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING ? 'ok' : 'before';
      }, first.href);
      if (after === 'before') problems.push('after activating the skip link, Tab goes to an element before its target');
    }
  }
  return problems;
}

// ---------------------------------------------------------------- reflow

/**
 * Reflow (WCAG 1.4.10) and resized text (1.4.4): the page is laid out again in the keyboard
 * tab, after its checks, without a reload (a viewport change and a style change only cost a
 * layout), once per pass:
 *   - 320 CSS px wide, text as it is;
 *   - the gate's 1280 px window with text at 200 %;
 *   - 320 px with text at 200 % (a phone with large text: the 390 px language switcher of
 *     issue 14).
 * Text at 200 % is what text-only zoom does (Firefox's "Zoom text only", a reader's user
 * style): the root element's font size is doubled through the CSSOM, so every size in
 * rem/em doubles while CSS pixels, the viewport and what width media queries see stay as
 * they are (README.md says why this, not deviceScaleFactor or page zoom).  A pass fails when
 * document.documentElement.scrollWidth > clientWidth (the page scrolls sideways; the
 * elements sticking out are named), when a box that scrolls sideways itself is not a
 * focusable, labelled region (tabindex="0", role and aria-label(ledby)), and, with the
 * larger text, when some text did not grow with it (a size in px).
 */
export const REFLOW_PASSES = [
  { name: '200 % text', width: 1280, text: 2 },
  { name: '320 px with 200 % text', width: 320, text: 2 },
  { name: '320 px', width: 320, text: 1 },
];

// Evaluated in the page: sets the text size (factor 1 restores the author's), then, with
// `check`, measures; `sizes` 'record' returns the font size of each text, 'compare' compares
// them with `before` (the same page at text size 1, same window).
function reflowState({ factor, check, sizes, before }) {
  const root = document.documentElement;
  root.style.removeProperty('font-size');
  if (factor !== 1) {
    const px = parseFloat(getComputedStyle(root).fontSize) * factor;
    root.style.setProperty('font-size', `${px}px`, 'important');
  }
  const problems = [];
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}>`;
  };
  if (check) {
    // Boxes that scroll sideways themselves: what is inside them may be wider.
    const scrollers = [...document.body.querySelectorAll('*')].filter((el) => el.scrollWidth > el.clientWidth + 1
      && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX));
    const inScroller = (el) => scrollers.some((b) => b !== el && b.contains(el));
    for (const b of scrollers) {
      const labelledby = (b.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent.trim() || '').join('');
      const named = (b.getAttribute('aria-label') || '').trim() || labelledby;
      if (b.tabIndex < 0 || !b.hasAttribute('tabindex') || !named || !b.getAttribute('role')) {
        problems.push(`${describe(b)} scrolls sideways but is not a focusable, labelled region (tabindex="0", role, aria-label or aria-labelledby)`);
      }
    }
    const width = root.clientWidth;
    if (root.scrollWidth > width) {
      // the elements sticking out whose children do not: where the width comes from
      const out = [...document.body.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && !inScroller(el);
      });
      const leaves = out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
      // a word longer than its box sticks out of the box without widening it
      const range = document.createRange();
      const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = texts.nextNode(), i = 0; n && i < 3000; n = texts.nextNode(), i += 1) {
        const el = n.parentElement;
        if (!n.data.trim() || !el || inScroller(el) || leaves.includes(el)) continue;
        range.selectNodeContents(n);
        if (range.getBoundingClientRect().right > width + 1) leaves.push(el);
      }
      const named = leaves.slice(0, 5).map((el) => `${describe(el)} to ${Math.round(el.getBoundingClientRect().right)} px`);
      problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${width} px window${named.length ? `; sticking out: ${named.join(', ')}${leaves.length > 5 ? `, … (${leaves.length})` : ''}` : ''}`);
    }
  }
  if (!sizes) return { problems };
  // The font size of each text, in document order (hidden ones too, so that two lists line up).
  const got = [];
  const holders = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && got.length < 3000; n = walker.nextNode()) {
    if (!n.data.trim() || !n.parentElement) continue;
    got.push(parseFloat(getComputedStyle(n.parentElement).fontSize));
    holders.push(n.parentElement);
  }
  if (sizes === 'record') return { problems, sizes: got };
  // Text that hardly grew is sized in px; a heading that a narrower layout makes a little
  // smaller still grows.
  let smallest = Infinity;
  let where = null;
  for (let i = 0; i < Math.min(got.length, before.length); i += 1) {
    const grew = got[i] / before[i];
    if (grew < smallest && holders[i].getClientRects().length) { smallest = grew; where = holders[i]; }
  }
  if (where && smallest < 1 + (factor - 1) / 4) {
    problems.push(`text does not grow with the text size: ${describe(where)} "${where.textContent.trim().slice(0, 30)}" stays at ${Math.round(smallest * 100)} % (a font size in px?)`);
  }
  return { problems };
}

/** The reflow passes (REFLOW_PASSES) in the keyboard tab, on the page it has loaded.
 * Returns a list of problem strings, each naming its pass. */
export async function runReflowChecks(tabs) {
  const page = tabs.keyboard;
  const original = page.viewportSize();
  const problems = [];
  try {
    // the text sizes of the page as it is, in the window of the pass that enlarges them
    const base = await page.evaluate(reflowState, { factor: 1, check: false, sizes: 'record' });
    for (const pass of REFLOW_PASSES) {
      if (page.viewportSize().width !== pass.width) {
        await page.setViewportSize({ width: pass.width, height: original.height });
      }
      const compare = pass.text !== 1 && pass.width === original.width;
      const got = await page.evaluate(reflowState, {
        factor: pass.text, check: true, sizes: compare ? 'compare' : null, before: compare ? base.sizes : null,
      });
      problems.push(...got.problems.map((p) => `at ${pass.name}: ${p}`));
    }
  } finally {
    await page.evaluate(reflowState, { factor: 1, check: false }).catch(() => {});
    await page.setViewportSize(original);
  }
  return problems;
}

// ---------------------------------------------------------------- fetch

export async function fetchPage(baseUrl, entry, dir, sessions = new Map()) {
  const url = new URL(entry.path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
  const { headers: reqHeaders, body: reqBody } = await prepareRequest(baseUrl, entry, sessions);
  const res = await fetch(url, {
    method: entry.method || 'GET',
    headers: reqHeaders,
    body: reqBody,
    redirect: 'manual',
    signal: AbortSignal.timeout(NAV_TIMEOUT_MS),
  });
  const body = Buffer.from(await res.arrayBuffer());
  const headers = {};
  // fetch has already decoded the body: drop the headers that describe the wire form
  res.headers.forEach((v, k) => { if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v; });
  const file = path.join(dir, fileNameFor(entry));
  writeFileSync(file, body);
  return { url, status: res.status, headers, body, file };
}

// ---------------------------------------------------------------- vnu

/** Run vnu once over files. Resolves to {byFile: Map(basename -> {errors, warnings}), fatal}. */
export function runVnu(files) {
  return new Promise((resolve) => {
    const byFile = new Map(files.map((f) => [path.basename(f), { errors: [], warnings: [] }]));
    if (files.length === 0) { resolve({ byFile, fatal: null }); return; }
    if (!existsSync(VNU_JAR)) { resolve({ byFile, fatal: `vnu.jar not found at ${VNU_JAR}` }); return; }
    // C1 only and the serial GC: a short batch run, so JIT and GC threads would only cost CPU.
    const args = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss4m', '-jar', VNU_JAR,
      '--format', 'json', '--stdout', '--exit-zero-always', '--skip-info-messages', '--no-langdetect', ...files];
    let child;
    try {
      child = spawn(process.env.KT_JAVA || 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) { resolve({ byFile, fatal: `cannot start java: ${e.message}` }); return; }
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => resolve({ byFile, fatal: `cannot start java: ${e.message}` }));
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, VNU_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) { resolve({ byFile, fatal: `vnu timed out after ${VNU_TIMEOUT_MS} ms` }); return; }
      const text = Buffer.concat(out).toString('utf8');
      let json;
      try { json = JSON.parse(text); } catch {
        resolve({ byFile, fatal: `vnu exited ${code} without JSON: ${(text + Buffer.concat(err).toString()).slice(0, 500)}` });
        return;
      }
      let fatal = null;
      for (const m of json.messages || []) {
        let name = null;
        if (m.url) { try { name = path.basename(fileURLToPath(m.url)); } catch { name = path.basename(m.url); } }
        const slot = name && byFile.get(name);
        const where = m.lastLine ? `line ${m.lastLine}${m.lastColumn ? `:${m.lastColumn}` : ''}` : '';
        const extract = m.extract ? ` [${m.extract.replace(/\s+/g, ' ').trim().slice(0, 80)}]` : '';
        const msg = `${where ? `${where}: ` : ''}${m.message}${extract}`;
        const isError = m.type === 'error' || m.type === 'non-document-error';
        if (!slot) { if (isError) fatal = `${fatal ? `${fatal}; ` : ''}${msg}`; continue; }
        (isError ? slot.errors : slot.warnings).push(msg);
      }
      if (code !== 0 && !fatal) fatal = `vnu exited ${code}`;
      resolve({ byFile, fatal });
    });
  });
}

// ---------------------------------------------------------------- whole run

const PAGE_TIMEOUT_MS = Number(process.env.KT_GATE_PAGE_TIMEOUT_MS || 60000);
const JOBS = Number(process.env.KT_GATE_JOBS || 1);

/** Resolve to {value, ms}, or reject when the work takes longer than PAGE_TIMEOUT_MS. */
async function timed(promise) {
  const t0 = Date.now();
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${PAGE_TIMEOUT_MS} ms`)), PAGE_TIMEOUT_MS);
  });
  try {
    return { value: await Promise.race([promise, limit]), ms: Date.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Check a list of pages against baseUrl. Returns [{entry, url, status, problems: {status, fetch,
 * axe, keyboard, vnu}, warnings, passed}].
 */
export async function checkPages(baseUrl, pages, { browser, dir, log = () => {} }) {
  const results = [];
  const sessions = new Map(); // signed-in visitors by account (visitor.mjs)
  for (const entry of pages) {
    const r = { entry, url: null, status: null, fetched: null, passed: false,
      problems: { fetch: [], status: [], keyboard: [], reflow: [], axe: [], vnu: [] }, warnings: [] };
    try {
      r.fetched = await fetchPage(baseUrl, entry, dir, sessions);
      r.url = r.fetched.url;
      r.status = r.fetched.status;
      if (!statusMatches(entry.status, r.status)) r.problems.status.push(`HTTP ${r.status}, expected ${entry.status}`);
      const ct = r.fetched.headers['content-type'] || '';
      if (r.status >= 300 && r.status < 400) {
        r.warnings.push(`redirect to ${r.fetched.headers.location || '?'}: no HTML checks`);
        r.fetched.file = null;
      } else if (!/^text\/html\b/i.test(ct)) {
        r.problems.fetch.push(`Content-Type is ${JSON.stringify(ct)}, expected text/html`);
        r.fetched.file = null;
      }
    } catch (e) {
      r.problems.fetch.push(`fetch failed: ${e.cause?.code || e.cause?.message || e.message}`);
    }
    results.push(r);
  }

  // vnu runs in the background while the browser works.
  const files = results.filter((r) => r.fetched?.file).map((r) => r.fetched.file);
  const vnuPromise = runVnu(files);

  // Pages are checked by JOBS workers, each with its own tab (openTabs).
  const queue = results.filter((r) => r.fetched?.file);
  const worker = async () => {
    let tabs = await openTabs(browser);
    try {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const lang = pageLang(r.entry);
        const t0 = Date.now();
        // One load: keyboard checks, then reflow on the page they leave, then axe.
        let reflowMs = 0;
        const keyboardThenReflow = async () => {
          const kbProblems = await runKeyboardChecks(tabs, r.fetched, lang, r.entry.expect || [], r.warnings);
          const t1 = Date.now();
          try {
            r.problems.reflow.push(...await runReflowChecks(tabs));
          } catch (e) {
            r.problems.reflow.push(`reflow checks crashed: ${String(e?.message || e).split('\n')[0]}`);
          }
          reflowMs = Date.now() - t1;
          return kbProblems;
        };
        const [kb] = await Promise.allSettled([timed(keyboardThenReflow())]);
        if (kb.status === 'fulfilled') r.problems.keyboard.push(...kb.value.value);
        else r.problems.keyboard.push(`keyboard checks crashed: ${String(kb.reason?.message || kb.reason).split('\n')[0]}`);
        if (kb.status === 'rejected') {
          // the tab may be stuck: start afresh (runAxe loads the page into it)
          await tabs.close();
          tabs = await openTabs(browser);
        }
        const [ax] = await Promise.allSettled([timed(runAxe(tabs, r.fetched))]);
        if (ax.status === 'fulfilled') r.problems.axe.push(...ax.value.value);
        else r.problems.axe.push({ id: 'axe-crashed', impact: 'critical', help: String(ax.reason?.message || ax.reason).split('\n')[0], targets: [] });
        r.ms = { keyboard: kb.value?.ms, reflow: reflowMs, axe: ax.value?.ms, total: Date.now() - t0 };
        if (ax.status === 'rejected') {
          await tabs.close();
          tabs = await openTabs(browser);
        }
        log(r);
      }
    } finally {
      await tabs.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(JOBS, queue.length)) }, worker));

  const vnu = await vnuPromise;
  for (const r of results) {
    if (!r.fetched?.file) continue;
    const slot = vnu.byFile.get(path.basename(r.fetched.file));
    if (vnu.fatal) r.problems.vnu.push(`vnu failed: ${vnu.fatal}`);
    if (slot) {
      r.problems.vnu.push(...slot.errors);
      r.warnings.push(...slot.warnings.map((w) => `vnu warning: ${w}`));
    }
  }
  for (const r of results) r.passed = Object.values(r.problems).every((l) => l.length === 0);
  return results;
}

export function formatResult(r) {
  const e = r.entry;
  const ms = r.ms ? `, ${(r.ms.total / 1000).toFixed(1)} s` : '';
  const lines = [`${r.passed ? 'PASS' : 'FAIL'}  ${e.name}  ${e.method && e.method !== 'GET' ? `${e.method} ` : ''}${e.path}  (HTTP ${r.status ?? '-'}, expected ${e.status}${ms})`];
  for (const p of [...r.problems.fetch, ...r.problems.status]) lines.push(`    status: ${p}`);
  for (const p of r.problems.keyboard) lines.push(`    keyboard: ${p}`);
  for (const p of r.problems.reflow) lines.push(`    reflow: ${p}`);
  for (const v of r.problems.axe) {
    const t = v.targets?.length ? ` at ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? `, … (${v.targets.length})` : ''}` : '';
    lines.push(`    axe ${v.id} [${v.impact ?? '-'}]: ${v.help}${t}`);
  }
  for (const p of r.problems.vnu) lines.push(`    vnu: ${p}`);
  for (const w of r.warnings) lines.push(`    (note) ${w}`);
  return lines.join('\n');
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
