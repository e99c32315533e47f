/** Vietnamese text without diacritics, lower-cased, spaces collapsed: "Nguyễn Văn Đức" → "nguyen van duc". */
export function searchText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
