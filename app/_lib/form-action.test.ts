import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { FormState } from "@/lib/validation/form-state";
import { formPath, publicAction, userAction } from "./form-action";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null, returnTo: "" }));

vi.mock("next-intl/server", () => ({ getLocale: async () => "ja" }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async (returnTo: string) => {
    session.returnTo = returnTo;
    if (!session.user) throw new Error("NEXT_REDIRECT login");
    return session.user;
  },
}));

const schema = z.object({
  itemId: z.string().regex(/^[a-z0-9]{20}$/),
  name: z.string().min(1, { error: "name_required" }),
  password: z.string().optional(),
});
type State = FormState<"name" | "password", "rate_limited" | "refused"> & { saved?: string };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const VALID = { itemId: "a".repeat(20), name: "Aiko", password: "secret passphrase" };
const EMPTY: State = { values: {}, fieldErrors: {} };

beforeEach(() => {
  session.user = null;
  session.returnTo = "";
});

describe("who may call", () => {
  const handler = vi.fn(
    async (
      input: z.output<typeof schema>,
      context: { locale: string; user?: { id: string } },
    ): Promise<Partial<State>> => ({
      saved: `${input.name}:${context.user?.id ?? "anyone"}`,
    }),
  );
  const forAnyone = publicAction({ schema, echo: ["name"] }, handler);
  const forUsers = userAction({ schema, echo: ["name"], returnTo: formPath("/items/[itemId]") }, handler);

  it.each([
    { action: "public", signedIn: false, outcome: "Aiko:anyone" },
    { action: "public", signedIn: true, outcome: "Aiko:anyone" },
    { action: "user", signedIn: false, outcome: "redirected to log in" },
    { action: "user", signedIn: true, outcome: "Aiko:user-1" },
  ])("a $action action called signed in: $signedIn → $outcome", async ({ action, signedIn, outcome }) => {
    session.user = signedIn ? { id: "user-1", email: "aiko@example.test" } : null;
    const call = (action === "public" ? forAnyone : forUsers)(EMPTY, form(VALID));
    if (outcome === "redirected to log in") {
      await expect(call).rejects.toThrow("NEXT_REDIRECT");
      expect(session.returnTo).toBe(`/items/${VALID.itemId}`);
    } else {
      expect((await call).saved).toBe(outcome);
    }
  });

  it("reads nothing of the form before the signed-out visitor is sent to log in", async () => {
    handler.mockClear();
    await expect(forUsers(EMPTY, form({ ...VALID, name: "" }))).rejects.toThrow("NEXT_REDIRECT");
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("what comes back to the form", () => {
  it("echoes only the listed fields, never a password, and maps field errors without calling the handler", async () => {
    const handler = vi.fn(async () => ({}));
    const action = publicAction({ schema, echo: ["name"] }, handler);
    const state = await action(EMPTY, form({ ...VALID, name: "" }));
    expect(state).toEqual({ values: { name: "" }, fieldErrors: { name: ["name_required"] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns a lib refusal by a rate limit into the form's message with its wait", async () => {
    const action = publicAction({ schema, echo: ["name"] }, async () => ({
      status: "rate_limited" as const,
      retryAfterSeconds: 90,
    }));
    expect(await action(EMPTY, form(VALID))).toEqual({
      values: { name: "Aiko" },
      fieldErrors: {},
      formError: "rate_limited",
      retryAfterSeconds: 90,
    });
  });

  it("keeps the handler's own form error and lets it clear the values", async () => {
    const refused = publicAction({ schema, echo: ["name"] }, async (): Promise<Partial<State>> => ({
      formError: "refused",
    }));
    expect(await refused(EMPTY, form(VALID))).toEqual({
      values: { name: "Aiko" },
      fieldErrors: {},
      formError: "refused",
    });
    const cleared = publicAction({ schema, echo: ["name"] }, async (): Promise<Partial<State>> => ({ values: {} }));
    expect((await cleared(EMPTY, form(VALID))).values).toEqual({});
  });

  it("gives the handler the parsed input and the request's language", async () => {
    const handler = vi.fn(async () => ({}));
    await publicAction({ schema }, handler)(EMPTY, form({ ...VALID, extra: "ignored" }));
    expect(handler).toHaveBeenCalledWith(VALID, expect.objectContaining({ locale: "ja" }));
  });

  it("works as a plain form action, with the form data only", async () => {
    const action = publicAction({ schema }, async ({ name }): Promise<Partial<State>> => ({ saved: name }));
    expect(await action(form(VALID))).toMatchObject({ saved: "Aiko" });
  });
});

describe("the path a form's fields name", () => {
  it("fills each named field in, encoded, as the form posted it", () => {
    const path = formPath("/shops/[shopId]/items/[itemId]/edit");
    expect(path(form({ shopId: "tokyo", itemId: "a".repeat(20) }))).toBe(`/shops/tokyo/items/${"a".repeat(20)}/edit`);
    expect(path(form({ shopId: "../admin?x=1#y", itemId: "b/c" }))).toBe(
      "/shops/..%2Fadmin%3Fx%3D1%23y/items/b%2Fc/edit",
    );
    expect(formPath("/items/[itemId]")(form({}))).toBe("/items/null");
  });

  it("sends a signed-out visitor back to the page the form's forged identifier names, encoded", async () => {
    const action = userAction(
      { schema, identifiers: ["itemId"], returnTo: formPath("/items/[itemId]") },
      async () => ({}),
    );
    await expect(action(EMPTY, form({ ...VALID, itemId: "x/../../admin" }))).rejects.toThrow("NEXT_REDIRECT");
    expect(session.returnTo).toBe("/items/x%2F..%2F..%2Fadmin");
  });
});

describe("malformed requests", () => {
  it("answers 404 for a malformed identifier, like something that does not exist", async () => {
    const handler = vi.fn(async () => ({}));
    const action = publicAction({ schema, identifiers: ["itemId"] }, handler);
    await expect(action(EMPTY, form({ ...VALID, itemId: "../../etc" }))).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(action(EMPTY, form({ name: "Aiko" }))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(handler).not.toHaveBeenCalled();
  });

  it("hands a malformed plain form to onInvalid, which explains it elsewhere", async () => {
    const onInvalid = vi.fn(() => {
      throw new Error("NEXT_REDIRECT problem");
    });
    const action = publicAction({ schema, onInvalid }, async () => ({}));
    await expect(action(form({ ...VALID, name: "" }))).rejects.toThrow("NEXT_REDIRECT problem");
    expect(onInvalid).toHaveBeenCalledWith(expect.objectContaining({ locale: "ja" }));
  });
});

describe("repeated fields", () => {
  const listSchema = z.object({
    name: z.string().min(1, { error: "name_required" }),
    tags: z.array(z.string().regex(/^[a-z]+$/, { error: "tag_invalid" })).max(3, { error: "too_many_tags" }),
  });
  type ListState = FormState<"name", never, "tags"> & { saved?: string[] };
  const NONE: ListState = { values: {}, fieldErrors: {} };

  function listForm(name: string, tags: string[]): FormData {
    const data = form({ name });
    for (const tag of tags) data.append("tags", tag);
    return data;
  }

  it("hands the handler every value of a repeated field as a list, and echoes it as one", async () => {
    const handler = vi.fn(async ({ tags }: z.output<typeof listSchema>): Promise<Partial<ListState>> => ({
      saved: tags,
    }));
    const action = publicAction({ schema: listSchema, echo: ["name", "tags"], repeated: ["tags"] }, handler);
    expect(await action(NONE, listForm("Aiko", ["red", "blue"]))).toEqual({
      values: { name: "Aiko", tags: ["red", "blue"] },
      fieldErrors: {},
      saved: ["red", "blue"],
    });
    expect((await action(NONE, listForm("Aiko", []))).saved).toEqual([]);
  });

  it("maps an error in any value of the list to the field, and still echoes the list", async () => {
    const handler = vi.fn(async () => ({}));
    const action = publicAction({ schema: listSchema, echo: ["tags"], repeated: ["tags"] }, handler);
    expect(await action(NONE, listForm("Aiko", ["red", "Blue!"]))).toEqual({
      values: { tags: ["red", "Blue!"] },
      fieldErrors: { tags: ["tag_invalid"] },
    });
    expect((await action(NONE, listForm("Aiko", ["a", "b", "c", "d"]))).fieldErrors).toEqual({
      tags: ["too_many_tags"],
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("reads a field not named repeated as one value, which a list schema refuses", async () => {
    const handler = vi.fn(async () => ({}));
    const action = publicAction({ schema: listSchema }, handler);
    expect(Object.keys((await action(NONE, listForm("Aiko", ["red", "blue"]))).fieldErrors)).toEqual(["tags"]);
    expect(handler).not.toHaveBeenCalled();
  });
});
