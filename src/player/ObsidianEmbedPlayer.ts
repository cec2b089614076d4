import { Component } from "obsidian";
import { isYouTubeId, type VideoRef } from "../core";
import type { MediaPlayer, MediaPlayerEvents } from "./media";
import { youtubeProblem } from "./youtubeEmbed";

/** What the slot says under Obsidian's embed: a citation reloads it rather than moving it. */
export const SEEK_RELOADS_MESSAGE = "Seeking reloads the video on this device.";

/** What a command that needs the playing time says when the player is Obsidian's embed. */
export const NO_TIME_MESSAGE = "No time available: on this device the video plays in Obsidian's own YouTube embed, which cannot report where it is.";

/** What play, pause and speed commands say when the player is Obsidian's embed. */
export const NO_CONTROL_MESSAGE = "On this device the video plays in Obsidian's own YouTube embed, which the plugin cannot control: use the embed's own buttons.";

/**
 * Renders markdown as Obsidian renders a note, into `el`, its children owned by `component`:
 * `MarkdownRenderer.render(app, markdown, el, sourcePath, component)` in the plugin.
 */
export type MarkdownRender = (markdown: string, el: HTMLElement, component: Component) => Promise<void>;

/**
 * The markdown of Obsidian's own YouTube embed at a moment: `![](https://www.youtube.com/watch?v=ID&t=N)`
 * (whole seconds; no `t` at 0:00). `null` unless `id` is a YouTube id, so nothing else reaches the renderer.
 */
export function embedMarkdown(id: string, seconds: number): string | null {
	if (!isYouTubeId(id)) return null;
	const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
	return `![](https://www.youtube.com/watch?v=${id}${whole > 0 ? `&t=${whole}` : ""})`;
}

/**
 * Plays a YouTube video in the embed Obsidian renders itself for `![](https://www.youtube.com/watch?v=…)`,
 * for where YouTube refuses the plugin's own player (error 153: on iOS the web view sends no
 * `Referer` from a plugin's iframe; Obsidian 1.10.6 sends one from its own embeds). The plugin
 * cannot talk to that embed: each seek renders it again at the new moment (a reload), it reports
 * no time, and play, pause and speed are the embed's own buttons.
 */
export class ObsidianEmbedPlayer implements MediaPlayer {
	readonly embedded = true;
	private readonly scope = new Component();
	/** The component of the embed shown now, so the next render drops what the last one added. */
	private shown: Component | null = null;
	private container: HTMLElement | null = null;
	private position = 0;
	private destroyed = false;

	constructor(
		private readonly video: VideoRef,
		private readonly events: MediaPlayerEvents,
		private readonly render: MarkdownRender,
	) {}

	load(container: HTMLElement): void {
		this.scope.load();
		if (this.video.kind !== "youtube" || !isYouTubeId(this.video.id)) {
			this.events.error(youtubeProblem(2));
			return;
		}
		this.container = container;
		// Nothing to wait for: the embed is drawn by the first seek, which comes once this is ready.
		void Promise.resolve().then(() => {
			if (!this.destroyed) this.events.ready();
		});
	}

	/** Renders the embed again at `seconds` (whole seconds: YouTube starts embeds at a whole second). */
	seek(seconds: number): void {
		const container = this.container;
		if (!container || this.destroyed || this.video.kind !== "youtube") return;
		this.position = Math.max(0, Math.floor(seconds));
		const markdown = embedMarkdown(this.video.id, this.position);
		if (!markdown) return;
		if (this.shown) this.scope.removeChild(this.shown);
		container.empty();
		const el = container.createDiv({ cls: "vc-player-embed" });
		const component = this.scope.addChild(new Component());
		this.shown = component;
		this.render(markdown, el, component).catch((e: unknown) => {
			console.error("Video Citations: Obsidian could not render the YouTube embed", e);
			if (!this.destroyed && this.shown === component) this.events.error({ kind: "playback", message: "Obsidian could not show the YouTube embed." });
		});
	}

	// The embed's own buttons play, pause and change speed: the plugin cannot reach them.
	play(): void {}

	pause(): void {}

	setRate(): void {}

	/** The moment the embed was last sent to: where it is now, the embed does not say. */
	currentTime(): number {
		return this.position;
	}

	duration(): number | null {
		return null;
	}

	title(): string | null {
		return null;
	}

	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		this.scope.unload();
		this.shown = null;
		this.container?.empty();
		this.container = null;
	}
}
