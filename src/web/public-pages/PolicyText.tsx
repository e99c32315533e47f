import { List, Stack, Text, Title } from "@mantine/core";

/** `at` is the line a block or item starts on: unique, and stable for a given text (React keys). */
type Line = { at: number; text: string };
export type Block = ({ type: "h1" | "h2" | "p" } & Line) | { type: "list"; at: number; items: Line[] };

/**
 * Reads the policy format: `#`/`##` headings, `-` list items, paragraphs separated by blank lines
 * (lines of one paragraph are joined). Plain text on purpose: a company's own text cannot inject markup.
 */
export function parsePolicy(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  const endParagraph = () => {
    const first = paragraph[0];
    if (first) blocks.push({ type: "p", at: first.at, text: paragraph.map((line) => line.text).join(" ") });
    paragraph = [];
  };
  for (const [at, raw] of body.split(/\r?\n/).entries()) {
    const line = raw.trim();
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    const item = /^-\s+(.*)$/.exec(line);
    if (heading || item || !line) endParagraph();
    if (heading) {
      blocks.push({ type: heading[1] === "#" ? "h1" : "h2", at, text: heading[2] ?? "" });
    } else if (item) {
      const entry = { at, text: item[1] ?? "" };
      const last = blocks.at(-1);
      if (last?.type === "list") last.items.push(entry);
      else blocks.push({ type: "list", at, items: [entry] });
    } else if (line) {
      paragraph.push({ at, text: line });
    }
  }
  endParagraph();
  return blocks;
}

/** The text's own title (its first line, when a `#` heading) apart from the rest, so a page can put details under it. */
export function splitTitle(body: string): { title: string | null; blocks: Block[] } {
  const blocks = parsePolicy(body);
  const first = blocks[0];
  return first?.type === "h1" ? { title: first.text, blocks: blocks.slice(1) } : { title: null, blocks };
}

/** Renders parsed text (parsePolicy, or splitTitle's blocks). */
export function PolicyText({ blocks }: { blocks: Block[] }) {
  return (
    <Stack gap="sm">
      {blocks.map((block) => {
        const key = block.at;
        if (block.type === "h1") {
          return (
            <Title key={key} order={1} size="h2">
              {block.text}
            </Title>
          );
        }
        if (block.type === "h2") {
          return (
            <Title key={key} order={2} size="h4" mt="md">
              {block.text}
            </Title>
          );
        }
        if (block.type === "list") {
          return (
            <List key={key} spacing={6} pr="md">
              {block.items.map((item) => (
                <List.Item key={item.at}>{item.text}</List.Item>
              ))}
            </List>
          );
        }
        return <Text key={key}>{block.text}</Text>;
      })}
    </Stack>
  );
}
