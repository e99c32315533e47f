import { describe, expect, it } from "vitest";
import { csvFile } from "./csv.js";

describe("csvFile", () => {
  it("quotes every cell, doubles quotes, defuses formulas, joins lists, and writes a BOM and CRLF lines", () => {
    expect(
      csvFile([
        ["unit", "reason"],
        ['A "1"', '=HYPERLINK("x")'],
        [],
        [["Gym", "Hồ bơi"], 3, null, "-2", "+1", "@x"],
      ]),
    ).toBe(
      '\ufeff"unit","reason"\r\n"A ""1""","\'=HYPERLINK(""x"")"\r\n\r\n"Gym; Hồ bơi","3","","\'-2","\'+1","\'@x"\r\n',
    );
  });
});
