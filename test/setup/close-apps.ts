import { afterAll } from "vitest";
import { closeTestApps } from "../helpers/app.js";

// Each database test file closes the apps it started (and drops their databases) when its tests are done.
afterAll(closeTestApps);
