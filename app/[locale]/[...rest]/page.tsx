import { notFound } from "next/navigation";

// Sends every unknown path under a locale to that locale's not-found page.
export default function UnknownPage() {
  notFound();
}
