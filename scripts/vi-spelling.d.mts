/** Rewrites the old tone placement to the modern one throughout a text ("Hoá đơn" → "Hóa đơn"). */
export function modernSpelling(text: string): string;
/** The lines of a text that the modern spelling would change, numbered from 1. */
export function offendingLines(text: string): { line: number; text: string; modern: string }[];
/** The files named by the arguments (files, folders walked for text files, globs), less those `ignore` matches. */
export function filesOf(args: string[], ignore?: string[]): string[];
