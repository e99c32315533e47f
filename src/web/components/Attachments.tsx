import { Anchor, Button, CloseButton, FileButton, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiData, api } from "../api.js";
import { FormError } from "./forms.js";

export type FileInfo = ApiData<"post", "/files">;
type Purpose =
  | "announcement"
  | "conversation"
  | "ticket"
  | "parcel"
  | "document"
  | "renovation"
  | "catalog_item";

/** What the file picker offers for a photo (the server checks each file by its content whatever it is called). */
export const PHOTO_TYPES = "image/jpeg,image/png,image/webp,image/heic";
type Upload = { key: string; name: string; file?: FileInfo; error?: unknown };

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/** Files chosen for something not sent yet: each is uploaded at once (checked by the server), removable. */
export function useUploads(purpose: Purpose, initial: readonly FileInfo[] = []) {
  const [uploads, setUploads] = useState<Upload[]>(() =>
    initial.map((f) => ({ key: f.id, name: f.name, file: f })),
  );
  const add = (chosen: File[]) => {
    for (const file of chosen) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setUploads((list) => [...list, { key, name: file.name }]);
      api
        .upload("/files", file, "application/octet-stream", {
          params: { query: { purpose, name: file.name } },
        })
        .then((info) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, file: info } : u))))
        .catch((error) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, error } : u))));
    }
  };
  return {
    uploads,
    add,
    remove: (key: string) => setUploads((list) => list.filter((u) => u.key !== key)),
    reset: (files: readonly FileInfo[] = []) =>
      setUploads(files.map((f) => ({ key: f.id, name: f.name, file: f }))),
    ids: uploads.flatMap((u) => (u.file ? [u.file.id] : [])),
    busy: uploads.some((u) => !u.file && !u.error),
  };
}

/** The button to add files, and the files added so far with their state. */
export function AttachmentPicker({
  uploads,
  accept,
  label,
  max,
}: {
  uploads: ReturnType<typeof useUploads>;
  accept: string;
  label: string;
  max: number;
}) {
  const { t } = useTranslation();
  const full = uploads.uploads.length >= max;
  return (
    <Stack gap="xs">
      {uploads.uploads.map((u) => (
        <Paper key={u.key} withBorder px="sm" py={6} radius="sm">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {u.name}
              </Text>
              {u.file && (
                <Text size="xs" c="dimmed">
                  {sizeOf(u.file.size)}
                </Text>
              )}
              {u.error !== undefined && <FormError error={u.error} />}
            </Stack>
            {!u.file && u.error === undefined ? (
              <Loader size="xs" aria-label={t("attachments.uploading", { name: u.name })} />
            ) : (
              <CloseButton
                aria-label={t("attachments.remove", { name: u.name })}
                onClick={() => uploads.remove(u.key)}
              />
            )}
          </Group>
        </Paper>
      ))}
      <FileButton
        onChange={(files) => uploads.add(files.slice(0, max - uploads.uploads.length))}
        accept={accept}
        multiple
      >
        {(props) => (
          <Button {...props} variant="default" w="fit-content" disabled={full}>
            {label}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}

/** Files attached to something shown: images as thumbnails that open full size, PDFs as links. */
export function AttachmentList({
  files,
  urlOf,
}: {
  files: readonly FileInfo[];
  urlOf: (fileId: string) => string;
}) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  const images = files.filter((f) => f.kind === "image");
  const documents = files.filter((f) => f.kind !== "image");
  return (
    <Stack gap="xs">
      {images.length > 0 && (
        <Group gap="xs">
          {images.map((f) => (
            <Anchor key={f.id} href={urlOf(f.id)} target="_blank" rel="noopener">
              <img
                src={`${urlOf(f.id)}?variant=thumbnail`}
                alt={f.name}
                width={96}
                height={Math.round((96 * (f.height ?? 1)) / (f.width ?? 1))}
                style={{ borderRadius: 6, objectFit: "cover", display: "block" }}
                loading="lazy"
              />
            </Anchor>
          ))}
        </Group>
      )}
      {documents.map((f) => (
        <Anchor key={f.id} href={urlOf(f.id)} target="_blank" rel="noopener" size="sm">
          {t("attachments.document", { name: f.name, size: sizeOf(f.size) })}
        </Anchor>
      ))}
    </Stack>
  );
}
