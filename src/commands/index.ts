import { MarkdownView, Notice, type Plugin } from "obsidian";
import type { NoteVideoSource } from "../notes/noteVideo";
import type { DurationSource } from "../notes/videoDurations";
import type { SettingsSource } from "../settings/store";
import { citationJumpCommands } from "./citationJumps";
import type { ClipboardWriter } from "../obsidian/clipboard";
import type { NoteTextSource } from "../obsidian/noteText";
import type { ActiveNote, CommandContext, PlaybackControls } from "./context";
import { momentCommands } from "./momentCommands";
import { playbackCommands } from "./playbackCommands";
import { rangeCommands } from "./rangeCommands";
import { captureCommands, captureInto, type CaptureDeps } from "./captureFrame";
import type { PlayerControls } from "../player/types";

export type { PlaybackControls } from "./context";

/** What the commands need from the plugin. */
export interface CommandDeps {
	/** The controller `registerPlayer` returned. */
	playback: PlaybackControls;
	settings: SettingsSource;
	notes: NoteVideoSource;
	/** The videos' lengths the players have measured (the citation jumps read notes against them). */
	durations?: Pick<DurationSource, "get">;
	/** Where "copy link" writes (the clipboard of the window the command ran in). */
	clipboard: ClipboardWriter;
	/** Notes' text (the jumps read the note as open in its editor). */
	noteText: Pick<NoteTextSource, "current">;
	/** Where "Capture video frame" saves frames and how it reads them (none: no capture command). */
	capture?: CaptureDeps;
	/** Where the players' capture buttons get the command's work (the controller). */
	captureButtons?: { setCapturer(capture: (player: PlayerControls, notePath: string | null) => void): void };
}

/**
 * Adds the playback commands: open player, play/pause, skip, speed, previous/next citation,
 * insert timestamp, copy link. No default hotkeys; each is offered only when it can act.
 */
export function registerCommands(plugin: Plugin, deps: CommandDeps): void {
	const { workspace } = plugin.app;
	const activeNote: ActiveNote = {
		path: () => workspace.getActiveFile()?.path ?? null,
		text: (path) => deps.noteText.current(path),
	};
	const ctx: CommandContext = {
		playback: deps.playback,
		settings: deps.settings,
		notes: deps.notes,
		durations: deps.durations,
		activeNote,
		clipboard: deps.clipboard,
		notify: (message) => {
			new Notice(message);
		},
	};
	const capture = deps.capture;
	if (capture && deps.captureButtons) {
		// A pinned player's button writes into its note; the side view's into the note being edited.
		deps.captureButtons.setCapturer((player, notePath) => {
			const view = notePath
				? workspace.getLeavesOfType("markdown").map((l) => l.view).find((v): v is MarkdownView => v instanceof MarkdownView && v.file?.path === notePath)
				: workspace.getActiveViewOfType(MarkdownView) ?? (workspace.activeEditor instanceof MarkdownView ? workspace.activeEditor : null);
			if (!view) {
				ctx.notify("Open a note to capture the frame into.");
				return;
			}
			captureInto(view.editor, view.file?.path ?? null, player, ctx, capture).catch((e: unknown) => {
				console.error("Video Citations: could not capture the frame", e);
				ctx.notify("The frame could not be saved.");
			});
		});
	}
	for (const command of [...playbackCommands(ctx), ...citationJumpCommands(ctx), ...momentCommands(ctx), ...rangeCommands(ctx), ...(deps.capture ? captureCommands(ctx, deps.capture) : [])]) plugin.addCommand(command);
}
