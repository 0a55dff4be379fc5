import { z } from "zod";

// Zod compiles each object schema into a faster parser with `new Function`, after probing at
// construction whether it may. The pages' Content-Security-Policy allows no eval, and the
// browser reports even the caught probe as a violation, so in the browser zod parses without
// compiling. Schemas import `z` from here, so this runs before any of them is built; the
// server has no such policy and keeps the compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
