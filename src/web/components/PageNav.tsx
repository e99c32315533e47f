import { Pagination } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The pages of a server-side list, with spoken names for each button; nothing when everything fits on one. */
export function PageNav({
  total,
  pageSize,
  page,
  onChange,
  size,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
  size?: "sm";
}) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return (
    <Pagination
      total={pages}
      value={page}
      onChange={onChange}
      size={size}
      getItemProps={(item) => ({ "aria-label": t("common.page", { page: item }) })}
      getControlProps={(control) => ({ "aria-label": t(`common.pageControl.${control}`) })}
    />
  );
}
