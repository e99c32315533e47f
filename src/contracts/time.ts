// Kept apart from the zod schemas: the web's first page formats dates and must not load zod for a string.

/** The business time zone (DESIGN §2): dates are shown, and periods and days counted, in it. */
export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";
