import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  AnnouncementCategory,
  Announcement as AnnouncementSchema,
  AnnouncementStatus,
  Audience,
} from "../../../contracts/index.js";
import { api } from "../../api.js";
import { formatDateTime } from "../../format.js";

export type Announcement = z.infer<typeof AnnouncementSchema>;
export type { AnnouncementCategory, AnnouncementStatus, Audience };

export const ANNOUNCEMENTS_PATH = "/announcements";
export const CATEGORIES: AnnouncementCategory[] = [
  "notice",
  "maintenance",
  "event",
  "emergency",
  "promotion",
];
export const STATUSES: AnnouncementStatus[] = ["draft", "scheduled", "published", "archived"];
export const ROLES = ["owner", "tenant", "member", "board"] as const;

export function useAnnouncement(id: string | null) {
  return useQuery({
    queryKey: [ANNOUNCEMENTS_PATH, id],
    queryFn: () => api.GET("/announcements/{id}", { params: { path: { id: id as string } } }),
    enabled: id !== null,
  });
}

type Action = { id: string; kind: "publish" | "archive" | "pin" | "unpin" };

/** Changes to an announcement refresh every list and detail of announcements. */
export function useAnnouncementAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, kind }: Action): Promise<unknown> => {
      const path = { params: { path: { id } } };
      if (kind === "publish") return api.POST("/announcements/{id}/publish", path);
      if (kind === "archive") return api.POST("/announcements/{id}/archive", path);
      return api.PATCH("/announcements/{id}", { ...path, body: { pinned: kind === "pin" } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [ANNOUNCEMENTS_PATH] }),
  });
}

/** "Khối A, B · Tầng 2 · Chủ hộ", or the whole building. */
export function useAudienceText() {
  const { t } = useTranslation();
  return (audience: Audience) => {
    const parts: string[] = [];
    if (audience.blocks.length) parts.push(`${t("announcements.blocks")} ${audience.blocks.join(", ")}`);
    if (audience.floors.length) parts.push(`${t("announcements.floors")} ${audience.floors.join(", ")}`);
    if (audience.unitIds.length)
      parts.push(t("announcements.unitsChosen", { count: audience.unitIds.length }));
    if (audience.roles.length)
      parts.push(audience.roles.map((r) => t(`announcements.roleNames.${r}`)).join(", "));
    return parts.length ? parts.join(" · ") : t("announcements.audienceAll");
  };
}

/** When it went out, or is due to, or was written. */
export function useWhenText() {
  const { t } = useTranslation();
  return (a: Announcement) => {
    if (a.publishedAt) return t("announcements.publishedAt", { at: formatDateTime(a.publishedAt) });
    if (a.publishAt) return t("announcements.scheduledFor", { at: formatDateTime(a.publishAt) });
    return formatDateTime(a.createdAt);
  };
}

export const readRate = (a: Pick<Announcement, "sent" | "read">) =>
  a.sent === 0 ? 0 : Math.round((a.read / a.sent) * 100);
