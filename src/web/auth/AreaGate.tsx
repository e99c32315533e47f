import { Container } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Area } from "../../contracts/index.js";
import { FormError } from "../components/forms.js";
import { PageLoader } from "../components/Pages.js";
import { AREA_HOME, SignedInMe, useMe } from "./session.js";

/** The sign-in page, remembering where to come back to. */
export function signInPath(returnTo: string): string {
  return `/sign-in?next=${encodeURIComponent(returnTo)}`;
}

/** Lets the area render only for a signed-in person whose current context opens this area. */
export function AreaGate({ area, children }: { area: Area; children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <FormError error={me.error} />
      </Container>
    );
  }
  if (!me.data) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  const current = me.data.current;
  if (!current) return <Navigate to="/choose-role" replace />;
  if (current.area !== area) return <Navigate to={AREA_HOME[current.area]} replace />;
  return <SignedInMe value={me.data}>{children}</SignedInMe>;
}
