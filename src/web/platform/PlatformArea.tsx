import { Alert, Anchor, Button, Drawer, EmptyState, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { Route } from "react-router";
import type { z } from "zod";
import type { Company } from "../../contracts/index.js";
import { AreaRoutes } from "../components/AreaRoutes.js";
import { AreaShell, type NavItem } from "../components/AreaShell.js";
import { Fact } from "../components/Fact.js";
import { IconBuilding, IconClipboard, IconReceipt } from "../components/icons.js";
import { type Column, PagedTable } from "../components/PagedTable.js";
import { PageHeader } from "../components/Pages.js";
import { usePagedList } from "../components/usePagedList.js";
import { formatDate } from "../format.js";
import { COMPANIES_PATH, CreateCompanyModal } from "./CreateCompanyModal.js";

type CompanyRow = z.infer<typeof Company>;
const UnroutedTransfersPage = lazy(() => import("./UnroutedTransfersPage.js"));

// The national tariffs' page loads when first opened.
const TariffsPage = lazy(() => import("../billing/TariffsPage.js"));

/**
 * A company as the platform sees it: its name, tax code, size and age. The platform admin holds no access to the
 * company's residents (DESIGN §1), so this is all there is to open.
 */
function CompanyDrawer({ company, onClose }: { company: CompanyRow; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={
        <Title order={2} size="h3">
          {company.name}
        </Title>
      }
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <SimpleGrid component="dl" cols={2} spacing="md" verticalSpacing="md" m={0}>
          <Fact label={t("companies.taxCode")}>{company.taxCode ?? "—"}</Fact>
          <Fact label={t("common.createdAt")}>{formatDate(company.createdAt)}</Fact>
          <Fact label={t("companies.buildings")}>{company.buildingCount}</Fact>
          <Fact label={t("companies.staff")}>{company.staffCount}</Fact>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t("companies.noResidentData")}
        </Text>
      </Stack>
    </Drawer>
  );
}

function CompaniesPage() {
  const { t } = useTranslation();
  const list = usePagedList(COMPANIES_PATH);
  const [creating, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<{ name: string; adminContact: string } | null>(null);
  const [opened, setOpened] = useState<CompanyRow | null>(null);
  const columns: Column<CompanyRow>[] = [
    {
      header: t("companies.name"),
      cell: (company) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          ta="left"
          onClick={() => setOpened(company)}
        >
          {company.name}
        </Anchor>
      ),
    },
    { header: t("companies.taxCode"), cell: (company) => company.taxCode ?? "—" },
    { header: t("companies.buildings"), cell: (company) => company.buildingCount },
    { header: t("companies.staff"), cell: (company) => company.staffCount },
    { header: t("common.createdAt"), cell: (company) => formatDate(company.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t("companies.title")}
        action={<Button onClick={open}>{t("companies.create")}</Button>}
      />
      {created && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          mb="md"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setCreated(null)}
        >
          {t("companies.created", { name: created.name, contact: created.adminContact })}
        </Alert>
      )}
      <PagedTable
        list={list}
        columns={columns}
        label={t("companies.title")}
        searchLabel={t("common.search")}
        onOpen={setOpened}
        empty={
          <EmptyState
            icon={<IconBuilding size={32} />}
            variant="light"
            title={t("companies.emptyTitle")}
            description={t("companies.empty")}
          />
        }
      />
      {opened && <CompanyDrawer company={opened} onClose={() => setOpened(null)} />}
      {creating && (
        <CreateCompanyModal
          onClose={close}
          onCreated={(values) => {
            setCreated(values);
            close();
          }}
        />
      )}
    </>
  );
}

export default function PlatformArea() {
  const { t } = useTranslation();
  const nav: NavItem[] = [
    { to: "/platform", end: true, label: t("nav.platformCompanies"), icon: <IconBuilding /> },
    { to: "/platform/unrouted-transfers", label: t("unrouted.title"), icon: <IconReceipt /> },
    { to: "/platform/tariffs", label: t("nav.platformTariffs"), icon: <IconClipboard /> },
  ];
  return (
    <AreaShell nav={nav}>
      <AreaRoutes>
        <Route index element={<CompaniesPage />} />
        <Route path="unrouted-transfers" element={<UnroutedTransfersPage />} />
        <Route path="tariffs" element={<TariffsPage scope="national" />} />
      </AreaRoutes>
    </AreaShell>
  );
}
