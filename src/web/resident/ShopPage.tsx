import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError, api } from "../api.js";
import { FormError, showFieldErrors } from "../components/forms.js";
import { IconCart } from "../components/icons.js";
import { PageHeader } from "../components/Pages.js";
import { formatVnd } from "../format.js";
import {
  firstDeliveryDay,
  itemThumbnailUrl,
  ORDERS_PATH,
  openSlots,
  SHOP_PATH,
  type ShopItem,
  type ShopPartner,
  type ShopPromotion,
  type Slot,
} from "../marketplace/marketplace.js";
import { WindowFields } from "../marketplace/WindowFields.js";
import { useChosenUnitId } from "./units.js";

/** What the household picked, per partner (an order holds one partner's items): item id → quantity. */
type Cart = Record<string, Record<string, number>>;
const MAX_QUANTITY = 99;
/** The square an item's photo is shown in. */
const PHOTO = 56;
/** Where the resident turns marketing on or off. */
const CONSENTS_LINK = "/app/privacy/consents";

/** The item's first photo as a fixed square (nothing moves while it loads), or an empty square beside items that have one. */
function ItemPhoto({ item }: { item: ShopItem }) {
  if (!item.photoId)
    return (
      <Box w={PHOTO} h={PHOTO} bg="gray.1" style={{ borderRadius: 8, flexShrink: 0 }} aria-hidden="true" />
    );
  return (
    <img
      src={itemThumbnailUrl(item.id, item.photoId)}
      alt={item.name}
      width={PHOTO}
      height={PHOTO}
      loading="lazy"
      style={{
        objectFit: "cover",
        borderRadius: 8,
        display: "block",
        flexShrink: 0,
        border: "1px solid var(--mantine-color-gray-3)",
      }}
    />
  );
}

