import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractCitations, formatTimestamp, type Citation } from "../../../src/core";
import { DEMO_VAULT, SEED_NOTE } from "./paths";

/** The seed note's citations as core reads them from the demo vault's copy (32 of them). */
export const SEED_CITATIONS: Citation[] = extractCitations(readFileSync(join(DEMO_VAULT, SEED_NOTE), "utf8"));

/** The accessible name a seek link or chip carries for a citation: "Play from 46:51". */
export function playLabel(citation: Citation): string {
	if (citation.seconds === null) throw new Error(`Citation "${citation.label}" has no time`);
	return `Play from ${formatTimestamp(citation.seconds, { style: "m:ss" })}`;
}

/** The index of the citation whose element covers document offset `pos`, or -1. */
export function citationAt(citations: readonly Citation[], pos: number): number {
	return citations.findIndex((c) => c.from <= pos && pos < c.to);
}
