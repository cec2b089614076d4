import { extractCitations, planAnchors, planPortableLinks, planRepairs, type ExtractOptions, type TextEdit, type VideoRef } from "../core";
import type { EditConfirmation } from "./ConfirmEditModal";
import type { NoteTarget } from "../obsidian/noteTarget";

/** What a tool would do to one note's text. */
export interface EditPlan {
	edits: readonly TextEdit[];
	/** What will change, one line each, for the confirmation. */
	changes: string[];
	/** What will be left alone, and why. */
	leftAlone: string[];
}

/** A tool that rewrites a note's citations: repair, or one of the two conversions. */
export interface EditTool {
	/** Command id (without the plugin id). */
	id: string;
	/** Command name. */
	name: string;
	icon: string;
	/** Whether the command is offered for a note with this text (the palette asks often: keep it cheap). */
	offered(text: string, video: VideoRef | null): boolean;
	/** `reading` reads the note's times against the length of its video, once known. */
	plan(text: string, video: VideoRef | null, reading?: ExtractOptions): EditPlan;
	/** The confirmation's title, intro and button for a plan with `count` edits. */
	confirmation(count: number): Omit<EditConfirmation, "changes" | "leftAlone">;
	/** What the notice says once `count` edits were made. */
	done(count: number): string;
	/** What the notice says when there is nothing to do. */
	nothing(plan: EditPlan): string;
}

/** "1 timestamp" / "3 timestamps". */
export function timestamps(n: number): string {
	return n === 1 ? "1 timestamp" : `${n} timestamps`;
}

/** "2 timestamps without a readable time stay as they are." */
function leftAsTheyAre(n: number, why: string): string[] {
	return n > 0 ? [`${timestamps(n)} ${why} ${n === 1 ? "stays as it is" : "stay as they are"}.`] : [];
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Rewrites the malformed elements core can read into the standard form. */
export const repairTool: EditTool = {
	id: "repair-timestamps",
	name: "Repair timestamps in this note",
	icon: "wrench",
	offered: (text) => text.includes("yt-timestamp") && planRepairs(text).edits.length > 0,
	plan(text) {
		const plan = planRepairs(text);
		const changes = Object.entries(plan.counts).map(([reason, n]) => `${capitalized(reason)}: ${n}`);
		return { edits: plan.edits, changes, leftAlone: leftAsTheyAre(plan.unrepairable, "without a readable time") };
	},
	confirmation: (count) => ({
		title: "Repair timestamps",
		intro: `This rewrites ${timestamps(count)} in the standard form, as one edit you can undo:`,
		action: "Repair",
	}),
	done: (count) => `Repaired ${timestamps(count)}.`,
	nothing: (plan) => `Nothing to repair in this note.${plan.leftAlone.length ? ` ${plan.leftAlone.join(" ")}` : ""}`,
};

/** Turns the note's timestamp elements into portable markdown links to youtu.be. */
export const toLinksTool: EditTool = {
	id: "convert-timestamps-to-links",
	name: "Convert timestamps to markdown links",
	icon: "link",
	offered: (text) => text.includes("yt-timestamp") && extractCitations(text).length > 0,
	plan(text, video, reading) {
		const plan = planPortableLinks(text, video, reading);
		return { edits: plan.edits, changes: [], leftAlone: leftAsTheyAre(plan.skipped, plan.skipReason ?? "without a readable time") };
	},
	confirmation: (count) => ({
		title: "Convert timestamps to markdown links",
		intro: `This turns ${timestamps(count)} into markdown links to YouTube, as one edit you can undo.`,
		action: "Convert",
	}),
	done: (count) => `Converted ${timestamps(count)} to markdown links.`,
	nothing: (plan) => `Nothing to convert in this note.${plan.leftAlone.length ? ` ${plan.leftAlone.join(" ")}` : ""}`,
};

/** Turns markdown links to YouTube moments back into timestamp elements. */
export const toAnchorsTool: EditTool = {
	id: "convert-links-to-timestamps",
	name: "Convert markdown links to timestamps",
	icon: "clock",
	offered: (text, video) => text.includes("](") && planAnchors(text, video).edits.length > 0,
	plan: (text, video) => ({ edits: planAnchors(text, video).edits, changes: [], leftAlone: [] }),
	confirmation: (count) => ({
		title: "Convert markdown links to timestamps",
		intro: `This turns ${count === 1 ? "1 markdown link" : `${count} markdown links`} to YouTube moments into timestamps, as one edit you can undo.`,
		action: "Convert",
	}),
	done: (count) => `Converted ${count === 1 ? "1 markdown link" : `${count} markdown links`} to timestamps.`,
	nothing: () => "No markdown links to YouTube moments in this note.",
};

/** The edit tools, in the order their commands are added. */
export const EDIT_TOOLS: readonly EditTool[] = [repairTool, toLinksTool, toAnchorsTool];

/** What running a tool needs besides the note. */
export interface EditToolRun {
	/** The note's video (`services.notes.videoFor`). */
	video: VideoRef | null;
	/** How the note's times are read: against the length of its video, once a player has measured it. */
	reading?: ExtractOptions;
	/** Asks the user to confirm; resolves `true` to go ahead. */
	confirm(confirmation: EditConfirmation): Promise<boolean>;
	notify(message: string): void;
}

/**
 * Runs `tool` on a note: plans from its text, asks for confirmation (saying what will change and
 * what will not), then re-plans from the note's text at that moment and applies it as one
 * undoable edit. Nothing is written when the user cancels or there is nothing to do.
 */
export async function runEditTool(tool: EditTool, target: NoteTarget, run: EditToolRun): Promise<void> {
	const plan = tool.plan(await target.read(), run.video, run.reading);
	if (plan.edits.length === 0) {
		run.notify(tool.nothing(plan));
		return;
	}
	const confirmed = await run.confirm({ ...tool.confirmation(plan.edits.length), changes: plan.changes, leftAlone: plan.leftAlone });
	if (!confirmed) return;
	let current: EditPlan = plan;
	const applied = await target.apply((text) => (current = tool.plan(text, run.video, run.reading)).edits);
	run.notify(applied > 0 ? tool.done(applied) : tool.nothing(current));
}
