import { useTranslation } from "react-i18next";
import "../../locales/settings.js";
import { useCompanyProfile } from "./settings.js";

/** The company's logo in the console header, when it has one. */
export function CompanyLogo({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const profile = useCompanyProfile(enabled);
  const data = profile.data;
  if (!data?.logoUrl) return null;
  return (
    <img
      src={data.logoUrl}
      alt={t("settings.logoAlt", { name: data.name })}
      height={32}
      style={{ maxWidth: 120, objectFit: "contain", display: "block" }}
    />
  );
}
