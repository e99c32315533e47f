import { api } from "../api.js";

export const INVOICES_PATH = "/invoices";

/** One notice (useInvoice), in a module of its own: the app's entry asks for it at start-up (resident/prefetch.ts). */
export const invoiceQuery = (id: string) => ({
  queryKey: [INVOICES_PATH, id],
  queryFn: () => api.GET("/invoices/{id}", { params: { path: { id } } }),
  // Fresh for a little while: the prefetch at start-up and the page's first render must not ask twice.
  staleTime: 10_000,
});
