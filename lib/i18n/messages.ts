import type { Locale } from "./routing";

// A file's English messages, as a type only: at run time the list below is read for its names.
const englishOf = <FileMessages>() => undefined as unknown as FileMessages;

// Messages are split by area of the product, each file (messages/<locale>/<file>.json) named for
// the namespaces it holds; a page sees them merged. This is the one list of the files a page
// loads. (emails.json is read by the email templates only.)
const PAGE_MESSAGE_FILES = {
  layout: englishOf<typeof import("../../messages/en/layout.json")>(),
  errors: englishOf<typeof import("../../messages/en/errors.json")>(),
  home: englishOf<typeof import("../../messages/en/home.json")>(),
  auth: englishOf<typeof import("../../messages/en/auth.json")>(),
  account: englishOf<typeof import("../../messages/en/account.json")>(),
  catalog: englishOf<typeof import("../../messages/en/catalog.json")>(),
  devices: englishOf<typeof import("../../messages/en/devices.json")>(),
  checkout: englishOf<typeof import("../../messages/en/checkout.json")>(),
  payments: englishOf<typeof import("../../messages/en/payments.json")>(),
  orders: englishOf<typeof import("../../messages/en/orders.json")>(),
  esim: englishOf<typeof import("../../messages/en/esim.json")>(),
  dashboard: englishOf<typeof import("../../messages/en/dashboard.json")>(),
  webhooks: englishOf<typeof import("../../messages/en/webhooks.json")>(),
  simulator: englishOf<typeof import("../../messages/en/simulator.json")>(),
  admin: englishOf<typeof import("../../messages/en/admin.json")>(),
  "admin-promotions": englishOf<typeof import("../../messages/en/admin-promotions.json")>(),
  "admin-orders": englishOf<typeof import("../../messages/en/admin-orders.json")>(),
  "admin-catalog": englishOf<typeof import("../../messages/en/admin-catalog.json")>(),
  "admin-ops": englishOf<typeof import("../../messages/en/admin-ops.json")>(),
  "admin-accounts": englishOf<typeof import("../../messages/en/admin-accounts.json")>(),
};

export const PAGE_MESSAGE_FILE_NAMES = Object.keys(PAGE_MESSAGE_FILES) as (keyof typeof PAGE_MESSAGE_FILES)[];

type Intersection<Union> = (Union extends unknown ? (part: Union) => void : never) extends (all: infer All) => void
  ? All
  : never;

export type Messages = Intersection<(typeof PAGE_MESSAGE_FILES)[keyof typeof PAGE_MESSAGE_FILES]>;

export async function loadMessages(locale: Locale) {
  const files = await Promise.all(
    PAGE_MESSAGE_FILE_NAMES.map((file) => import(`../../messages/${locale}/${file}.json`)),
  );
  return Object.assign({}, ...files.map((file) => file.default)) as Messages;
}
