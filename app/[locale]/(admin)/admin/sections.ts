import type { Capability } from "@/lib/admin/capabilities";

// The console's sections, each shown only to the roles that may open it.
export const CONSOLE_SECTIONS = [
  { key: "overview", href: "/admin", capability: "view" },
  { key: "search", href: "/admin/search", capability: "view" },
  { key: "promotions", href: "/admin/promotions", capability: "promotions" },
  { key: "catalog", href: "/admin/catalog", capability: "catalog" },
  { key: "outbox", href: "/admin/outbox", capability: "view" },
  { key: "webhookEvents", href: "/admin/webhook-events", capability: "view" },
  { key: "auditLog", href: "/admin/audit-log", capability: "auditLog" },
] as const satisfies readonly { key: string; href: string; capability: Capability }[];
