import { NativeSelect } from "@mantine/core";
import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMe, useUpdateMe } from "../auth/session.js";
import { isLang, LANGS, setLang } from "../i18n.js";

type Props = {
  /** Small, with its label for assistive technology only (the header). */
  compact?: boolean;
  /** Another label, where the switch sits among other fields (the account page). */
  label?: string;
};

/**
 * The language switch, on every page. Its label and option names read the same in both languages,
 * so that someone who cannot read the current one still finds it. A change applies at once and,
 * when signed in, is saved to the account.
 */
export function LanguageSwitch({ compact = false, label: ownLabel }: Props) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const { mutate: updateMe } = useUpdateMe();

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const lang = event.currentTarget.value;
    if (!isLang(lang)) return;
    setLang(lang);
    if (me && me.account.lang !== lang) updateMe({ lang });
  };

  const label = ownLabel ?? t("language.label");
  return (
    <NativeSelect
      label={compact ? undefined : label}
      aria-label={compact ? label : undefined}
      size={compact ? "xs" : "sm"}
      value={i18n.language}
      onChange={onChange}
      data={LANGS.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
    />
  );
}
