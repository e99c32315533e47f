export * from "./auth.js";
export * from "./billing.js";
export * from "./common.js";
export * from "./organisation.js";
export * from "./privacy.js";
export * from "./registry.js";
export * from "./settings.js";
export * from "./work.js";
