// A browser without JavaScript, for benchmarks that must run the real pages, proxy and server
// actions: it keeps cookies, follows redirects itself, reads a page's forms and posts them back
// exactly as rendered. React renders a server-action form with hidden inputs ($ACTION_ID_…,
// or $ACTION_REF_…/$ACTION_KEY and the bound arguments) as multipart/form-data, so posting those
// inputs back is what a browser does when scripts are off.
import { Parser } from "htmlparser2";

type FormField = { name: string; value: string };
export type Form = { action: string; method: "GET" | "POST"; multipart: boolean; fields: FormField[] };

export class Page {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly html: string,
  ) {}

  get forms(): Form[] {
    return parseForms(this.html, this.url);
  }

  form(match: (form: Form) => boolean, description: string): Form {
    const form = this.forms.find(match);
    if (!form) throw new Error(`no ${description} form on ${this.url} (status ${this.status})`);
    return form;
  }

  includes(text: string): boolean {
    return this.html.includes(text);
  }

  // The text of what the page announces with role="alert", e.g. a form's error. (The raw
  // messages also travel in the page's flight data, so searching the whole HTML would not do.)
  get alerts(): string[] {
    return parseAlerts(this.html);
  }
}

export const withField = (name: string, value?: string) => (form: Form) =>
  form.fields.some((field) => field.name === name && (value === undefined || field.value === value));

// Which app instance a request goes to. Without one, requests go where their URL says.
export type Route = () => string;

export const always =
  (upstream: string): Route =>
  () =>
    upstream;

export function roundRobin(upstreams: string[], first = 0): Route {
  let next = first;
  return () => upstreams[next++ % upstreams.length]!;
}

export type BrowserOptions = {
  // With `route`, the site's public address: every request is sent to the routed instance with
  // X-Forwarded-Host naming this one, as a load balancer in front of the instances does.
  publicOrigin?: string;
  route?: Route;
  headers?: Record<string, string>;
  // A request unanswered after this long fails, as a browser gives up on a server that hangs.
  timeoutMs?: number;
};

const MAX_REDIRECTS = 10;

export class Browser {
  // Cookies are scoped to the host name, not the port, so one jar serves every instance on
  // 127.0.0.1; paths and domains are not needed for one site.
  private readonly cookies = new Map<string, string>();
  route?: Route;

  constructor(private readonly options: BrowserOptions = {}) {
    this.route = options.route;
  }

  setCookie(pair: string) {
    const [name, ...value] = pair.split("=");
    this.cookies.set(name!.trim(), value.join("="));
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  get(url: string): Promise<Page> {
    return this.follow(url, { method: "GET" });
  }

  submit(form: Form, values: Record<string, string> = {}): Promise<Page> {
    const fields = filledIn(form, values);
    if (form.method === "GET") {
      const url = new URL(form.action);
      url.search = new URLSearchParams(fields).toString();
      return this.get(url.href);
    }
    return this.follow(form.action, { method: "POST", body: encode(fields, form.multipart) });
  }

  // A POST form submitted without following where it sends the browser: a visitor who closes
  // the tab as soon as the form has answered.
  submitOnly(form: Form, values: Record<string, string> = {}): Promise<Response> {
    if (form.method !== "POST") throw new Error("only a POST form changes anything when submitted alone");
    return this.request(form.action, { method: "POST", body: encode(filledIn(form, values), form.multipart) });
  }

  // One request without following redirects, e.g. for JSON routes.
  async request(
    url: string,
    init: { method: string; body?: BodyInit; headers?: Record<string, string> },
  ): Promise<Response> {
    const target = new URL(url);
    const upstream = this.route?.();
    const headers: Record<string, string> = { ...this.options.headers, ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    // A browser sends its page's origin with every form post; Next refuses a server action
    // whose origin differs from the (forwarded) host.
    if (init.method !== "GET") headers.origin = this.options.publicOrigin ?? target.origin;
    if (upstream) headers["x-forwarded-host"] = new URL(this.options.publicOrigin!).host;
    const response = await fetch(upstream ? upstream + target.pathname + target.search : target, {
      ...init,
      headers,
      redirect: "manual",
      signal: this.options.timeoutMs ? AbortSignal.timeout(this.options.timeoutMs) : undefined,
    });
    this.keepCookies(response);
    return response;
  }

  private async follow(url: string, init: { method: string; body?: BodyInit }): Promise<Page> {
    let current = { url, ...init };
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await this.request(current.url, current);
      const location = response.headers.get("location");
      if (!location || response.status < 300 || response.status >= 400) {
        return new Page(current.url, response.status, await response.text());
      }
      await response.arrayBuffer();
      current = { url: new URL(location, current.url).href, method: "GET" };
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
  }

  private keepCookies(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || isPastExpiry(attribute));
      const name = pair.split("=")[0]!.trim();
      if (expired) this.cookies.delete(name);
      else this.setCookie(pair);
    }
  }
}

