import { useQuery } from "@tanstack/react-query";
import { api } from "../api.js";
import { INVOICES_PATH, isOpen } from "../billing/billing.js";

/** What a unit owes: its issued notices not fully paid, oldest first, and their sum. */
export function useAmountDue(unitId: string | undefined) {
  // A hundred notices are eight years of months: every open one of a unit, in practice.
  const params = { unitId, page: 1, pageSize: 100 };
  return useQuery({
    queryKey: [INVOICES_PATH, params],
    queryFn: () => api.GET(INVOICES_PATH, { params: { query: params } }),
    enabled: unitId !== undefined,
    select: (page) => {
      const open = page.items.filter(isOpen).sort((a, b) => a.period.localeCompare(b.period));
      return {
        open,
        due: open.reduce((sum, invoice) => sum + invoice.balance, 0),
        any: page.total > 0,
      };
    },
  });
}
