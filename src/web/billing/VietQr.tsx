import { Center, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import type { QrAnswer, QrRequest } from "./qr.worker.js";

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<
  number,
  { resolve: (code: { size: number; path: string }) => void; reject: (e: Error) => void }
>();

/**
 * The dark modules of the QR code for a payload as one SVG path, drawn in a worker: the encoder (qrcode, ~25 kB)
 * stays out of the app's first load, and its choice of mask (a phone's 100 ms) out of the page's main thread.
 */
function qrPath(payload: string): Promise<{ size: number; path: string }> {
  if (!worker) {
    worker = new Worker(new URL("./qr.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<QrAnswer>) => {
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if ("error" in data) pending?.reject(new Error(data.error));
      else pending?.resolve(data);
    };
    // The worker could not start or failed: each code waiting shows that it could not be drawn.
    worker.onerror = () => {
      for (const pending of waiting.values()) pending.reject(new Error("QR worker failed"));
      waiting.clear();
      worker = undefined;
    };
  }
  const request: QrRequest = { id: ++lastId, payload };
  const answered = new Promise<{ size: number; path: string }>((resolve, reject) =>
    waiting.set(request.id, { resolve, reject }),
  );
  worker.postMessage(request);
  return answered;
}

/** A VietQR code drawn from its EMVCo payload; `label` names it for screen readers. */
export function VietQr({ payload, label, size = 240 }: { payload: string; label: string; size?: number }) {
  const { t } = useTranslation();
  const code = useQuery({
    queryKey: ["vietqr", payload],
    queryFn: () => qrPath(payload),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (code.isPending) {
    return (
      <Center w={size} h={size}>
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (code.isError) {
    return (
      <Text size="sm" c="dimmed" maw={size}>
        {t("billing.qrFailed")}
      </Text>
    );
  }
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${code.data.size} ${code.data.size}`}
      shapeRendering="crispEdges"
      style={{ background: "#fff", display: "block" }}
    >
      <path d={code.data.path} fill="#000" />
    </svg>
  );
}
