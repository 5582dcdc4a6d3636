// Pages behind a sign-in, and forms posted with their CSRF token, for the gate (check.mjs).
//
// pages.json entries may add:
//   "login": "EMAIL"     fetch the page as this signed-in account (a demo account of
//                        sql/demo/demo.sql; password KT_GATE_PASSWORD, default the demo one);
//                        one sign-in per account for the whole run
//   "form": true         the entry is a POST of a form: first GET "formPath" (default: path)
//                        as the same visitor, then POST "body" plus that page's csrf token,
//                        urlencoded, with the site's Origin, as a browser would
// Without "login" a form is posted by a fresh anonymous visitor (its own pre-session cookie).

const DEMO_PASSWORD = process.env.KT_GATE_PASSWORD || 'demo-salasana-2026';
const TIMEOUT_MS = 15000;

/** Cookies of one visitor: what Set-Cookie gave, sent back as one Cookie header. */
class Visitor {
  constructor(baseUrl) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.cookies = new Map();
  }

  take(res) {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0];
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (/;\s*Max-Age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }

  headers(extra = {}) {
    const h = { ...extra };
    if (this.cookies.size) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return h;
  }

  async request(path, { method = 'GET', body, headers } = {}) {
    const res = await fetch(this.base + path, {
      method, body, headers: this.headers(headers), redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    this.take(res);
    return res;
  }

  /** The csrf token of the last POST form on a page. */
  async token(path) {
    const res = await this.request(path);
    const html = await res.text();
    const all = [...html.matchAll(/name="csrf" value="([^"]+)"/g)];
    if (!all.length) throw new Error(`no csrf token on ${path} (HTTP ${res.status})`);
    return all[all.length - 1][1];
  }

  postHeaders() {
    return { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(this.base).origin };
  }

  async signIn(email) {
    const lang = 'fi';
    const csrf = await this.token(`/${lang}/login`);
    const body = new URLSearchParams({ csrf, email, password: DEMO_PASSWORD }).toString();
    const res = await this.request(`/${lang}/login`, { method: 'POST', body, headers: this.postHeaders() });
    if (res.status !== 303 || !this.cookies.has('kt_session')) {
      throw new Error(`sign-in as ${email} failed: HTTP ${res.status}`);
    }
    return this;
  }
}

/** Validation of the fields above, for validatePages. */
export function checkVisitorFields(p) {
  if (p.login !== undefined && typeof p.login !== 'string') throw new Error(`pages: login must be an email in ${p.name}`);
  if (p.form !== undefined && typeof p.form !== 'boolean') throw new Error(`pages: form must be true or false in ${p.name}`);
  if (p.form && (p.method || 'GET') !== 'POST') throw new Error(`pages: a form entry is a POST in ${p.name}`);
  if (p.formPath !== undefined && (typeof p.formPath !== 'string' || !p.formPath.startsWith('/'))) {
    throw new Error(`pages: bad formPath in ${p.name}`);
  }
}

/**
 * Headers and body for fetching an entry: the signed-in visitor's cookies, and for a form its
 * token. `sessions` (a Map) keeps one signed-in visitor per account across entries.
 */
export async function prepareRequest(baseUrl, entry, sessions) {
  if (!entry.login && !entry.form) return { headers: entry.headers || {}, body: entry.body };
  let visitor;
  if (entry.login) {
    if (!sessions.has(entry.login)) sessions.set(entry.login, new Visitor(baseUrl).signIn(entry.login));
    visitor = await sessions.get(entry.login);
  } else {
    visitor = new Visitor(baseUrl);
  }
  if (!entry.form) return { headers: visitor.headers(entry.headers || {}), body: entry.body };
  const csrf = await visitor.token(entry.formPath || entry.path);
  const body = `csrf=${encodeURIComponent(csrf)}${entry.body ? `&${entry.body}` : ''}`;
  return { headers: visitor.headers({ ...visitor.postHeaders(), ...(entry.headers || {}) }), body };
}
