// pg warns (once per process) when a query is sent on a client still running one: two queries
// at once on a transaction's connection, which pg 9 will refuse. In tests that warning fails the
// run instead of scrolling past.
process.on("warning", (warning) => {
  if (warning.message.includes("already executing a query")) {
    throw new Error(`A query was sent on a database connection that was still running one: ${warning.stack}`);
  }
});
