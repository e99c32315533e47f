import { type ReactNode, startTransition, useEffect, useState } from "react";

/**
 * Sections a page shows below its first screen, rendered once the page above them is on screen, in a transition
 * that React interrupts for anything the person does. Data arriving re-renders a page in one uninterruptible
 * pass; the fee notice's lines, QR code and payments made that pass the phone's longest task (Lighthouse's
 * phone profile).
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    startTransition(() => setShown(true));
  }, []);
  return shown ? children : null;
}
