/**
 * The payment-gateway adapter: card and e-wallet payments through a hosted payment page (redirect, return URL,
 * server-to-server IPN), and optionally stored-card tokens for auto-debit.
 *
 * The shape follows VNPAY 2.1.0, the gateway Vietnamese banks and wallets are reached through; `VnpayGateway`
 * implements it against VNPAY and the local sandbox speaks the same protocol.
 */

/** What the merchant asks the gateway to collect. */
export type PaymentRequest = {
  /** The merchant's reference for this attempt, unique per day at the gateway (letters and digits). */
  txnRef: string;
  /** The amount in VND, a positive whole number (the gateway multiplies it by 100 itself). */
  amount: number;
  /** What is paid for, shown to the payer; diacritics and special characters are removed before sending. */
  orderInfo: string;
  /** The payer's IP address. */
  ipAddr: string;
  /** Where the payer's browser is sent back to, with the signed result in the query. */
  returnUrl: string;
  /** The language of the gateway's pages. */
  locale: "vn" | "en";
  /** When the attempt was created (sent in GMT+7). */
  createdAt: Date;
  /** When the attempt stops being payable; 15 minutes after `createdAt` unless given. */
  expiresAt?: Date;
  /** Skips the gateway's method chooser, e.g. "VNPAYQR", "VNBANK", "INTCARD" or a bank code such as "NCB". */
  bankCode?: string;
};

/** A gateway's signed answer about a payment, read and checked. */
export type GatewayResult = {
  /** Whether the signature (and the merchant code) checked out; nothing else here may be trusted otherwise. */
  valid: boolean;
  /** The merchant's reference the answer is about. */
  txnRef: string;
  /** The amount in VND, already divided by 100. */
  amount: number;
  /** The gateway's response code ("00" success, "24" cancelled by the payer, ...). */
  responseCode: string;
  /** The transaction's status at the gateway ("00" success, "01" pending, "02" failed, ...). */
  transactionStatus: string;
  /** The gateway's own transaction number, or null when it gave none. */
  gatewayTransactionNo: string | null;
  /** The bank or wallet that paid, or null. */
  bankCode: string | null;
  /** When it was paid, or null. */
  payDate: Date | null;
  /** valid, and both codes say the money was taken. */
  success: boolean;
};

/** A request to store a card as a token, made in the payer's browser. */
export type TokenCreateRequest = {
  /** Who the card belongs to in our system, as the gateway will know them; the same value must be used to charge. */
  appUserId: string;
  /** The merchant's reference for this request. */
  txnRef: string;
  /** What the card is stored for, shown to the payer. */
  description: string;
  /** The payer's IP address. */
  ipAddr: string;
  /** Where the browser goes after the card is stored. */
  returnUrl: string;
  /** Where the browser goes when the payer gives up. */
  cancelUrl: string;
  /** The language of the gateway's pages. */
  locale: "vn" | "en";
  /** When the request was created. */
  createdAt: Date;
  /** "01" domestic (NAPAS) card, "02" international card; the gateway asks when absent. */
  cardType?: "01" | "02";
  /** Preselects the card's bank. */
  bankCode?: string;
};

/** The gateway's signed answer after a card was (or was not) stored. */
export type TokenResult = {
  /** Whether the signature and merchant code checked out. */
  valid: boolean;
  /** The merchant's reference of the request. */
  txnRef: string;
  /** Who the token belongs to. */
  appUserId: string;
  /** The token to charge later, or null when none was created. */
  token: string | null;
  /** The card number as the gateway masks it (e.g. `970419xxxxxxxxx198`), or null. */
  cardNumberMasked: string | null;
  /** The card type or scheme as the gateway names it, or null. */
  cardType: string | null;
  /** The card's bank, or null. */
  bankCode: string | null;
  /** The gateway's response code. */
  responseCode: string;
  /** The transaction status. */
  transactionStatus: string;
  /** valid, both codes "00", and a token present. */
  success: boolean;
};

/** A server-to-server charge of a stored card. */
export type TokenChargeRequest = {
  /** The owner the token was created for. */
  appUserId: string;
  /** The token. */
  token: string;
  /** The merchant's reference for this charge (the idempotency key of the attempt). */
  txnRef: string;
  /** The amount in VND. */
  amount: number;
  /** What is charged for. */
  description: string;
  /** The IP address of the server making the call (no payer is present). */
  ipAddr: string;
  /** When the charge was created. */
  createdAt: Date;
  /** The language of any message. */
  locale?: "vn" | "en";
};

/** A request to forget a stored card. */
export type TokenRemoveRequest = {
  /** The owner the token was created for. */
  appUserId: string;
  /** The token. */
  token: string;
  /** The merchant's reference for this request. */
  txnRef: string;
  /** The IP address of the server making the call. */
  ipAddr: string;
  /** When the request was created. */
  createdAt: Date;
};

/** The gateway's answer to a token removal. */
export type TokenRemoveResult = { valid: boolean; responseCode: string; success: boolean };

/** A payment gateway: hosted payment page, return and IPN verification, and optionally stored-card tokens. */
export interface PaymentGateway {
  /**
   * The URL to send the payer's browser to.
   * @param p what to collect
   */
  createPaymentUrl(p: PaymentRequest): string;
  /**
   * Reads and checks the query the payer's browser brings back. Show the result, but credit nothing from it:
   * the IPN is the authority (the browser may never come back, or come back twice).
   * @param query the return URL's query parameters
   */
  verifyReturn(query: Record<string, string>): GatewayResult;
  /**
   * Reads and checks the gateway's server-to-server notification, the one to credit the payment from.
   * @param query the IPN request's query parameters
   */
  verifyIpn(query: Record<string, string>): GatewayResult;
  /**
   * The URL where the payer authorises storing a card as a token.
   * @param p the request
   */
  createToken?(p: TokenCreateRequest): string;
  /**
   * Reads and checks the query brought back after a card was stored.
   * @param query the return URL's query parameters
   */
  verifyTokenReturn?(query: Record<string, string>): TokenResult;
  /**
   * Charges a stored card, server to server; the answer is signed and checked before it is returned.
   * @param p the charge
   */
  chargeToken?(p: TokenChargeRequest): Promise<GatewayResult>;
  /**
   * Asks the gateway to forget a stored card (when the resident turns auto-debit off or is erased).
   * @param p the request
   */
  removeToken?(p: TokenRemoveRequest): Promise<TokenRemoveResult>;
}

/** The answers an IPN endpoint gives VNPAY, by code. */
export type IpnCode = "00" | "01" | "02" | "04" | "97" | "99";

// VNPAY's documented messages, spelling included ("Unknow error"): its side compares RspCode, but the messages
// are kept as published so that logs on both sides read the same.
const IPN_MESSAGES: Record<IpnCode, string> = {
  "00": "Confirm Success",
  "01": "Order not found",
  "02": "Order already confirmed",
  "04": "invalid amount",
  "97": "Invalid signature",
  "99": "Unknow error",
};

/**
 * The JSON body an IPN endpoint answers with.
 *
 * "00" when the payment was recorded now, "02" when it had already been (VNPAY retries until it reads 00 or 02),
 * "01" for an unknown order, "04" for an amount that does not match, "97" for a bad signature, "99" otherwise.
 * @param code the outcome
 */
export function ipnAnswer(code: IpnCode): { RspCode: IpnCode; Message: string } {
  return { RspCode: code, Message: IPN_MESSAGES[code] };
}
