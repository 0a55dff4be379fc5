import type { ReactNode } from "react";
import { VerifyEmailBanner } from "./verify-email-banner";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <VerifyEmailBanner />
      {children}
    </>
  );
}
