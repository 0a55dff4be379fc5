import "server-only";
import QRCode from "qrcode";

// Generated on the server, so the activation code never depends on a script in the browser.
export function activationQrDataUrl(activationCode: string): Promise<string> {
  return QRCode.toDataURL(activationCode, { errorCorrectionLevel: "M", margin: 2, width: 320 });
}

// iOS 17.4+ installs from this link with one tap; Android has no equivalent.
export function appleInstallUrl(activationCode: string): string {
  return `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(activationCode)}`;
}
