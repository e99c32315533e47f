import type { Client } from "./client.js";

type Review = {
  id: string;
  missingReadings: { invoiceId: string | null }[];
  outliers: { invoiceId: string }[];
  firstTime: { invoiceId: string }[];
  changed: { invoiceId: string }[];
};

/** The notices a review flags (each once): every one needs a decision before the month is issued. */
export function flaggedIn(review: Review): string[] {
  const ids = [
    ...review.missingReadings.flatMap((m) => (m.invoiceId ? [m.invoiceId] : [])),
    ...review.outliers.map((o) => o.invoiceId),
    ...review.firstTime.map((n) => n.invoiceId),
    ...review.changed.map((c) => c.invoiceId),
  ];
  return [...new Set(ids)];
}

/**
 * Issues a building's drafts of a period the way the console does for tests that are not about the review:
 * reviews them, then issues every flagged draft as it is. Answers the issue's response.
 */
export async function issueReviewed(client: Client, buildingId: string, period: string) {
  const review = await client.post("/api/v1/billing-reviews", { buildingId, period });
  if (review.status !== 201) throw new Error(`review → ${review.status} ${JSON.stringify(review.body)}`);
  const decisions = flaggedIn(review.body).map((invoiceId) => ({ invoiceId, choice: "issue" }));
  return client.post("/api/v1/invoices/issue", { buildingId, period, reviewId: review.body.id, decisions });
}
