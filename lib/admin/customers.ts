import "server-only";
import type { Prisma, Role } from "@prisma/client";
import { issueEmailRestore } from "../accounts/email-restore";
import { issueEmailVerification } from "../accounts/email-verification";
import { apiTokensOf, revokeAllApiTokens } from "../api/tokens";
import { endSessionsAndTokens } from "../auth/session-revocation";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { orderReference } from "../orders/order-emails";
import { type AuditActor, type AuditRecord, recordAudit, recordRefusal } from "./audit";
import { changeRole } from "./roles";

// What the console shows of an account: who it is, whether it is locked, what it bought, its
// eSIMs and the API tokens that still act for it.
export const STAFF_CUSTOMER_ROWS = 50;

export async function customerForStaff(userId: string) {
  const account = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      role: true,
      locale: true,
      createdAt: true,
      lockedAt: true,
      sessionsValidFrom: true,
      orders: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: STAFF_CUSTOMER_ROWS,
        select: { id: true, kind: true, status: true, totalAmount: true, currency: true, createdAt: true },
      },
      esimProfiles: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: STAFF_CUSTOMER_ROWS,
        select: {
          id: true,
          iccid: true,
          state: true,
          suspendedAt: true,
          createdAt: true,
          plan: { select: { dataMb: true, days: true, carrier: { select: { name: true } } } },
        },
      },
    },
  });
  if (!account) return null;
  const tokens = (await apiTokensOf(account.id)).filter((token) => token.state === "active");
  const orders = account.orders.map((order) => ({ ...order, reference: orderReference(order.id) }));
  return { ...account, orders, tokens };
}

export type StaffCustomer = NonNullable<Awaited<ReturnType<typeof customerForStaff>>>;

type Account = { id: string; name: string; email: string; emailVerified: Date | null; locale: string; role: Role };
type Outcome<Status extends string> = { status: Status; audit?: AuditRecord };

// Each change reads the account under its row lock, decides, and writes its audit entry in the
// same transaction; a refusal is written on its own afterwards. Nothing else is changed then.
async function changeAccount<Done extends string, Refused extends string>(
  staff: AuditActor,
  userId: string,
  action: string,
  change: (tx: Prisma.TransactionClient, account: Account) => Promise<Outcome<Done | Refused>>,
  isDone: (status: Done | Refused) => status is Done,
): Promise<{ status: Done | Refused | "not_found" }> {
  const outcome = await db.$transaction(async (tx): Promise<Outcome<Done | Refused | "not_found">> => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    if (!locked) return { status: "not_found" };
    const account = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true, emailVerified: true, locale: true, role: true },
    });
    const result = await change(tx, account);
    if (isDone(result.status) && result.audit) await recordAudit(tx, staff, result.audit);
    return result;
  });
  if (outcome.status !== "not_found" && !isDone(outcome.status as Done | Refused)) {
    await recordRefusal(staff, {
      action,
      targetType: "user",
      targetId: userId,
      ...outcome.audit,
      after: { ...(outcome.audit?.after as object | undefined), refusal: outcome.status },
    });
  }
  return { status: outcome.status };
}

const is =
  <Done extends string>(...done: Done[]) =>
  (status: string): status is Done =>
    (done as string[]).includes(status);

