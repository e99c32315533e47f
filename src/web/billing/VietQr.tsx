import { Center, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** Quiet zone around the code, in modules, as banking apps' scanners expect. */
const MARGIN = 4;

/**
 * The dark modules of the QR code for a payload as one SVG path. The encoder (qrcode, ~25 kB) is loaded only
 * when a code is shown, so it stays out of the app's first load.
 */
async function qrPath(payload: string): Promise<{ size: number; path: string }> {
  const qr = await import("qrcode");
  const create = qr.create ?? qr.default.create;
  const { modules } = create(payload, { errorCorrectionLevel: "M" });
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) path += `M${x + MARGIN} ${y + MARGIN}h1v1h-1z`;
    }
  }
  return { size: modules.size + 2 * MARGIN, path };
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
