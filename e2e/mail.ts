import { expect } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

// The mail catcher the test command started (maildev's REST API).
const MAIL_CATCHER_URL = process.env.MAIL_CATCHER_URL ?? "http://127.0.0.1:1081";

export type CaughtEmail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  attachments?: { contentId?: string; generatedFileName: string; filename: string }[];
};

async function inbox(): Promise<CaughtEmail[]> {
  const response = await fetch(`${MAIL_CATCHER_URL}/api/email`);
  return (await response.json()) as CaughtEmail[];
}

// Waits for the email to `to` whose subject matches; emails are delivered in the background.
export async function waitForEmail(to: string, subject: RegExp): Promise<CaughtEmail> {
  let found: CaughtEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await inbox()).find((email) => email.to.some((r) => r.address === to) && subject.test(email.subject));
        return Boolean(found);
      },
      { timeout: 20_000, message: `email to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found!;
}

export async function emailsTo(to: string, subject: RegExp): Promise<CaughtEmail[]> {
  return (await inbox()).filter((email) => email.to.some((r) => r.address === to) && subject.test(email.subject));
}

export function linkIn(email: CaughtEmail, path: RegExp): string {
  const match = email.text.match(new RegExp(`https?://[^\\s\\]]+${path.source}`));
  if (!match) throw new Error(`no link matching ${path} in "${email.subject}"`);
  return match[0];
}

export async function attachment(email: CaughtEmail, fileName: string): Promise<Buffer> {
  // The catcher stores attachments under a name of its own.
  const stored = email.attachments?.find((a) => a.filename === fileName)?.generatedFileName;
  expect(stored, `attachment ${fileName}`).toBeTruthy();
  const response = await fetch(`${MAIL_CATCHER_URL}/api/email/${email.id}/attachment/${stored}`);
  expect(response.ok).toBe(true);
  return Buffer.from(await response.arrayBuffer());
}

export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

export function dataUrlBytes(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64");
}
