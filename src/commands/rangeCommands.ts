import type { Command, Editor, MarkdownFileInfo, MarkdownView } from "obsidian";
import { formatTimestamp, isYouTubeId, videoKey, type VideoRef } from "../core";
import { NO_TIME_MESSAGE } from "../player/ObsidianEmbedPlayer";
import type { CommandContext } from "./context";
import { clock } from "./playbackCommands";

/**
 * What "Insert range" writes for `start`–`end` of `video` (whole seconds): an element whose
 * `data-t` holds the range, `<a class="yt-timestamp" data-t="00:01:02-00:01:30">[00:01:02]-[00:01:30]</a>`,
 * which plays from its start and pauses at its end; `data-v` names another video than the note's.
 * A vault or web video cited by a media-fragment link elsewhere in the note gets the element too:
 * every reader of the note reads it.
 */
export function rangeMarkup(video: VideoRef, start: number, end: number, noteVideo: VideoRef | null): string {
	const from = formatTimestamp(Math.max(0, Math.floor(start)));
	const to = formatTimestamp(Math.max(0, Math.floor(end)));
	const id = video.kind === "youtube" && isYouTubeId(video.id) ? video.id : null;
	const otherVideo = id !== null && (!noteVideo || videoKey(noteVideo) !== videoKey(video));
	const dataV = otherVideo ? ` data-v="${id}"` : "";
	return `<a class="yt-timestamp" data-t="${from}-${to}"${dataV}>[${from}]-[${to}]</a>`;
}

/** Where "Start range here" was run: the video and the moment. */
interface RangeStart {
	key: string;
	seconds: number;
}

/**
 * "Start range here" remembers the playing moment; "Insert range" then writes the range from it
 * to the playing moment at the cursor, as one undoable edit.
 */
export function rangeCommands(ctx: CommandContext): Command[] {
	let started: RangeStart | null = null;
	return [
		{
			id: "start-range",
			name: "Start range here",
			icon: "square-split-horizontal",
			checkCallback: (checking) => {
				const playback = ctx.playback.controlsFor(ctx.activeNote.path());
				const video = playback.state.video;
				if (!video || !playback.hasVideo) return false;
				if (checking) return true;
				if (playback.state.timeUnknown) {
					ctx.notify(NO_TIME_MESSAGE);
					return true;
				}
				const seconds = Math.floor(playback.state.seconds);
				started = { key: videoKey(video), seconds };
				ctx.notify(`Range starts at ${clock(seconds)}. Run "Insert range" at its end.`);
				return true;
			},
		},
		{
			id: "insert-range",
			name: "Insert range",
			icon: "brackets",
			editorCheckCallback: (checking: boolean, editor: Editor, view: MarkdownView | MarkdownFileInfo) => {
				const path = view.file?.path ?? null;
				const playback = ctx.playback.controlsFor(path);
				const video = playback.state.video;
				if (!video || !playback.hasVideo || !started || started.key !== videoKey(video)) return false;
				if (checking) return true;
				if (playback.state.timeUnknown) {
					ctx.notify(NO_TIME_MESSAGE);
					return true;
				}
				const now = Math.floor(playback.state.seconds);
				if (now === started.seconds) {
					ctx.notify(`The range would start and end at ${clock(now)}. Play on, then insert it.`);
					return true;
				}
				const [start, end] = now > started.seconds ? [started.seconds, now] : [now, started.seconds];
				const noteVideo = path ? ctx.notes.videoFor(path) : null;
				// One call, one transaction: a single undo removes the whole range.
				editor.replaceSelection(rangeMarkup(video, start, end, noteVideo));
				started = null;
				return true;
			},
		},
	];
}
