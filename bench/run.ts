// `npm run bench -- <name>`: runs one benchmark, which prints RESULT lines (DESIGN §4).
const benches: Record<string, () => Promise<void>> = {
  api: () => import("./api.js").then((m) => m.run()),
  billing: () => import("./billing.js").then((m) => m.run()),
  import: () => import("./import.js").then((m) => m.run()),
  notify: () => import("./notify.js").then((m) => m.run()),
  orders: () => import("./orders.js").then((m) => m.run()),
  pdf: () => import("./pdf.js").then((m) => m.run()),
  residents: () => import("./residents.js").then((m) => m.run()),
  tickets: () => import("./tickets.js").then((m) => m.run()),
};

const wanted = process.argv[2] ?? "";
const bench = benches[wanted];
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join("|")}>`);
  process.exit(2);
}
await bench();

export {};
