import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSignedInMe, useSwitchContext } from "../auth/session.js";
import { useContextLabel } from "./roles.js";

/** Switches between the places the person can act; shown only when there is a choice. */
export function ContextSwitcher() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const label = useContextLabel();
  const switchContext = useSwitchContext();
  if (me.contexts.length < 2) return null;
  return (
    <NativeSelect
      aria-label={t("header.context")}
      size="xs"
      value={me.current?.id ?? ""}
      disabled={switchContext.isPending}
      error={switchContext.error?.message}
      onChange={(event) => switchContext.mutate(event.currentTarget.value)}
      data={me.contexts.map((context) => ({ value: context.id, label: label(context) }))}
    />
  );
}
