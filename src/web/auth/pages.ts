// The pages before sign-in, loaded together as one chunk: a signed-in person's first screen does without them.
export { ChooseRolePage } from "./ChooseRolePage.js";
export { ForgotPasswordPage } from "./ForgotPasswordPage.js";
export { InvitationPage } from "./InvitationPage.js";
export { OtpPage } from "./OtpPage.js";
export { ResetPasswordPage } from "./ResetPasswordPage.js";
export { SignInPage } from "./SignInPage.js";
export { TotpPage } from "./TotpPage.js";
