import { auth } from "@/lib/auth/auth";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { esimIdSchema, lifecycleEventSchema } from "@/lib/validation/esim";

function error(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status });
}

// For a simulated phone to report what it does with the signed-in owner's eSIM:
// POST {"event": "download" | "install" | "enable" | "disable" | "delete"}, and with a download
// optionally the phone's "eid".
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await auth();
  if (!session?.user?.id) return error(401, "unauthenticated", "Log in to report eSIM events.");
  const { id } = await params;
  if (!esimIdSchema.safeParse(id).success) return error(404, "not_found", "No such eSIM.");
  const body = lifecycleEventSchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return error(400, "invalid_request", body.error.issues[0]?.message ?? "Invalid request body.");

  const result = await applyLifecycleEvent(id, session.user.id, body.data.event, "api", { eid: body.data.eid });
  if (result.status === "not_found") return error(404, "not_found", "No such eSIM.");
  if (result.status === "invalid_transition") {
    return error(409, "invalid_transition", `Cannot ${body.data.event} an eSIM that is ${result.state.toLowerCase()}.`);
  }
  return Response.json({
    state: result.state.toLowerCase(),
    eid: result.eid,
    valid_until: result.validUntil?.toISOString() ?? null,
  });
}