/** "dd/mm" of a YYYY-MM-DD day. */
const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** The partners' promotions running today (the shop sends them only to residents who consent to marketing). */
function Promotions({ promotions, partners }: { promotions: ShopPromotion[]; partners: ShopPartner[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" gap="xs" aria-labelledby="shop-promotions">
      <Title order={2} size="h5" id="shop-promotions">
        {t("shop.promotions")}
      </Title>
      <Stack
        component="ul"
        gap="xs"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-labelledby="shop-promotions"
      >
        {promotions.map((p) => {
          const partner = partners.find((x) => x.id === p.partnerId);
          const item = p.itemId ? partner?.items.find((i) => i.id === p.itemId) : undefined;
          return (
            <Paper component="li" key={p.id} radius="md" p="sm" bg="orange.0" withBorder>
              <Text fw={700}>{p.title}</Text>
              {p.body && <Text size="sm">{p.body}</Text>}
              <Text size="xs" c="dimmed" mt={4}>
                {[partner?.displayName, item?.name, t("shop.promotionUntil", { date: dayMonth(p.endsOn) })]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** Without consent to marketing, one quiet line on where to turn promotions on. */
function PromotionsHint() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t("shop.promotionsOff")}{" "}
      <Anchor component={Link} to={CONSENTS_LINK} size="xs" underline="always">
        {t("shop.promotionsManage")}
      </Anchor>
    </Text>
  );
}

/** The quantity of an item in the cart: Thêm, then − n + once it is in. */
function Stepper({
  item,
  quantity,
  onChange,
}: {
  item: ShopItem;
  quantity: number;
  onChange: (quantity: number) => void;
}) {
  const { t } = useTranslation();
  if (!item.available)
    return (
      <Badge color="gray.7" variant="filled" tt="none" radius="sm">
        {t("shop.soldOut")}
      </Badge>
    );
  if (quantity === 0)
    return (
      <Button
        size="xs"
        variant="light"
        onClick={() => onChange(1)}
        aria-label={t("shop.addNamed", { name: item.name })}
      >
        {t("shop.add")}
      </Button>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => onChange(quantity - 1)}
        aria-label={t("shop.less", { name: item.name })}
      >
        −
      </ActionIcon>
      <Text
        fw={700}
        w={28}
        ta="center"
        role="status"
        aria-label={t("shop.quantityOf", { name: item.name, count: quantity })}
      >
        {quantity}
      </Text>
      <ActionIcon
        variant="default"
        size="lg"
        disabled={quantity >= MAX_QUANTITY}
        onClick={() => onChange(quantity + 1)}
        aria-label={t("shop.more", { name: item.name })}
      >
        +
      </ActionIcon>
    </Group>
  );
}

/** The lines of a partner's cart with their amounts, and the total (prices include VAT). */
function cartLines(partner: ShopPartner, picked: Record<string, number>) {
  const lines = partner.items.flatMap((item) => {
    const quantity = picked[item.id] ?? 0;
    return quantity > 0 ? [{ item, quantity, amount: item.price * quantity }] : [];
  });
  return {
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    count: lines.reduce((n, l) => n + l.quantity, 0),
  };
}

function PartnerShop({
  partner,
  picked,
  onPick,
  onCheckout,
}: {
  partner: ShopPartner;
  picked: Record<string, number>;
  onPick: (itemId: string, quantity: number) => void;
  onCheckout: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { total, count } = cartLines(partner, picked);
  const headingId = `partner-${partner.id}`;
  const withPhotos = partner.items.some((i) => i.photoId);
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {partner.displayName}
          </Title>
          <Text size="sm" c="dimmed">
            {partner.categories.map((c) => t(`market.categories.${c}`)).join(", ")} ·{" "}
            <Anchor href={`tel:${partner.hotline.replace(/\s/g, "")}`} size="sm" underline="always">
              {t("shop.hotline", { phone: partner.hotline })}
            </Anchor>
          </Text>
        </div>
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: "none" }} aria-labelledby={headingId}>
          {partner.items.map((item, index) => (
            <Group
              key={item.id}
              component="li"
              justify="space-between"
              align="center"
              wrap="nowrap"
              gap="sm"
              py="sm"
              style={index > 0 ? { borderTop: "1px solid var(--mantine-color-gray-3)" } : undefined}
            >
              {withPhotos && <ItemPhoto item={item} />}
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text fw={600}>{item.name}</Text>
                {item.description && (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {item.description}
                  </Text>
                )}
                <Text size="sm" fw={700} mt={2}>
                  {formatVnd(item.price, i18n.language)}
                </Text>
              </div>
              <Box style={{ flexShrink: 0 }}>
                <Stepper item={item} quantity={picked[item.id] ?? 0} onChange={(q) => onPick(item.id, q)} />
              </Box>
            </Group>
          ))}
        </Stack>
        {count > 0 && (
          <Group
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            p="sm"
            bg="blue.0"
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          >
            <Text fw={600} size="sm">
              {t("shop.cartSummary", { count, total: formatVnd(total, i18n.language) })}
            </Text>
            <Button
              onClick={onCheckout}
              aria-label={t("shop.checkoutNamed", { partner: partner.displayName })}
            >
              {t("shop.checkout")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

type CheckoutValues = {
  slotDate: string;
  slot: Slot | "";
  delivery: "door" | "reception";
  note: string;
  payment: "transfer" | "cash";
};

/** The delivery day and window, door or reception, a note and the payment; placing it opens the order. */
function Checkout({
  partner,
  unitId,
  picked,
  onBack,
}: {
  partner: ShopPartner;
  unitId: string;
  picked: Record<string, number>;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { lines, total } = cartLines(partner, picked);
  const firstDay = firstDeliveryDay();
  const form = useForm<CheckoutValues>({
    initialValues: {
      slotDate: firstDay,
      slot: openSlots(firstDay)[0] ?? "",
      delivery: "door",
      note: "",
      payment: "transfer",
    },
    validate: { slot: (v) => (v ? null : t("shop.pickSlot")) },
  });
  const place = useMutation({
    mutationFn: (v: CheckoutValues) =>
      api.POST(ORDERS_PATH, {
        body: {
          unitId,
          lines: lines.map((l) => ({ itemId: l.item.id, quantity: l.quantity })),
          slotDate: v.slotDate,
          slot: v.slot as Slot,
          delivery: v.delivery,
          note: v.note.trim(),
          payment: v.payment,
        },
      }),
    onSuccess: async (order) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [ORDERS_PATH] }),
        queryClient.invalidateQueries({ queryKey: [SHOP_PATH] }),
      ]);
      navigate(`/app/orders/${order.id}`);
    },
    onError: (error) => {
      showFieldErrors(form, error);
      // What was sold out meanwhile shows as such when the shop is read again.
      if (error instanceof ApiError && error.code === "OUT_OF_STOCK")
        void queryClient.invalidateQueries({ queryKey: [SHOP_PATH] });
    },
  });
  const linesError = place.error instanceof ApiError ? place.error.fieldErrors.lines : undefined;
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component="button" type="button" size="sm" onClick={onBack} style={{ alignSelf: "flex-start" }}>
        ← {t("shop.backToShop")}
      </Anchor>
      <PageHeader title={t("shop.checkoutTitle", { partner: partner.displayName })} />
      <form onSubmit={form.onSubmit((v) => place.mutate(v))} noValidate>
        <Stack gap="md">
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="checkout-lines">
            <Title order={2} size="h5" id="checkout-lines" mb="xs">
              {t("shop.summary")}
            </Title>
            <Stack
              component="ul"
              gap={4}
              m={0}
              p={0}
              style={{ listStyle: "none" }}
              aria-labelledby="checkout-lines"
            >
              {lines.map((l) => (
                <Group key={l.item.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">{t("orders.line", { quantity: l.quantity, name: l.item.name })}</Text>
                  <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                    {formatVnd(l.amount, i18n.language)}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Group
              justify="space-between"
              mt="xs"
              pt="xs"
              style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
            >
              <Text fw={700}>{t("orders.total")}</Text>
              <Text fw={700}>{formatVnd(total, i18n.language)}</Text>
            </Group>
            <Text size="xs" c="dimmed" ta="right">
              {t("shop.pricesIncludeVat")}
            </Text>
            {linesError && (
              <Text size="sm" c="red.8" mt="xs" role="alert">
                {linesError}
              </Text>
            )}
          </Paper>
          <WindowFields
            day={form.values.slotDate}
            slot={form.values.slot}
            onChange={(slotDate, slot) => form.setValues({ slotDate, slot })}
            dayError={form.errors.slotDate}
            slotError={form.errors.slot}
          />
          <Radio.Group label={t("shop.delivery")} {...form.getInputProps("delivery")}>
            <Stack gap="xs" mt="xs">
              <Radio value="door" label={t("market.deliveries.door")} />
              <Radio value="reception" label={t("market.deliveries.reception")} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t("shop.note")}
            placeholder={t("shop.notePlaceholder")}
            autosize
            minRows={2}
            maxLength={300}
            {...form.getInputProps("note")}
          />
          <Radio.Group label={t("shop.payment")} {...form.getInputProps("payment")}>
            <Stack gap="xs" mt="xs">
              <Radio value="transfer" label={t("market.payments.transfer")} />
              <Radio value="cash" label={t("market.payments.cash")} />
            </Stack>
          </Radio.Group>
          <FormError error={linesError ? null : place.error} />
          <Button type="submit" size="md" loading={place.isPending}>
            {t("shop.place", { total: formatVnd(total, i18n.language) })}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** Đặt hàng: the partners serving the unit's building with their items, a cart per partner, then checkout. */
export function ShopPage() {
  const { t } = useTranslation();
  const unitId = useChosenUnitId();
  const [cart, setCart] = useState<Cart>({});
  const [checkout, setCheckout] = useState<string | null>(null);
  const shop = useQuery({
    queryKey: [SHOP_PATH, unitId],
    queryFn: () => api.GET(SHOP_PATH, { params: { query: { unitId: unitId ?? "" } } }),
    enabled: unitId !== undefined,
  });
  const pick = (partnerId: string, itemId: string, quantity: number) =>
    setCart((c) => ({ ...c, [partnerId]: { ...c[partnerId], [itemId]: Math.max(0, quantity) } }));
  const partners = shop.data?.partners ?? [];
  const checkingOut = partners.find((p) => p.id === checkout);
  if (checkingOut && unitId)
    return (
      <Checkout
        partner={checkingOut}
        unitId={unitId}
        picked={cart[checkingOut.id] ?? {}}
        onBack={() => setCheckout(null)}
      />
    );
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/services" size="sm">
        ← {t("services.title")}
      </Anchor>
      <PageHeader
        title={t("shop.title")}
        action={
          <Button component={Link} to="/app/orders" variant="default">
            {t("shop.myOrders")}
          </Button>
        }
      />
      <Text size="sm" c="dimmed">
        {t("shop.intro")}
      </Text>
      {shop.data && !shop.data.marketingConsent && partners.length > 0 && <PromotionsHint />}
      {shop.data && shop.data.promotions.length > 0 && (
        <Promotions promotions={shop.data.promotions} partners={partners} />
      )}
      {shop.isPending && unitId ? (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : shop.isError ? (
        <FormError error={shop.error} />
      ) : partners.length === 0 ? (
        <EmptyState
          icon={<IconCart size={32} />}
          variant="light"
          title={t("shop.empty")}
          description={t("shop.emptyHint")}
          py="xl"
        />
      ) : (
        partners.map((partner) => (
          <PartnerShop
            key={partner.id}
            partner={partner}
            picked={cart[partner.id] ?? {}}
            onPick={(itemId, quantity) => pick(partner.id, itemId, quantity)}
            onCheckout={() => {
              setCheckout(partner.id);
              window.scrollTo(0, 0);
            }}
          />
        ))
      )}
    </Stack>
  );
}
