import type { RepairKind } from "./types";

/** How a view shows the way a citation's time was read, in its look and its tooltip. */
export interface ReadingShown {
	/** Whether the citation is marked (`is-repaired`): only where a person may want to look or act. */
	marked: boolean;
	/** What the tooltip adds in brackets after "Play from 46:51", or `undefined`. */
	note?: string;
}

/**
 * One rule for every view: a time recovered from broken markup, read from a label, left ambiguous
 * or past the end is marked and its tooltip says "repaired: …"; a time read as minutes:seconds
 * because its note is written that way is how the note means it, so it is said in the tooltip and
 * not marked (a note of such times would otherwise be all marks).
 */
export function readingShown(c: { repair?: RepairKind | undefined; repaired?: string | undefined }): ReadingShown {
	if (c.repaired === undefined) return { marked: false };
	if (c.repair === "minutes-seconds") return { marked: false, note: c.repaired };
	return { marked: true, note: `repaired: ${c.repaired}` };
}
