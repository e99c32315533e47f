import type { TFunction } from "i18next";
import type { ApiData } from "../api.js";

export const SERVICES_PATH = "/services";
export const REQUESTS_PATH = "/service-requests";
export const RENOVATIONS_PATH = "/renovations";
export type Service = ApiData<"get", "/services">["items"][number];
export type ServiceRequest = ApiData<"get", "/service-requests/{id}">;
export type Renovation = ApiData<"get", "/renovations/{id}">;
export type RequestStatus = ServiceRequest["status"];
export type RenovationStatus = Renovation["status"];

export const KINDS: Service["kind"][] = [
  "cleaning",
  "repair",
  "parking_card",
  "access_card",
  "moving",
  "extra_parking",
  "other",
];
export const WINDOWS = ["morning", "afternoon"] as const;

/** The badge's tone for a status: waiting on someone, settled well, or over. */
export function statusTone(status: RequestStatus | RenovationStatus): "waiting" | "positive" | "inactive" {
  if (status === "requested" || status === "approved" || status === "scheduled") return "waiting";
  if (status === "done" || status === "completed") return "positive";
  return "inactive";
}

export const statusText = (t: TFunction, status: RequestStatus | RenovationStatus) =>
  t(`serviceRequests.statuses.${status}`);

/** The day (dd/MM/yyyy) and, for moving, the elevator window. */
export function whenText(t: TFunction, day: string, window: "morning" | "afternoon" | null): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}${window ? ` · ${t(`serviceRequests.windows.${window}`)}` : ""}`;
}

/** A renovation's file (a drawing) as the browser opens it. */
export const renovationFileUrl = (id: string, fileId: string) => `/api/v1/renovations/${id}/files/${fileId}`;
