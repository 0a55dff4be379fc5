"use client";

// Last resort when the language layout itself fails: no translations are available here, so
// it says the essentials in the three languages, and never shows the error itself.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Something went wrong · 出错了 · エラーが発生しました</h1>
        {error.digest && <p>Reference: {error.digest}</p>}
        <button type="button" onClick={reset}>
          Try again · 重试 · 再試行
        </button>
      </body>
    </html>
  );
}
