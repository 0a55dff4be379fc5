import "server-only";

export type BoundedBody = { status: "read"; bytes: Uint8Array<ArrayBuffer> } | { status: "too_large" };

// A request body read whole only if it fits in `limit` bytes. A declared Content-Length over
// the limit is refused before anything is read; otherwise the bytes are counted as they arrive,
// so a body without a length (chunked) or longer than the length it declared is refused as soon
// as it passes either bound, and the rest of the stream is cancelled unread.
export async function readBoundedBody(request: Request, limit: number): Promise<BoundedBody> {
  const header = request.headers.get("content-length");
  // A length that is not a plain decimal number cannot be held to; refusing it is the safe reading.
  if (header !== null && !/^\d+$/.test(header.trim())) return { status: "too_large" };
  const declared = header === null ? limit : Number(header);
  if (declared > limit) return { status: "too_large" };
  if (!request.body) return { status: "read", bytes: new Uint8Array() };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > declared) {
      await reader.cancel().catch(() => undefined);
      return { status: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { status: "read", bytes };
}

export function bodyText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
