import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import classes from "./units.module.css";

/** One bad cell of an imported file, as the server reports it (already in the user's language). */
export type ImportError = { sheet: string; row: number; column: string; message: string };

/** The bad cells of an import, sheet, row and column first; scrolls on its own and with the keyboard. */
export function ImportErrorTable({ errors, label }: { errors: ImportError[]; label: string }) {
  const { t } = useTranslation();
  return (
    <section
      className={classes.errorScroll}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      aria-label={label}
    >
      <Table striped withTableBorder stickyHeader aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("registryImport.colSheet")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("registryImport.colRow")}
            </Table.Th>
            <Table.Th scope="col">{t("registryImport.colColumn")}</Table.Th>
            <Table.Th scope="col">{t("registryImport.colError")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the report is fixed once shown; a cell may have two errors
            <Table.Tr key={index}>
              <Table.Td>{error.sheet}</Table.Td>
              <Table.Td ta="right">{error.row}</Table.Td>
              <Table.Td>{error.column}</Table.Td>
              <Table.Td>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