const activeTokenIds = async (tx: Prisma.TransactionClient, userId: string) =>
  (
    await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((token) => token.id);

// Every browser session of the account ends on its next request, and every API token with it,
// as the account's own "log out of all devices" does (lib/auth/session-revocation.ts).
export function endCustomerSessions(staff: AuditActor, userId: string) {
  return changeAccount(
    staff,
    userId,
    "user.end_sessions",
    async (tx, account) => {
      const now = new Date();
      const tokens = await activeTokenIds(tx, account.id);
      const { sessionsValidFrom } = await tx.user.findUniqueOrThrow({
        where: { id: account.id },
        select: { sessionsValidFrom: true },
      });
      await endSessionsAndTokens(tx, account.id, now);
      return {
        status: "ended" as const,
        audit: {
          action: "user.end_sessions",
          targetType: "user",
          targetId: account.id,
          before: { sessionsValidFrom: sessionsValidFrom?.toISOString() ?? null, activeTokenIds: tokens },
          after: { sessionsValidFrom: now.toISOString(), activeTokenIds: [] },
        },
      };
    },
    is("ended"),
  );
}

// All the account's API tokens, or one of them (only one of this account's, and only once).
export function revokeCustomerTokens(staff: AuditActor, userId: string, tokenId?: string) {
  return changeAccount(
    staff,
    userId,
    "user.revoke_tokens",
    async (tx, account) => {
      const now = new Date();
      const before = await activeTokenIds(tx, account.id);
      const revoking = tokenId ? before.filter((id) => id === tokenId) : before;
      if (revoking.length === 0) return { status: tokenId ? ("token_not_active" as const) : ("no_tokens" as const) };
      if (tokenId) {
        await tx.apiToken.updateMany({
          where: { id: tokenId, userId: account.id, revokedAt: null },
          data: { revokedAt: now },
        });
      } else {
        await revokeAllApiTokens(tx, account.id, now);
      }
      return {
        status: "revoked" as const,
        audit: {
          action: "user.revoke_tokens",
          targetType: "user",
          targetId: account.id,
          before: { activeTokenIds: before },
          after: { activeTokenIds: before.filter((id) => !revoking.includes(id)), revokedTokenIds: revoking },
        },
      };
    },
    is("revoked"),
  );
}

// A locked account cannot sign in and its API tokens are refused (login and the API check
// lockedAt); locking also ends its sessions now. Its tokens are not revoked: they work again
// once it is unlocked. Staff cannot lock themselves out.
export function lockCustomer(staff: AuditActor, userId: string) {
  return changeAccount(
    staff,
    userId,
    "user.lock",
    async (tx, account) => {
      if (account.id === staff.id) return { status: "self" as const };
      const { lockedAt } = await tx.user.findUniqueOrThrow({ where: { id: account.id }, select: { lockedAt: true } });
      if (lockedAt) return { status: "already_locked" as const };
      const now = new Date();
      await tx.user.update({ where: { id: account.id }, data: { lockedAt: now, sessionsValidFrom: now } });
      return {
        status: "locked" as const,
        audit: {
          action: "user.lock",
          targetType: "user",
          targetId: account.id,
          before: { lockedAt: null },
          after: { lockedAt: now.toISOString(), sessionsValidFrom: now.toISOString() },
        },
      };
    },
    is("locked"),
  );
}

export function unlockCustomer(staff: AuditActor, userId: string) {
  return changeAccount(
    staff,
    userId,
    "user.unlock",
    async (tx, account) => {
      const { lockedAt } = await tx.user.findUniqueOrThrow({ where: { id: account.id }, select: { lockedAt: true } });
      if (!lockedAt) return { status: "not_locked" as const };
      await tx.user.update({ where: { id: account.id }, data: { lockedAt: null } });
      return {
        status: "unlocked" as const,
        audit: {
          action: "user.unlock",
          targetType: "user",
          targetId: account.id,
          before: { lockedAt: lockedAt.toISOString() },
          after: { lockedAt: null },
        },
      };
    },
    is("unlocked"),
  );
}

const about = (account: { id: string }) => ({ action: "user.correct_email", targetType: "user", targetId: account.id });

// Support corrects an address the customer mistyped. As when customers change it themselves
// (lib/accounts/contact-details.ts), the new address starts unconfirmed with a confirmation link
// sent to it, links sent to the old one stop confirming, and a confirmed old address is told,
// with a way back. The unique index decides whether another account has the address.
export async function correctCustomerEmail(staff: AuditActor, userId: string, email: string) {
  try {
    return await changeAccount(
      staff,
      userId,
      "user.correct_email",
      async (tx, account) => {
        const attempt = { before: { email: account.email }, after: { email } };
        if (account.email === email) return { status: "unchanged" as const, audit: { ...attempt, ...about(account) } };
        await tx.user.update({ where: { id: account.id }, data: { email, emailVerified: null } });
        await tx.userToken.updateMany({
          where: { userId: account.id, purpose: "VERIFY_EMAIL", usedAt: null },
          data: { usedAt: new Date() },
        });
        await issueEmailVerification(tx, { id: account.id, name: account.name, email, locale: account.locale });
        if (account.emailVerified) {
          await issueEmailRestore(tx, {
            userId: account.id,
            name: account.name,
            locale: account.locale,
            oldEmail: account.email,
            newEmail: email,
          });
        }
        return {
          status: "corrected" as const,
          audit: {
            ...about(account),
            before: { email: account.email, emailVerified: account.emailVerified?.toISOString() ?? null },
            after: { email, emailVerified: null },
          },
        };
      },
      is("corrected"),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await recordRefusal(staff, {
      action: "user.correct_email",
      targetType: "user",
      targetId: userId,
      after: { email, refusal: "email_in_use" },
    });
    return { status: "email_in_use" as const };
  }
}

export type CustomerRoleResult = { status: "changed" | "unchanged" | "not_found" | "self_demotion" };

// Through the console's one way of changing a role (lib/admin/roles.ts), which writes its own
// audit entry. An admin cannot take their own admin role away: the shop could be left with none.
export async function changeCustomerRole(staff: AuditActor, userId: string, role: Role): Promise<CustomerRoleResult> {
  const account = await db.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
  if (!account) return { status: "not_found" };
  if (userId === staff.id && role !== account.role) {
    await recordRefusal(staff, {
      action: "user.role",
      targetType: "user",
      targetId: userId,
      before: { role: account.role },
      after: { role, refusal: "self_demotion" },
    });
    return { status: "self_demotion" };
  }
  const result = await changeRole(staff, account.email, role);
  return { status: result.status };
}
