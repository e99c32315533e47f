import { addTexts } from "../i18n.js";
import vi from "./areas.vi.json";

// Each locale must have every key of the other: a missing translation fails the type-check.
const loadEnglish = () => import("./areas.en.json").then((m) => m.default satisfies typeof vi);
type English = Awaited<ReturnType<typeof loadEnglish>>;

addTexts(vi satisfies English, loadEnglish);
