/**
 * A message that did not reach its recipient. `permanent`: sending it again cannot help (an invalid number,
 * a push subscription that is gone, a phone without a Zalo account); otherwise a later attempt may succeed
 * (network, the provider's 5xx, an exhausted quota, an expired access token).
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "DeliveryError";
  }
}
