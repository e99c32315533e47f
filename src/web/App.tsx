import { Suspense, useEffect } from "react";
import { Navigate, Route, Routes } from "react-router";
import { AreaGate } from "./auth/AreaGate.js";
import { AuthLayout } from "./auth/AuthLayout.js";
import { homeFor, useMe, useUpdateMe } from "./auth/session.js";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { lazyPage } from "./components/lazyPage.js";
import { NotFoundPage, PageLoader } from "./components/Pages.js";
import { setLang, storedLang } from "./i18n.js";
import { CookieBanner } from "./public-pages/CookieBanner.js";
import { PublicLayout } from "./public-pages/PublicLayout.js";

// Each area is its own chunk, so the sign-in page loads only what it needs.
export const ConsoleArea = lazyPage(() => import("./console/ConsoleArea.js").then((m) => m.default));
export const ResidentArea = lazyPage(() => import("./resident/ResidentArea.js").then((m) => m.default));
const PartnerArea = lazyPage(() => import("./partner/PartnerArea.js").then((m) => m.default));
const PlatformArea = lazyPage(() => import("./platform/PlatformArea.js").then((m) => m.default));
const authPages = () => import("./auth/pages.js");
const SignInPage = lazyPage(() => authPages().then((m) => m.SignInPage));
const OtpPage = lazyPage(() => authPages().then((m) => m.OtpPage));
const TotpPage = lazyPage(() => authPages().then((m) => m.TotpPage));
const ForgotPasswordPage = lazyPage(() => authPages().then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazyPage(() => authPages().then((m) => m.ResetPasswordPage));
const InvitationPage = lazyPage(() => authPages().then((m) => m.InvitationPage));
const ChooseRolePage = lazyPage(() => authPages().then((m) => m.ChooseRolePage));

/** Loads the pages before sign-in (one chunk), so that moving between them never waits. */
export function preloadAuthPages(): Promise<unknown> {
  return Promise.all(
    [
      SignInPage,
      OtpPage,
      TotpPage,
      ForgotPasswordPage,
      ResetPasswordPage,
      InvitationPage,
      ChooseRolePage,
    ].map((page) => page.preload()),
  );
}

const LandingPage = lazyPage(() => import("./public-pages/LandingPage.js").then((m) => m.LandingPage));
const PolicyPage = lazyPage(() => import("./public-pages/PolicyPage.js").then((m) => m.PolicyPage));

/**
 * A language chosen in this browser wins and is saved to the account (it decides the language
 * of emails and SMS); a browser that never chose takes the account's.
 */
function useLanguageSync() {
  const { data: me } = useMe();
  const { mutate: updateMe } = useUpdateMe();
  const accountLang = me?.account.lang;
  useEffect(() => {
    if (!accountLang) return;
    const chosen = storedLang();
    if (!chosen) setLang(accountLang);
    else if (chosen !== accountLang) updateMe({ lang: chosen });
  }, [accountLang, updateMe]);
}

/** "/": the signed-in person's area, or what Chungcu is for a visitor. */
function Home() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={homeFor(me.data)} replace />;
  return (
    <PublicLayout>
      <LandingPage />
    </PublicLayout>
  );
}

export function App() {
  useLanguageSync();
  return (
    <ErrorBoundary>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<Home />} />
          <Route element={<PublicLayout />}>
            <Route path="privacy" element={<PolicyPage kind="privacy" />} />
            <Route path="terms" element={<PolicyPage kind="terms" />} />
          </Route>
          <Route element={<AuthLayout />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="sign-in/code" element={<OtpPage />} />
            <Route path="sign-in/totp" element={<TotpPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="invite/:token" element={<InvitationPage />} />
            <Route path="choose-role" element={<ChooseRolePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route
            path="console/*"
            element={
              <AreaGate area="console">
                <ConsoleArea />
              </AreaGate>
            }
          />
          <Route
            path="app/*"
            element={
              <AreaGate area="resident">
                <ResidentArea />
              </AreaGate>
            }
          />
          <Route
            path="partner/*"
            element={
              <AreaGate area="partner">
                <PartnerArea />
              </AreaGate>
            }
          />
          <Route
            path="platform/*"
            element={
              <AreaGate area="platform">
                <PlatformArea />
              </AreaGate>
            }
          />
        </Routes>
      </Suspense>
      <CookieBanner />
    </ErrorBoundary>
  );
}
