import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Policy, PolicyKind } from "../../contracts/index.js";
import { api } from "../api.js";

export type { Policy, PolicyKind };

export const PENDING_POLICIES_PATH = "/privacy/policies/pending";

/** The versions the signed-in person has yet to acknowledge. */
export const fetchPendingPolicies = () => api.GET(PENDING_POLICIES_PATH);
export type PendingPolicy = Awaited<ReturnType<typeof fetchPendingPolicies>>["items"][number];

/** Where a version of a document is read: the company's when known, the platform's otherwise. */
export function policyHref(kind: PolicyKind, companyId?: string | null, version?: string): string {
  const params = new URLSearchParams();
  if (companyId) params.set("company", companyId);
  if (version) params.set("version", version);
  const search = params.toString();
  return `/${kind}${search ? `?${search}` : ""}`;
}

/** The language is part of the key: the server answers in the UI language. */
export function usePolicy(kind: PolicyKind, companyId?: string, version?: string) {
  const { i18n } = useTranslation();
  const path = `/public/policies/${kind}`;
  return useQuery({
    queryKey: [path, companyId, version, i18n.language],
    queryFn: () =>
      api.GET("/public/policies/{kind}", { params: { path: { kind }, query: { companyId, version } } }),
  });
}

export function usePolicyVersions(kind: PolicyKind, companyId?: string) {
  const { i18n } = useTranslation();
  const path = `/public/policies/${kind}/versions`;
  return useQuery({
    queryKey: [path, companyId, i18n.language],
    queryFn: () =>
      api.GET("/public/policies/{kind}/versions", { params: { path: { kind }, query: { companyId } } }),
  });
}
