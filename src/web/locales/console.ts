import { addTexts } from "../i18n.js";
import vi from "./console.vi.json";

// Each locale must have every key of the other: a missing translation fails the type-check.
const loadEnglish = () => import("./console.en.json").then((m) => m.default satisfies typeof vi);
type English = Awaited<ReturnType<typeof loadEnglish>>;

addTexts(vi satisfies English, loadEnglish);
