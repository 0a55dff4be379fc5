import "server-only";
import { z } from "zod";
import { paymentMethodListSchema } from "./payments/methods";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const AUTH_PATHS = ["/", "/api/auth", "/api/auth/"];

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Where the app runs. `next start` always sets NODE_ENV=production, so a production build
    // under test says APP_ENV=test; defaults to NODE_ENV.
    APP_ENV: z.enum(["development", "test", "production"]).optional(),
    // Says that a production build (NODE_ENV=production) deliberately runs as something other
    // than production: the test command's build, a QA sandbox. Without it such a build refuses
    // to start, so a mistyped APP_ENV never serves the free local checkout or the simulator.
    TABI_SANDBOX: z.literal("1", { error: "must be 1 or unset" }).optional(),
    DATABASE_URL: z.url({
      protocol: /^postgres(ql)?$/,
      error: "must be a postgresql:// connection URL",
    }),
    AUTH_SECRET: z
      .string({ error: "is required (generate one with `openssl rand -base64 32`)" })
      .min(32, { error: "must be at least 32 characters (`openssl rand -base64 32`)" }),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^sk_(test|live)_\w+$/, { error: "must be a Stripe secret key (sk_test_… or sk_live_…)" })
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string({ error: "is required (the whsec_… signing secret of the webhook endpoint)" })
      .regex(/^whsec_\w+$/, { error: "must be a webhook signing secret (whsec_…)" }),
    // The public address of the app. Every absolute URL it makes (links in emails, Stripe's
    // return URLs, the API address it shows) starts here, never with a request's Host header.
    APP_URL: z.url({ protocol: /^https?$/, error: "must be the app's public http(s) URL" }).optional(),
    // Read by Auth.js itself: the origin its URLs and redirects are built on. Without it Auth.js
    // takes the request's Host header, which a client can forge.
    AUTH_URL: z
      .url({ protocol: /^https?$/, error: "must be the app's public http(s) URL" })
      .refine((url) => !URL.canParse(url) || AUTH_PATHS.includes(new URL(url).pathname), {
        error: "must be the app's origin, or its origin and /api/auth (Auth.js takes its routes' path from it)",
      })
      .optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().min(3).default("Tabi eSIM <no-reply@tabi.test>"),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    // Background jobs run inside each app process unless a separate `npm run worker` runs them.
    JOB_RUNNER: z.enum(["embedded", "off"]).default("embedded"),
    JOB_CONCURRENCY: z.coerce.number().int().min(1).max(20).default(2),
    // What checkout offers, in this order, where the amount allows (lib/payments/methods.ts).
    PAYMENT_METHODS: paymentMethodListSchema.default(["card", "konbini", "paypay", "alipay", "wechat_pay", "paypal"]),
    // Stripe's payment_method_options.konbini.expires_after_days: calendar days in Japan the
    // buyer has to pay a voucher; it expires at 23:59:59 JST on the last one.
    KONBINI_EXPIRES_AFTER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    // How many times faster than real time the local checkout's simulated waits pass (a
    // Konbini voucher paid "after 3 minutes", a refund that settles later, the 45 days a
    // Konbini refund waits for a bank account): 60 turns minutes into seconds. Dates shown stay
    // the real ones; only when the simulated event happens moves.
    SANDBOX_TIME_SCALE: z.coerce.number().min(1).max(100_000).default(1),
    // The largest refund (in yen) a support agent may give on one order; larger ones need an
    // admin. Checked on the server by lib/orders/staff-refunds.ts, whatever the console sends.
    SUPPORT_REFUND_LIMIT_JPY: z.coerce.number().int().min(0).max(10_000_000).default(5000),
    // How many reverse proxies in front of the app append to X-Forwarded-For; the client's
    // address is read that many entries in from the right (lib/auth/client-ip.ts). 0: clients
    // connect to the app directly and the header they send is ignored.
    TRUSTED_PROXY_HOPS: z
      .string()
      .regex(/^\d{1,2}$/, { error: "must be a whole number of proxies, 0 or more" })
      .default("0")
      .transform(Number),
  })
  .transform(({ APP_ENV, ...rest }) => ({ ...rest, APP_ENV: APP_ENV ?? rest.NODE_ENV }))
  .superRefine((env, context) => {
    if (env.NODE_ENV === "production" && env.APP_ENV !== "production" && !env.TABI_SANDBOX) {
      context.addIssue({
        code: "custom",
        path: ["APP_ENV"],
        message: `is ${env.APP_ENV} in a production build: set APP_ENV=production, or TABI_SANDBOX=1 for a sandbox`,
      });
    }
    if (env.APP_ENV !== "production") return;
    if (env.TABI_SANDBOX) {
      context.addIssue({ code: "custom", path: ["TABI_SANDBOX"], message: "must not be set with APP_ENV=production" });
    }
    for (const name of ["APP_URL", "AUTH_URL", "SMTP_URL"] as const) {
      if (!env[name]) context.addIssue({ code: "custom", path: [name], message: "is required in production" });
    }
    if (env.APP_URL && env.AUTH_URL && new URL(env.APP_URL).origin !== new URL(env.AUTH_URL).origin) {
      context.addIssue({ code: "custom", path: ["AUTH_URL"], message: "must have the same origin as APP_URL" });
    }
  })
  // Outside production, links point at the local app and mail goes to the local mail catcher.
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? "http://127.0.0.1:3000").replace(/\/$/, ""),
    SMTP_URL: env.SMTP_URL ?? "smtp://127.0.0.1:1025",
  }))
  .superRefine((env, context) => {
    if (env.APP_ENV === "production" && !env.STRIPE_SECRET_KEY) {
      context.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message: "is required in production (the local test-mode checkout does not run there)",
      });
    }
    if (env.APP_ENV !== "production" && env.STRIPE_SECRET_KEY?.startsWith("sk_live_")) {
      context.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message: "must be a test-mode key (sk_test_…) outside production",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidConfigurationError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    super(`Invalid configuration:\n${lines.join("\n")}`);
    this.name = "InvalidConfigurationError";
  }
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new InvalidConfigurationError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
