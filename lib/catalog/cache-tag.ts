// The tag of the catalog in Next's data cache (lib/catalog/cached.ts), which console changes to
// plans and promotions expire. Apart from the cache so the console's actions need not load it.
export const CATALOG_TAG = "catalog";
