import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { FormError } from "../components/forms.js";
import { PageLoader } from "../components/Pages.js";
import { useContextLabel } from "../components/roles.js";
import { signInPath } from "./AreaGate.js";
import { AREA_HOME, useMe, useSignOut, useSwitchContext } from "./session.js";

/** For a signed-in person with no current context: pick one, or learn that there is none yet. */
export function ChooseRolePage() {
  const { t } = useTranslation();
  const me = useMe();
  const label = useContextLabel();
  const switchContext = useSwitchContext();
  const signOut = useSignOut();

  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to={signInPath("/choose-role")} replace />;
  if (me.data.current) return <Navigate to={AREA_HOME[me.data.current.area]} replace />;

  const { contexts } = me.data;
  return (
    <Stack>
      <Title order={1} size="h3">
        {t("chooseRole.title")}
      </Title>
      <Text size="sm">{contexts.length > 0 ? t("chooseRole.description") : t("chooseRole.none")}</Text>
      {contexts.map((context) => (
        <Button
          key={context.id}
          variant="default"
          fullWidth
          loading={switchContext.isPending && switchContext.variables === context.id}
          onClick={() => switchContext.mutate(context.id)}
        >
          {label(context)}
        </Button>
      ))}
      <FormError error={switchContext.error ?? me.error} />
      <Button variant="subtle" onClick={() => signOut.mutate()}>
        {t("header.signOut")}
      </Button>
    </Stack>
  );
}
