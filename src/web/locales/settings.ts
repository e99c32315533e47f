import { addTexts } from "../i18n.js";
import vi from "./settings.vi.json";

// The settings and audit-log pages' texts, loaded with those pages. Each locale must have every key of the other.
const loadEnglish = () => import("./settings.en.json").then((m) => m.default satisfies typeof vi);
type English = Awaited<ReturnType<typeof loadEnglish>>;

addTexts(vi satisfies English, loadEnglish);
