import Link from "next/link";

// Reached only for requests outside every locale (the proxy prefixes all pages with one).
export default function RootNotFound() {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Page not found</h1>
        <p>
          <Link href="/">Tabi eSIM</Link>
        </p>
      </body>
    </html>
  );
}
