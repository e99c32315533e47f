import type { TestEnv } from "./app.js";
import type { Client } from "./client.js";
import { acceptMailedInvitation } from "./residents.js";

let next = 1;

/** A fresh 10-digit tax code: tax codes are unique per company. */
const taxCode = () =>
  `03${String(Date.now() % 1e6).padStart(6, "0")}${String(next++ % 100).padStart(2, "0")}`;

/**
 * A partner onboarded by the company admin for some buildings, with one person invited to the partner portal
 * by email and signed in through the link, as a partner's staff get in.
 */
export async function newPartner(
  env: TestEnv,
  admin: Client,
  buildingIds: string[],
  opts: { name?: string; commission?: { kind: "percent" | "fixed"; value: number } } = {},
) {
  const name = opts.name ?? `Đối tác ${next}`;
  const made = await admin.post("/api/v1/partners", {
    legalName: `Công ty TNHH ${name}`,
    displayName: name,
    taxCode: taxCode(),
    hotline: "1900 6868",
    orgEmail: null,
    categories: ["water", "cleaning"],
    buildingIds,
    commissionKind: opts.commission?.kind ?? "percent",
    commissionValue: opts.commission?.value ?? 800,
    bankBin: "970436",
    accountNumber: "0071001234567",
    accountName: "CONG TY DOI TAC",
  });
  if (made.status !== 201) throw new Error(`partner ${made.status} ${JSON.stringify(made.body)}`);
  const email = `giao.${made.body.id.slice(0, 8)}@partner.example.vn`;
  const invited = await admin.post(`/api/v1/partners/${made.body.id}/staff`, {
    displayName: "Võ Văn Giao",
    contact: email,
  });
  if (invited.status !== 201)
    throw new Error(`partner staff ${invited.status} ${JSON.stringify(invited.body)}`);
  const { client } = await acceptMailedInvitation(env, email, "Doi-tac-2026");
  return { partnerId: made.body.id as string, name, client, email };
}

type ItemInput = {
  kind?: "goods" | "service";
  nameVi?: string;
  price?: number;
  vatRate?: 0 | 5 | 8 | 10;
  stock?: number | null;
};

/** An item the partner offers in some buildings, approved by the management. */
export async function approvedItem(
  partner: Client,
  manager: Client,
  buildingIds: string[],
  item: ItemInput = {},
) {
  const made = await partner.post("/api/v1/catalog/items", {
    kind: item.kind ?? "goods",
    category: item.kind === "service" ? "cleaning" : "water",
    nameVi: item.nameVi ?? "Nước bình 19 lít",
    nameEn: "Water, 19-litre bottle",
    price: item.price ?? 65_000,
    vatRate: item.vatRate ?? 8,
    stock: item.stock === undefined ? 100 : item.stock,
    buildingIds,
  });
  if (made.status !== 201) throw new Error(`item ${made.status} ${JSON.stringify(made.body)}`);
  const approved = await manager.post(`/api/v1/catalog/items/${made.body.id}/review`, {
    decision: "approve",
  });
  if (approved.status !== 200) throw new Error(`approve ${approved.status} ${JSON.stringify(approved.body)}`);
  return made.body.id as string;
}

/** Tomorrow in Vietnam: a delivery window always ahead. */
export function tomorrow(): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
