import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSignedInMe } from "../auth/session.js";
import { useFirstScreenShown } from "../firstScreen.js";
import { fetchPendingPolicies, PENDING_POLICIES_PATH } from "../public-pages/policies.js";
import { deferred } from "./deferred.js";

const PolicyDialog = deferred(() => import("./PolicyDialog.js").then((m) => m.PolicyDialog));

/**
 * New versions of the company's policy or terms that the person must read before going on: a dialog that
 * only "I have read it" closes (signing out stays possible). Nothing shows while the list cannot be had.
 */
export function PolicyAcknowledgement() {
  const { i18n } = useTranslation();
  const me = useSignedInMe();
  const companyId = me.current?.companyId;
  // Partners and the platform admin work under the company's contract, not the residents' policy.
  const asked = Boolean(companyId) && (me.current?.area === "resident" || me.current?.area === "console");
  const shown = useFirstScreenShown();
  const pending = useQuery({
    queryKey: [PENDING_POLICIES_PATH, companyId, i18n.language],
    queryFn: fetchPendingPolicies,
    enabled: asked && shown,
  });
  const items = pending.data?.items ?? [];
  return items.length > 0 ? <PolicyDialog items={items} /> : null;
}
