import type { Command } from "obsidian";
import { extractCitations, type TimedCitation } from "../core";
import { citationsOfVideo } from "../notes/citationVideo";
import { readingOptions } from "../notes/videoDurations";
import { NO_TIME_MESSAGE } from "../player/ObsidianEmbedPlayer";
import type { PlayerControls } from "../player/types";
import type { CommandContext } from "./context";
import { clock } from "./playbackCommands";

/** "Next" skips citations closer than this ahead of the playing time (the one just seeked to). */
const NEXT_MARGIN_SECONDS = 0.5;
/** "Previous" within this many seconds after a citation goes to the one before it, as media players do. */
const PREVIOUS_MARGIN_SECONDS = 2;

/** Which way a jump goes. */
export type JumpDirection = "previous" | "next";

/**
 * The citation to jump to from `seconds`: the first one after it, or the last one before it (a
 * little before, so pressing "previous" twice keeps going back). `null` when there is none.
 */
export function neighbourCitation(citations: readonly TimedCitation[], seconds: number, direction: JumpDirection): TimedCitation | null {
	const sorted = [...citations].sort((a, b) => a.seconds - b.seconds);
	if (direction === "next") return sorted.find((c) => c.seconds > seconds + NEXT_MARGIN_SECONDS) ?? null;
	for (let i = sorted.length - 1; i >= 0; i--) {
		const c = sorted[i] as TimedCitation;
		if (c.seconds < seconds - PREVIOUS_MARGIN_SECONDS) return c;
	}
	return null;
}

/** "Jump to previous/next citation": through the cited moments of the note, relative to the playing time. */
export function citationJumpCommands(ctx: CommandContext): Command[] {
	const make = (direction: JumpDirection): Command => ({
		id: `${direction}-citation`,
		name: `Jump to ${direction} citation`,
		icon: direction === "next" ? "skip-forward" : "skip-back",
		checkCallback: (checking) => {
			// The active note's player: its pinned one on top of the note, else the one used last.
			const player = ctx.playback.controlsFor(ctx.activeNote.path());
			// A pinned player's video that waits for the user loads at the citation.
			if ((!player.isReady && !player.isDeferred) || notesToSearch(ctx, player).length === 0) return false;
			if (checking) return true;
			// Obsidian's own YouTube embed (iOS) does not say where it is: nothing to jump from.
			if (player.isReady && player.state.timeUnknown) ctx.notify(NO_TIME_MESSAGE);
			else void jump(ctx, player, direction);
			return true;
		},
	});
	return [make("previous"), make("next")];
}

/** The active note first, then the note the video was played from. */
function notesToSearch(ctx: CommandContext, player: PlayerControls): string[] {
	const paths = [ctx.activeNote.path(), player.info.sourcePath].filter((p): p is string => !!p);
	return [...new Set(paths)];
}

async function jump(ctx: CommandContext, player: PlayerControls, direction: JumpDirection): Promise<void> {
	const video = player.state.video;
	if (!video) return;
	const now = player.state.seconds;
	for (const path of notesToSearch(ctx, player)) {
		let text: string;
		try {
			text = await ctx.activeNote.text(path);
		} catch {
			continue;
		}
		const noteVideo = ctx.notes.videoFor(path);
		const citations = citationsOfVideo(extractCitations(text, readingOptions(ctx.durations, noteVideo, ctx.settings.current)), video, noteVideo);
		if (citations.length === 0) continue;
		const target = neighbourCitation(citations, now, direction);
		if (target) player.seek(video, target.seconds, { sourcePath: path });
		else ctx.notify(`No citation ${direction === "next" ? "after" : "before"} ${clock(now)} in this note.`);
		return;
	}
	ctx.notify("This note has no citations of the video that is playing.");
}
