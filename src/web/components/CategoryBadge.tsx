import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AnnouncementCategory } from "../../contracts/index.js";

/** Palette names: the theme makes each one's filled shade readable with white text (theme.ts). */
const COLOUR: Record<AnnouncementCategory, string> = {
  notice: "blue",
  maintenance: "orange",
  event: "grape",
  emergency: "red",
  promotion: "teal",
};

/** An announcement's category, as the console and the resident app both show it. */
export function CategoryBadge({ category }: { category: AnnouncementCategory }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOUR[category]} variant="filled" tt="none" radius="sm" style={{ flexShrink: 0 }}>
      {t(`announcementCategory.${category}`)}
    </Badge>
  );
}
