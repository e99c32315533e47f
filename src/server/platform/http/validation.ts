import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler as zodValidatorCompiler } from "fastify-type-provider-zod";
import type { ZodType } from "zod";
import { cleanInput } from "../../../contracts/text.js";

/** The marker fastify-type-provider-zod puts on its issues; the error handler recognises them by it. */
const ZOD_ISSUE = Symbol.for("ZodFastifySchemaValidationError");

/** Issue keyword for a string refused by `cleanInput` (control characters); `fieldMessage` words it. */
export const INVALID_TEXT = "invalid_text";

/**
 * The validator compiler of every route: each string of the body, query and params is cleaned by the one
 * shared rule (`contracts/text.ts`: no control characters, NFC, trimmed) before the route's zod schema sees
 * it, so no route can forget it. A refused string is a 400 naming its field, like any zod issue.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data: unknown) => {
    const cleaned = cleanInput(data);
    if (!cleaned.ok) {
      const path = cleaned.path.join("/");
      return {
        error: [
          {
            [ZOD_ISSUE]: true,
            keyword: INVALID_TEXT,
            instancePath: `/${path}`,
            schemaPath: `#/${path}/${INVALID_TEXT}`,
            message: "control characters are not allowed",
            params: {},
          },
        ] as unknown as Error,
      };
    }
    return validate(cleaned.value);
  };
};
