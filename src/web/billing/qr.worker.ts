import { create } from "qrcode";

/** Quiet zone around the code, in modules, as banking apps' scanners expect. */
const MARGIN = 4;

export type QrRequest = { id: number; payload: string };
export type QrAnswer = { id: number; size: number; path: string } | { id: number; error: string };

/** The dark modules of the QR code for a payload as one SVG path. */
function qrPath(payload: string): { size: number; path: string } {
  const { modules } = create(payload, { errorCorrectionLevel: "M" });
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) path += `M${x + MARGIN} ${y + MARGIN}h1v1h-1z`;
    }
  }
  return { size: modules.size + 2 * MARGIN, path };
}

self.onmessage = (event: MessageEvent<QrRequest>) => {
  const { id, payload } = event.data;
  let answer: QrAnswer;
  try {
    answer = { id, ...qrPath(payload) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
