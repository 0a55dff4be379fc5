import type { Device, EsimDevice } from "./catalog";

export type Platform = "ios" | "android";

// Apple's one-tap install link (esimsetup.apple.com) opens the eSIM setup from iOS 17.4 on.
export const LINK_INSTALL_MIN_IOS = "17.4";

export type InstallSupport = {
  platform: Platform;
  // The first version that can use an eSIM at all.
  esimMinOs: string;
  // The first version that installs from the link; null where no such link exists (Android).
  linkMinOs: string | null;
};

function platformOf(device: Pick<Device, "brand">): Platform {
  return device.brand === "apple" ? "ios" : "android";
}

// Numeric comparison of dotted versions, so that "17.10" comes after "17.4".
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function laterVersion(a: string, b: string): string {
  return compareVersions(a, b) >= 0 ? a : b;
}

// Every eSIM phone takes the QR code and the details typed by hand; only iPhones take the link,
// and only on a version that has both eSIM and the link.
export function installSupport(device: EsimDevice): InstallSupport {
  const platform = platformOf(device);
  const linkMinOs = platform === "ios" ? laterVersion(device.esimSince, LINK_INSTALL_MIN_IOS) : null;
  return { platform, esimMinOs: device.esimSince, linkMinOs };
}