function isPastExpiry(attribute: string): boolean {
  const match = /^\s*expires=(.*)$/i.exec(attribute);
  return match ? Date.parse(match[1]!) <= Date.now() : false;
}

function filledIn(form: Form, values: Record<string, string>): [string, string][] {
  const unknown = Object.keys(values).filter((name) => !form.fields.some((field) => field.name === name));
  if (unknown.length) throw new Error(`the form has no field ${unknown.join(", ")}`);
  return form.fields.map(({ name, value }): [string, string] => [name, values[name] ?? value]);
}

function encode(fields: [string, string][], multipart: boolean): BodyInit {
  if (!multipart) return new URLSearchParams(fields);
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return body;
}

type Attributes = Record<string, string>;
type Open = { form?: Form; select?: { name: string; value?: string; first?: string }; textarea?: FormField };

// What a browser would submit: named inputs (checked ones for checkboxes and radios, no
// buttons), each select's selected or first option, and textareas.
function parseForms(html: string, pageUrl: string): Form[] {
  const forms: Form[] = [];
  const open: Open = {};
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (tag === "form") {
          open.form = newForm(attributes, pageUrl);
          forms.push(open.form);
        } else if (open.form) openField(open, tag, attributes);
      },
      ontext(text) {
        if (open.textarea) open.textarea.value += text;
      },
      onclosetag(tag) {
        closeField(open, tag);
        if (tag === "form") open.form = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return forms;
}

function parseAlerts(html: string): string[] {
  const alerts: string[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(_tag, attributes) {
        if (depth > 0 || attributes.role === "alert") depth++;
        if (depth === 1) alerts.push("");
      },
      ontext(text) {
        if (depth > 0) alerts[alerts.length - 1] += text;
      },
      onclosetag() {
        if (depth > 0) depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return alerts.map((alert) => alert.trim());
}

function newForm(attributes: Attributes, pageUrl: string): Form {
  return {
    action: new URL(attributes.action ?? "", pageUrl).href,
    method: attributes.method?.toUpperCase() === "POST" ? "POST" : "GET",
    multipart: attributes.enctype === "multipart/form-data",
    fields: [],
  };
}

const NOT_SUBMITTED = new Set(["submit", "button", "image", "reset", "file"]);

function openField(open: Open, tag: string, attributes: Attributes) {
  const name = attributes.name;
  if (tag === "option" && open.select) {
    const value = attributes.value ?? "";
    open.select.first ??= value;
    if ("selected" in attributes) open.select.value = value;
  }
  if (!name || "disabled" in attributes) return;
  if (tag === "input") {
    const type = (attributes.type ?? "text").toLowerCase();
    const unchecked = (type === "checkbox" || type === "radio") && !("checked" in attributes);
    if (!NOT_SUBMITTED.has(type) && !unchecked)
      open.form!.fields.push({ name, value: attributes.value ?? (type === "checkbox" ? "on" : "") });
  } else if (tag === "select") open.select = { name };
  else if (tag === "textarea") open.textarea = { name, value: "" };
}

function closeField(open: Open, tag: string) {
  if (tag === "select" && open.select) {
    open.form?.fields.push({ name: open.select.name, value: open.select.value ?? open.select.first ?? "" });
    open.select = undefined;
  }
  if (tag === "textarea" && open.textarea) {
    open.form?.fields.push(open.textarea);
    open.textarea = undefined;
  }
}
