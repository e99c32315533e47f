import { defineModule } from "../../platform/module.js";
import { surveyRoutes } from "./surveys.routes.js";
import { surveyTemplates } from "./surveys.templates.js";

/** Surveys of residents (khảo sát): questions, audience, anonymous answers, results and export. */
export const surveysModule = defineModule({
  name: "surveys",
  templates: Object.values(surveyTemplates),
  routes: surveyRoutes,
  residentHome: { actions: [{ key: "surveys.list", order: 47, to: "/app/surveys" }] },
});
