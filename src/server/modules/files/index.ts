import { defineModule, defineSchedule } from "../../platform/module.js";
import { filePolicy } from "./files.policy.js";
import { fileRoutes } from "./files.routes.js";
import { removeUnclaimed } from "./files.service.js";

export { sendFile } from "./files.routes.js";
export { claimFiles, deleteFiles, deleteFilesOf, filesOf, readFile, uploadFile } from "./files.service.js";

/** Uploads checked by their content and kept in the storage adapter; the modules that show them serve them. */
export const filesModule = defineModule({
  name: "files",
  routes: fileRoutes,
  policies: [filePolicy],
  schedules: [
    defineSchedule("files-unclaimed", "17 * * * *", ({ db, platform, log }) =>
      removeUnclaimed(db, platform, log),
    ),
  ],
});
