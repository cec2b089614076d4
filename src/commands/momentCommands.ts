import type { Command, Editor, MarkdownFileInfo, MarkdownView } from "obsidian";
import { formatTimestamp, isYouTubeId, videoKey, youtubeShortUrl, youtubeWatchUrl, type VideoRef } from "../core";
import { NO_TIME_MESSAGE } from "../player/ObsidianEmbedPlayer";
import type { InsertFormat } from "../settings/settings";
import type { CommandContext } from "./context";
import { clock } from "./playbackCommands";

/**
 * What insert-timestamp writes for `seconds` (whole seconds) of `video`: the corpus element
 * `<a class="yt-timestamp" data-t="00:46:51">[00:46:51]</a>`, or with the "link" format a
 * markdown link `[46:51](https://youtu.be/ID?t=2811)` (YouTube only; other videos get the
 * element). An element for another video than the note's names it with `data-v`, so it still
 * plays the right one.
 */
export function timestampMarkup(video: VideoRef, seconds: number, format: InsertFormat, noteVideo: VideoRef | null): string {
	const whole = Math.max(0, Math.floor(seconds));
	// Only a checked id goes into the note: anything else could break out of the attribute.
	const id = video.kind === "youtube" && isYouTubeId(video.id) ? video.id : null;
	if (format === "link" && id) {
		return `[${formatTimestamp(whole, { style: "m:ss" })}](${youtubeShortUrl(id, whole)})`;
	}
	const time = formatTimestamp(whole);
	const otherVideo = id !== null && (!noteVideo || videoKey(noteVideo) !== videoKey(video));
	const dataV = otherVideo ? ` data-v="${id}"` : "";
	return `<a class="yt-timestamp" data-t="${time}"${dataV}>[${time}]</a>`;
}

/**
 * A link to `seconds` of `video`: the youtube.com address (whole seconds, which it needs), a
 * media URL with a `#t=` fragment, or an embed of the vault file at that moment.
 */
export function momentLink(video: VideoRef, seconds: number): string {
	const whole = Math.max(0, Math.floor(seconds));
	switch (video.kind) {
		case "youtube":
			return youtubeWatchUrl(video.id, whole);
		case "url": {
			try {
				const url = new URL(video.url);
				url.hash = `t=${whole}`;
				return url.href;
			} catch {
				return video.url;
			}
		}
		case "file":
			return `![[${video.path}#t=${whole}]]`;
	}
}

/** "Insert timestamp" (one undoable edit at the cursor) and "copy link to the current moment". */
export function momentCommands(ctx: CommandContext): Command[] {
	const { settings } = ctx;
	return [
		{
			id: "insert-timestamp",
			name: "Insert timestamp at cursor",
			icon: "clock",
			editorCheckCallback: (checking: boolean, editor: Editor, view: MarkdownView | MarkdownFileInfo) => {
				const path = view.file?.path;
				// This note's player: its pinned one on top of the note, else the one used last.
				const playback = ctx.playback.controlsFor(path ?? null);
				const video = playback.state.video;
				if (!video || !playback.hasVideo) return false;
				if (checking) return true;
				// Obsidian's own YouTube embed (iOS) does not say where it is: say so rather than guess.
				if (playback.state.timeUnknown) {
					ctx.notify(NO_TIME_MESSAGE);
					return true;
				}
				const seconds = Math.max(0, playback.state.seconds - settings.current.insertRewindSeconds);
				const noteVideo = path ? ctx.notes.videoFor(path) : null;
				// One call, one transaction: a single undo removes the whole timestamp, and the cursor
				// lands after it. The video plays on while you type, unless "Pause when inserting".
				editor.replaceSelection(timestampMarkup(video, seconds, settings.current.insertFormat, noteVideo));
				if (settings.current.pauseOnInsert && playback.state.playing) playback.togglePlay();
				return true;
			},
		},
		{
			id: "copy-moment-link",
			name: "Copy link to the current moment",
			icon: "link",
			checkCallback: (checking) => {
				const playback = ctx.playback.controlsFor(ctx.activeNote.path());
				const video = playback.state.video;
				if (!video || !playback.hasVideo) return false;
				if (checking) return true;
				if (playback.state.timeUnknown) {
					ctx.notify(NO_TIME_MESSAGE);
					return true;
				}
				const seconds = playback.state.seconds;
				ctx.clipboard.writeText(momentLink(video, seconds)).then(
					() => ctx.notify(`Copied a link to ${clock(seconds)}.`),
					() => ctx.notify("Could not copy the link: the clipboard is not available."),
				);
				return true;
			},
		},
	];
}
