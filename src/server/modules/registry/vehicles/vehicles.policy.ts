import { definePolicy } from "../../../platform/authz/can.js";
import { residentRules } from "../residents/residents.policy.js";

/** Vehicles are part of a household's registry data: the same people see and change them. */
definePolicy("vehicle", residentRules);
