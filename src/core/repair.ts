import { extractCitations } from "./extract";
import { formatTimestamp } from "./timestamp";
import type { TextEdit } from "./edits";
import type { Citation } from "./types";

/** What a repair would change, for the confirmation shown before it runs. */
export interface RepairPlan {
	edits: TextEdit[];
	/** How many elements each kind of repair touches, in words a person reads. */
	counts: Record<string, number>;
	/** Elements with no recoverable time, left exactly as they are. */
	unrepairable: number;
}

const STANDARD = /^<a class="yt-timestamp" data-t="(\d{1,3}(?::\d{1,3}){1,3})"(?: data-v="[A-Za-z0-9_-]{11}")?>([^<]*)<\/a>$/;

/** The standard element for a moment: `<a class="yt-timestamp" data-t="00:46:51">[00:46:51]</a>`. */
export function standardAnchor(seconds: number, videoId?: string): string {
	const t = formatTimestamp(seconds);
	const v = videoId ? ` data-v="${videoId}"` : "";
	return `<a class="yt-timestamp" data-t="${t}"${v}>[${t}]</a>`;
}

/**
 * Plans rewriting every malformed element core can read (stray brackets, broken attributes, empty
 * labels, unclosed tags, mangled tags, times written as minutes:seconds plus a third field) into the
 * standard form. Elements without a recoverable time, ranges (which would lose their end), times
 * whose reading the note leaves ambiguous or that fall past the end of the video (rewriting them
 * would write a guess down as fact) and already-standard elements are left untouched.
 */
export function planRepairs(markdown: string): RepairPlan {
	const edits: TextEdit[] = [];
	const counts: Record<string, number> = {};
	let unrepairable = 0;
	for (const c of extractCitations(markdown)) {
		if (c.seconds === null) {
			unrepairable++;
			continue;
		}
		// Other forms are the writer's choice (or another plugin's): only elements are repaired.
		if (c.end !== undefined || c.form !== "element") continue;
		const reason = repairReason(markdown, c);
		if (!reason) continue;
		edits.push({ from: c.from, to: c.to, insert: standardAnchor(c.seconds, c.video?.kind === "youtube" ? c.video.id : undefined) });
		counts[reason] = (counts[reason] ?? 0) + 1;
	}
	return { edits, counts, unrepairable };
}

function repairReason(markdown: string, c: Citation): string | null {
	const raw = markdown.slice(c.from, c.to);
	const standard = STANDARD.exec(raw);
	if (c.repaired === undefined) {
		if (standard && standard[2]?.trim()) return null;
		if (standard) return "empty label";
		return null;
	}
	switch (c.repair) {
		case "ambiguous":
		case "past-end":
			return null;
		case "minutes-seconds":
			return "time written as minutes:seconds with a third field";
		case "brackets":
			return "stray bracket in the time";
		case "attribute":
			return "broken time attribute";
		case "unclosed":
			return "unclosed element";
		case "label":
			return "time only in the label, or the label's time fits the note";
		case "mangled-tag":
			return "mangled tag";
		default:
			return "malformed time";
	}
}
