import type { Command, Editor, MarkdownFileInfo, MarkdownView } from "obsidian";
import { formatTimestamp, type VideoRef } from "../core";
import type { AttachmentSaver } from "../obsidian/attachments";
import type { FrameGrabber } from "../player/frameCapture";
import type { PlayerControls } from "../player/types";
import type { CommandContext } from "./context";
import { timestampMarkup } from "./momentCommands";

/** Said when the video is on YouTube: its pixels cannot be read. */
export const CAPTURE_YOUTUBE_MESSAGE = "A YouTube video's frames cannot be captured: YouTube plays in its own frame, which does not let plugins read its picture. Vault and web videos can be captured.";
/** Said when a web video's site does not allow reading its pixels. */
export const CAPTURE_TAINTED_MESSAGE = "This web video's site does not allow reading its picture, so no frame was captured and nothing was written. Save the video into the vault to capture its frames.";
/** Said when there is no frame to capture. */
export const CAPTURE_NO_FRAME_MESSAGE = "There is no video frame to capture yet: play the video first (audio has none).";

/** What capturing a frame needs besides the commands' context. */
export interface CaptureDeps {
	attachments: AttachmentSaver;
	grab: FrameGrabber;
}

/** "clip 00-00-46.png": the video's name and the moment, in a name every file system takes. */
export function frameFileName(video: VideoRef, seconds: number): string {
	const path = video.kind === "file" ? video.path : video.kind === "url" ? (video.url.split(/[?#]/)[0] ?? video.url) : video.id;
	const file = path.slice(path.lastIndexOf("/") + 1);
	const dot = file.lastIndexOf(".");
	const base = (dot > 0 ? file.slice(0, dot) : file).replace(/[\\/:*?"<>|#^[\]]/g, " ").trim() || "video";
	return `${base} ${formatTimestamp(Math.floor(seconds)).replace(/:/g, "-")}.png`;
}

/**
 * Captures the frame `player` shows into the attachment folder and writes `![[frame.png]]` and a
 * citation of its moment (in the inserted-timestamp format) at the cursor, as one edit. Writes
 * nothing when the frame cannot be read, and says why.
 */
export async function captureInto(editor: Editor, path: string | null, player: PlayerControls, ctx: CommandContext, deps: CaptureDeps): Promise<boolean> {
	const video = player.state.video;
	if (!video) return false;
	if (video.kind === "youtube") {
		ctx.notify(CAPTURE_YOUTUBE_MESSAGE);
		return false;
	}
	const media = player.videoElement();
	if (!media) {
		ctx.notify(CAPTURE_NO_FRAME_MESSAGE);
		return false;
	}
	const frame = await deps.grab(media);
	if (frame.kind === "tainted") {
		ctx.notify(CAPTURE_TAINTED_MESSAGE);
		return false;
	}
	if (frame.kind === "no-frame") {
		ctx.notify(CAPTURE_NO_FRAME_MESSAGE);
		return false;
	}
	const link = await deps.attachments.save(frameFileName(video, frame.seconds), frame.data, path ?? "");
	const noteVideo = path ? ctx.notes.videoFor(path) : null;
	const citation = timestampMarkup(video, frame.seconds, ctx.settings.current.insertFormat, noteVideo);
	// One call, one transaction: a single undo takes the embed and its citation back together.
	editor.replaceSelection(`![[${link}]] ${citation}`);
	return true;
}

/** "Capture video frame": the frame and its citation at the cursor. Offered while a player shows a video. */
export function captureCommands(ctx: CommandContext, deps: CaptureDeps): Command[] {
	return [
		{
			id: "capture-frame",
			name: "Capture video frame",
			icon: "camera",
			editorCheckCallback: (checking: boolean, editor: Editor, view: MarkdownView | MarkdownFileInfo) => {
				const path = view.file?.path ?? null;
				const player = ctx.playback.controlsFor(path);
				if (!player.state.video || !player.hasVideo) return false;
				if (checking) return true;
				captureInto(editor, path, player, ctx, deps).catch((e: unknown) => {
					console.error("Video Citations: could not capture the frame", e);
					ctx.notify("The frame could not be saved.");
				});
				return true;
			},
		},
	];
}
