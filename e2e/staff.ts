import { expect, type Page } from "@playwright/test";
import { generate, generateSecret } from "otplib";
import pg from "pg";
import { register, type TestUser, newTraveller } from "./fixtures";

export type StaffUser = TestUser & { secret: string };

// A staff member of the test's own: registered in the browser like anyone, then given the role
// and an enrolled authenticator in the database, as `npm run staff:promote` and a first visit to
// the console would. Own accounts keep tests in parallel from replaying each other's codes.
export async function newStaffMember(page: Page, role: "SUPPORT" | "ADMIN"): Promise<StaffUser> {
  const user = { ...newTraveller(), name: role === "ADMIN" ? "Ren Admin" : "Mio Support" };
  await register(page, user);
  const secret = generateSecret();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`UPDATE users SET role = $1 WHERE email = $2 RETURNING id`, [
      role,
      user.email,
    ]);
    await client.query(`INSERT INTO staff_totp ("userId", secret, "confirmedAt") VALUES ($1, $2, now())`, [
      rows[0]!.id,
      secret,
    ]);
  } finally {
    await client.end();
  }
  return { ...user, secret };
}

// Opens the console, which first asks for the authenticator's code.
export async function openConsole(page: Page, staff: StaffUser, path = "/admin") {
  await page.goto(`/en${path}`);
  await expect(page).toHaveURL(/\/en\/admin\/second-factor/);
  await page.getByLabel("Code").fill(await generate({ secret: staff.secret }));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${path.replace(/[?]/g, "\\?")}$`));
}
