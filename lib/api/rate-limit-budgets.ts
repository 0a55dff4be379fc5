// The API's published budgets. Counters live in Postgres, so every instance of the app spends
// from the same ones.
export type Budget = { name: string; points: number; windowSeconds: number };

// Every request of a token, whatever it asks.
export const TOKEN_BUDGET: Budget = { name: "api_token", points: 100, windowSeconds: 60 };
// Usage reads of one eSIM, as Airalo limits them: usage changes as records arrive, not faster.
export const USAGE_READ_BUDGET: Budget = { name: "api_usage_read", points: 10, windowSeconds: 60 };
