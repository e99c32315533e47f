/**
 * The dependency rules of DESIGN.md §5, checked by `npm test` (scripts/check-deps.mjs):
 * no cycles; platform/ never imports modules/; a module uses another only through its index.ts;
 * the web never imports server code.
 */
const TEST = "\\.test\\.ts$";
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment: "Files import each other in a cycle.",
      from: {},
      to: { circular: true },
    },
    {
      name: "platform-not-to-modules",
      severity: "error",
      comment: "platform/ is what every module uses; it cannot know a module.",
      from: { path: "^src/server/platform/" },
      to: { path: "^src/server/modules/" },
    },
    {
      name: "module-through-index",
      severity: "error",
      comment: "A module uses another only through that module's index.ts.",
      from: { path: "^src/server/modules/([^/]+)/", pathNot: TEST },
      to: {
        path: "^src/server/modules/[^/]+/",
        pathNot: ["^src/server/modules/$1/", "^src/server/modules/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "outside-through-index",
      severity: "error",
      comment: "Outside modules/, code reaches a module through modules/index.ts or the module's index.ts.",
      from: { path: "^(src|bench)/", pathNot: ["^src/server/modules/", TEST] },
      to: {
        path: "^src/server/modules/[^/]+/",
        pathNot: "^src/server/modules/[^/]+/index\\.ts$",
      },
    },
    {
      name: "web-not-to-server",
      severity: "error",
      comment: "The web app runs in the browser; it shares only src/contracts with the server.",
      from: { path: "^src/web/" },
      to: { path: "^src/(server|cli)/" },
    },
    {
      name: "contracts-stand-alone",
      severity: "error",
      comment: "Contracts are shared by server and web; they import neither.",
      from: { path: "^src/contracts/" },
      to: { path: "^src/(server|web|cli)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
