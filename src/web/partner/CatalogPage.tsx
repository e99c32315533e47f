import {
  Alert,
  Box,
  Button,
  Center,
  Checkbox,
  CloseButton,
  EmptyState,
  FileButton,
  Group,
  Input,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { PHOTO_TYPES, useUploads } from "../components/Attachments.js";
import { FormModal } from "../components/FormModal.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { IconCart } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDateTime, formatVnd, vndInputProps } from "../format.js";
import {
  CATEGORIES,
  type CatalogItem,
  type Category,
  ITEMS_PATH,
  itemThumbnailUrl,
  type PartnerProfile,
} from "../marketplace/marketplace.js";
import { usePartnerProfile } from "./profile.js";

const VAT_RATES = [0, 5, 8, 10] as const;
type VatRate = (typeof VAT_RATES)[number];

const ITEM_TONE = {
  pending: "waiting",
  approved: "positive",
  rejected: "inactive",
  withdrawn: "inactive",
} as const;
const MAX_PHOTOS = 4;
/** The square a photo is shown in: the form's and the list's. */
const FORM_PHOTO = 88;
const CARD_PHOTO = 64;

/** A thumbnail cut to a square of a fixed size, so nothing moves while it loads. */
function Thumbnail({ src, alt, size }: { src: string; alt: string; size: number }) {
  return (
    <img
      src={src}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      style={{
        objectFit: "cover",
        borderRadius: 8,
        display: "block",
        background: "var(--mantine-color-gray-1)",
      }}
    />
  );
}

/**
 * The item's photos (up to four, the first the one residents see): those it has come from its own address, new
 * ones from the partner's uploads until the item is saved.
 */
function PhotoPicker({ uploads, item }: { uploads: ReturnType<typeof useUploads>; item?: CatalogItem }) {
  const { t } = useTranslation();
  const saved = new Set(item?.photos.map((p) => p.id));
  const src = (fileId: string) =>
    item && saved.has(fileId)
      ? itemThumbnailUrl(item.id, fileId)
      : `/api/v1/files/${fileId}?variant=thumbnail`;
  const failed = uploads.uploads.filter((u) => u.error !== undefined);
  return (
    <Input.Wrapper
      label={t("partnerCatalog.photos")}
      description={t("partnerCatalog.photosHint")}
      labelProps={{ id: "item-photos", htmlFor: undefined, component: "div" }}
    >
      <Group gap="xs" mt={6} role="list" aria-labelledby="item-photos">
        {uploads.uploads.map((u, index) => (
          <Box key={u.key} pos="relative" w={FORM_PHOTO} h={FORM_PHOTO} role="listitem">
            {u.file ? (
              <Thumbnail
                src={src(u.file.id)}
                alt={t("partnerCatalog.photoN", { n: index + 1 })}
                size={FORM_PHOTO}
              />
            ) : (
              <Center h={FORM_PHOTO} bg="gray.1" style={{ borderRadius: 8 }}>
                {u.error === undefined ? (
                  <Loader size="sm" aria-label={t("attachments.uploading", { name: u.name })} />
                ) : (
                  <Text size="xs" c="red.9" ta="center" px={4}>
                    {t("partnerCatalog.photoFailed")}
                  </Text>
                )}
              </Center>
            )}
            {(u.file || u.error !== undefined) && (
              <CloseButton
                size="sm"
                radius="xl"
                pos="absolute"
                top={4}
                right={4}
                bg="white"
                aria-label={t("partnerCatalog.removePhoto", { n: index + 1 })}
                onClick={() => uploads.remove(u.key)}
              />
            )}
          </Box>
        ))}
        {uploads.uploads.length < MAX_PHOTOS && (
          <FileButton
            onChange={(files) => uploads.add(files.slice(0, MAX_PHOTOS - uploads.uploads.length))}
            accept={PHOTO_TYPES}
            multiple
          >
            {(props) => (
              <Button {...props} variant="default" w={FORM_PHOTO} h={FORM_PHOTO} px={4}>
                <Text size="xs" fw={600} style={{ whiteSpace: "normal" }}>
                  {t("partnerCatalog.addPhoto")}
                </Text>
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {failed.map((u) => (
        <Box key={u.key} mt={6}>
          <FormError error={u.error} />
        </Box>
      ))}
    </Input.Wrapper>
  );
}

type Values = {
  kind: CatalogItem["kind"];
  category: Category;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  price: number | string;
  vatRate: string;
  unlimited: boolean;
  stock: number | string;
  buildingIds: string[];
};

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * Adds an item, or changes one (anything but the stock sends it back for approval). Its buildings are among those
 * the partner serves, all of them at first; without the partner's profile (it failed to load), a new item goes to
 * all of them, as the API does when none are named.
 */
function ItemFormModal({
  item,
  profile,
  onClose,
}: {
  item?: CatalogItem;
  profile: PartnerProfile | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const served = profile?.buildings ?? [];
  const photos = useUploads("catalog_item", item?.photos ?? []);
  const form = useForm<Values>({
    initialValues: {
      kind: item?.kind ?? "goods",
      category: item?.category ?? "water",
      nameVi: item?.nameVi ?? "",
      nameEn: item?.nameEn ?? "",
      descriptionVi: item?.descriptionVi ?? "",
      descriptionEn: item?.descriptionEn ?? "",
      price: item?.price ?? "",
      vatRate: String(item?.vatRate ?? 8),
      unlimited: item ? item.stock === null : false,
      stock: item?.stock ?? 0,
      buildingIds: item?.buildingIds ?? served.map((b) => b.id),
    },
    validate: {
      nameVi: required,
      nameEn: required,
      price: (v) => (Number(v) >= 1 ? null : t("partnerCatalog.priceRequired")),
      buildingIds: (v) =>
        profile && !v.some((id) => served.some((b) => b.id === id)) ? t("partnerCatalog.pickBuilding") : null,
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        kind: v.kind,
        category: v.category,
        nameVi: v.nameVi.trim(),
        nameEn: v.nameEn.trim(),
        descriptionVi: v.descriptionVi.trim(),
        descriptionEn: v.descriptionEn.trim(),
        price: Number(v.price),
        vatRate: Number(v.vatRate) as VatRate,
        stock: v.unlimited ? null : Number(v.stock) || 0,
      };
      // Only buildings the partner still serves (an item may name one it no longer does).
      const buildingIds = v.buildingIds.filter((id) => served.some((b) => b.id === id));
      if (!item)
        return api.POST(ITEMS_PATH, {
          body: { ...body, photos: photos.ids, ...(profile ? { buildingIds } : {}) },
        });
      // Only what changed, so that a new stock count alone keeps the item approved; the descriptions always, as
      // the API reads a missing one as empty; the buildings and the photos when they are not the same any more.
      const patch: Partial<typeof body> & { buildingIds?: string[]; photos?: string[] } = {
        ...Object.fromEntries(
          Object.entries(body).filter(([key, value]) => item[key as keyof typeof body] !== value),
        ),
        descriptionVi: body.descriptionVi,
        descriptionEn: body.descriptionEn,
      };
      if (!sameSet(v.buildingIds, item.buildingIds)) patch.buildingIds = buildingIds;
      const photoIds = item.photos.map((p) => p.id);
      if (photos.ids.join() !== photoIds.join()) patch.photos = photos.ids;
      return api.PATCH("/catalog/items/{id}", { params: { path: { id: item.id } }, body: patch });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ITEMS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={item ? t("common.editNamed", { name: item.nameVi }) : t("partnerCatalog.add")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={item ? t("common.save") : t("partnerCatalog.send")}
      pending={save.isPending || photos.busy}
      error={save.error}
      size="lg"
    >
      <Text size="sm" c="dimmed">
        {t("partnerCatalog.reviewHint")}
      </Text>
      <SegmentedControl
        aria-label={t("partnerCatalog.kind")}
        data={[
          { value: "goods", label: t("market.kinds.goods") },
          { value: "service", label: t("market.kinds.service") },
        ]}
        {...form.getInputProps("kind")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("partnerCatalog.category")}
          data={CATEGORIES.map((c) => ({ value: c, label: t(`market.categories.${c}`) }))}
          {...form.getInputProps("category")}
        />
        <NativeSelect
          label={t("partnerCatalog.vatRate")}
          data={VAT_RATES.map((r) => ({ value: String(r), label: `${r} %` }))}
          {...form.getInputProps("vatRate")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("partnerCatalog.nameVi")}
          maxLength={120}
          data-autofocus
          {...form.getInputProps("nameVi")}
        />
        <TextInput label={t("partnerCatalog.nameEn")} maxLength={120} {...form.getInputProps("nameEn")} />
      </SimpleGrid>
      <Textarea
        label={t("partnerCatalog.descriptionVi")}
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps("descriptionVi")}
      />
      <Textarea
        label={t("partnerCatalog.descriptionEn")}
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps("descriptionEn")}
      />
      <NumberInput
        label={t("partnerCatalog.price")}
        description={t("partnerCatalog.priceHint")}
        {...vndInputProps(i18n.language)}
        min={1}
        {...form.getInputProps("price")}
      />
      <Group align="flex-end" gap="md">
        <NumberInput
          label={t("partnerCatalog.stock")}
          min={0}
          max={1_000_000}
          allowDecimal={false}
          allowNegative={false}
          disabled={form.values.unlimited}
          w={{ base: "100%", xs: 180 }}
          {...form.getInputProps("stock")}
        />
        <Switch
          label={t("partnerCatalog.unlimited")}
          mb={8}
          {...form.getInputProps("unlimited", { type: "checkbox" })}
        />
      </Group>
      <PhotoPicker uploads={photos} item={item} />
      {profile ? (
        <Checkbox.Group
          label={t("partnerCatalog.buildings")}
          description={t("partnerCatalog.buildingsHint")}
          {...form.getInputProps("buildingIds")}
        >
          <Stack gap="xs" mt="xs">
            {served.map((b) => (
              <Checkbox key={b.id} value={b.id} label={b.name} description={b.address} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Alert color="orange" variant="light">
          {t("partnerCatalog.buildingsUnknown")}
        </Alert>
      )}
    </FormModal>
  );
}

function ItemCard({ item, onEdit }: { item: CatalogItem; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const photo = item.photos[0];
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        {photo && (
          <Box style={{ flexShrink: 0 }}>
            <Thumbnail
              src={itemThumbnailUrl(item.id, photo.id)}
              alt={t("partnerCatalog.photoOf", { name: item.nameVi })}
              size={CARD_PHOTO}
            />
          </Box>
        )}
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700}>{item.nameVi}</Text>
          <Text size="xs" c="dimmed">
            {item.nameEn} · {t(`market.categories.${item.category}`)}
          </Text>
          <Text size="sm" fw={600}>
            {formatVnd(item.price, i18n.language)}{" "}
            <Text span size="xs" c="dimmed" fw={400}>
              {t("partnerCatalog.vatOf", { rate: item.vatRate })}
            </Text>
          </Text>
          <Text size="sm">
            {item.stock === null
              ? t("partnerCatalog.stockUnlimited")
              : t("partnerCatalog.inStock", { count: item.stock })}
          </Text>
          {item.status === "rejected" && item.reviewNote && (
            <Text size="sm" c="red.9">
              {t("partnerCatalog.rejectedBecause", { note: item.reviewNote })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t("partnerCatalog.updated", { time: formatDateTime(item.updatedAt) })}
          </Text>
        </Stack>
        <Stack gap="xs" align="flex-end" style={{ flexShrink: 0 }}>
          <StatusBadge tone={ITEM_TONE[item.status]}>{t(`market.itemStatuses.${item.status}`)}</StatusBadge>
          {item.can.update && (
            <Button
              size="xs"
              variant="light"
              onClick={onEdit}
              aria-label={t("common.editNamed", { name: item.nameVi })}
            >
              {t("common.edit")}
            </Button>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** Sản phẩm: the partner's own items with where their approval stands, and the form to add or change one. */
export function CatalogPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ item?: CatalogItem } | null>(null);
  const list = usePagedList(ITEMS_PATH);
  const profile = usePartnerProfile();
  return (
    <Stack maw={640} mx="auto" gap="sm">
      <PageHeader
        title={t("partnerCatalog.title")}
        action={
          <Button onClick={() => setEditing({})} loading={profile.isPending}>
            {t("partnerCatalog.add")}
          </Button>
        }
      />
      <Text size="sm" c="dimmed">
        {t("partnerCatalog.intro")}
      </Text>
      <PagedItems
        query={list.query}
        page={list.page}
        onPage={list.setPage}
        label={t("partnerCatalog.title")}
        empty={
          <EmptyState
            icon={<IconCart size={32} />}
            variant="light"
            title={t("partnerCatalog.empty")}
            description={t("partnerCatalog.emptyHint")}
            py="xl"
          />
        }
        item={(i) => <ItemCard key={i.id} item={i} onEdit={() => setEditing({ item: i })} />}
      />
      {editing && (
        <ItemFormModal item={editing.item} profile={profile.data} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
