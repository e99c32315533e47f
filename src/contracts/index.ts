export * from "./auth.js";
export * from "./billing.js";
export * from "./common.js";
export * from "./home.js";
export * from "./organisation.js";
export * from "./privacy.js";
export * from "./registry.js";
