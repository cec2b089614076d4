import type { Command } from "obsidian";
import { formatTimestamp, videoKey } from "../core";
import type { CommandContext } from "./context";

/** How much one "slower"/"faster" step changes the speed. */
export const RATE_STEP = 0.25;

/**
 * Opening the player for the active note, play/pause, skipping and speed. Each is offered only
 * when it can act (`checkCallback`), and none has a default hotkey.
 */
export function playbackCommands(ctx: CommandContext): Command[] {
	const { playback, settings } = ctx;
	const whenReady = (run: () => void) => (checking: boolean) => {
		if (!playback.isReady) return false;
		if (!checking) run();
		return true;
	};
	const changeRate = (rate: number) => {
		const applied = playback.setRate(rate);
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
				const loaded = playback.state.video;
				if (!loaded || videoKey(loaded) !== videoKey(video)) {
					const start = playback.positionOf(video) ?? (video.kind === "youtube" ? video.start : undefined) ?? 0;
					playback.seek(video, start, { play: false, sourcePath: path });
				}
				void playback.reveal();
				return true;
			},
		},
		{ id: "toggle-playback", name: "Play or pause", icon: "play", checkCallback: whenReady(() => playback.togglePlay()) },
		{
			id: "skip-back",
			name: "Skip back",
			icon: "rewind",
			checkCallback: whenReady(() => playback.seekBy(-settings.current.seekStepSeconds)),
		},
		{
			id: "skip-forward",
			name: "Skip forward",
			icon: "fast-forward",
			checkCallback: whenReady(() => playback.seekBy(settings.current.seekStepSeconds)),
		},
		{ id: "slower", name: "Slower playback", checkCallback: whenReady(() => changeRate(playback.state.rate - RATE_STEP)) },
		{ id: "faster", name: "Faster playback", checkCallback: whenReady(() => changeRate(playback.state.rate + RATE_STEP)) },
		{ id: "normal-speed", name: "Normal playback speed", checkCallback: whenReady(() => changeRate(1)) },
	];
}

/** "46:51" for messages. */
export function clock(seconds: number): string {
	return formatTimestamp(Math.floor(Math.max(0, seconds)), { style: "m:ss" });
}
