import type { Command } from "obsidian";
import { formatTimestamp } from "../core";
import { NO_CONTROL_MESSAGE, NO_TIME_MESSAGE } from "../player/ObsidianEmbedPlayer";
import { videoStart } from "../player/surface";
import type { PlayerControls } from "../player/types";
import type { CommandContext } from "./context";

/** How much one "slower"/"faster" step changes the speed. */
export const RATE_STEP = 0.1;

/**
 * Opening the player for the active note, play/pause, skipping and speed. Each is offered only
 * when it can act (`checkCallback`), and none has a default hotkey.
 */
export function playbackCommands(ctx: CommandContext): Command[] {
	const { settings } = ctx;
	// The active note's player: its pinned one on top of the note, else the one used last. Play and
	// skip also load a video that waits for the user (a pinned player's poster); speed needs it playing.
	// Obsidian's own YouTube embed (iOS) takes none of them: the command says why (`unavailable`).
	const when = (deferredToo: boolean, unavailable: string, run: (player: PlayerControls) => void) => (checking: boolean) => {
		const player = ctx.playback.controlsFor(ctx.activeNote.path());
		if (!player.isReady && !(deferredToo && player.isDeferred)) return false;
		if (checking) return true;
		if (player.isReady && player.state.timeUnknown) ctx.notify(unavailable);
		else run(player);
		return true;
	};
	const changeRate = (player: PlayerControls, rate: number) => {
		const applied = player.setRate(rate);
		ctx.notify(`Playback speed: ${applied}×`);
	};
	return [
		{
			id: "open-player",
			name: "Open player for this note",
			icon: "film",
			checkCallback: (checking) => {
				const path = ctx.activeNote.path();
				const video = path ? ctx.notes.videoFor(path) : null;
				if (!path || !video) return false;
				if (checking) return true;
				// Where the video was left, moving no player that has it, and brought into view.
				ctx.playback.controlsFor(path).seek(video, videoStart(video), { resume: true, sourcePath: path });
				return true;
			},
		},
		{ id: "toggle-playback", name: "Play or pause", icon: "play", checkCallback: when(true, NO_CONTROL_MESSAGE, (player) => player.togglePlay()) },
		{
			id: "skip-back",
			name: "Skip back",
			icon: "rewind",
			checkCallback: when(true, NO_TIME_MESSAGE, (player) => player.seekBy(-settings.current.seekStepSeconds)),
		},
		{
			id: "skip-forward",
			name: "Skip forward",
			icon: "fast-forward",
			checkCallback: when(true, NO_TIME_MESSAGE, (player) => player.seekBy(settings.current.seekStepSeconds)),
		},
		{ id: "slower", name: "Slower playback", checkCallback: when(false, NO_CONTROL_MESSAGE, (player) => changeRate(player, player.state.rate - RATE_STEP)) },
		{ id: "faster", name: "Faster playback", checkCallback: when(false, NO_CONTROL_MESSAGE, (player) => changeRate(player, player.state.rate + RATE_STEP)) },
		{ id: "normal-speed", name: "Normal playback speed", checkCallback: when(false, NO_CONTROL_MESSAGE, (player) => changeRate(player, 1)) },
	];
}

/** "46:51" for messages. */
export function clock(seconds: number): string {
	return formatTimestamp(Math.floor(Math.max(0, seconds)), { style: "m:ss" });
}
