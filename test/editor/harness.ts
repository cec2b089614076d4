import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, type Decoration, type DecorationSet } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField } from "../double/obsidian";
import { setLivePreview } from "../double/editor";
import { citationChips } from "../../src/editor/citationChips";
import { NoteVideos } from "../../src/notes/noteVideo";
import { memoryNames } from "../helpers/names";
import { DEFAULT_SETTINGS, type VideoCitationsSettings } from "../../src/settings/settings";
import type { PlaybackPort, PlaybackState, SeekOptions } from "../../src/player/types";
import type { PluginServices } from "../../src/services";
import type { VideoRef } from "../../src/core";
import { memoryDurations } from "../helpers/durations";

/** A playback controller that records seeks and lets a test play time updates. */
export class FakePlayback implements PlaybackPort {
	state: PlaybackState = { video: null, seconds: 0, playing: false, duration: null, rate: 1 };
	seeks: { video: VideoRef; seconds: number; options?: SeekOptions }[] = [];
	listeners = new Set<(state: Readonly<PlaybackState>) => void>();

	seek(video: VideoRef, seconds: number, options?: SeekOptions): void {
		this.seeks.push({ video, seconds, options });
	}
	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	/** Moves playback and tells every listener, as the controller does on a time update. */
	play(video: VideoRef | null, seconds: number): void {
		this.state = { ...this.state, video, seconds, playing: video !== null };
		for (const l of [...this.listeners]) l(this.state);
	}

	/** Changes part of the state (as a player loading or failing would) and tells the listeners. */
	setState(patch: Partial<PlaybackState>): void {
		this.state = { ...this.state, ...patch };
		for (const l of [...this.listeners]) l(this.state);
	}
}

/** Fake services around a {@link FakePlayback}, with the real note-video resolver. */
export function fakeServices(settings: Partial<VideoCitationsSettings> = {}, metadata: Record<string, Record<string, unknown>> = {}) {
	const playback = new FakePlayback();
	const opened: string[] = [];
	const current: VideoCitationsSettings = { ...DEFAULT_SETTINGS, ...settings };
	const { durations } = memoryDurations();
	const services: PluginServices = {
		settings: { current, onChange: () => () => {} },
		playback,
		notes: new NoteVideos({ frontmatter: (path) => metadata[path] ?? null, resolveLink: () => null }),
		names: memoryNames({ frontmatter: (path) => metadata[path] ?? null }, { videoFor: () => null }),
		durations,
		openExternal: (url) => opened.push(url),
		clipboard: { writeText: () => Promise.resolve() },
		noteText: { current: () => Promise.resolve(""), saved: () => Promise.resolve("") },
	};
	return { services, playback, opened, settings: current, durations };
}

/** Options for {@link makeEditor}. */
export interface EditorOptions {
	live?: boolean;
	/** The file path in `editorInfoField` (default `note.md`); `null` for an editor showing no file. */
	path?: string | null;
	/** Leave `editorInfoField` out (a bare editor, as in canvases). */
	noInfo?: boolean;
	services?: ReturnType<typeof fakeServices>;
	extensions?: Extension[];
}

/** An `EditorView` with the chips extension and Obsidian's fields, attached to the document. */
export function makeEditor(doc: string, options: EditorOptions = {}) {
	const fake = options.services ?? fakeServices();
	const path = options.path === undefined ? "note.md" : options.path;
	const fields: Extension[] = [editorLivePreviewField.init(() => options.live ?? true)];
	if (!options.noInfo) fields.push(editorInfoField.init(() => ({ app: null, file: path === null ? null : { path } })));
	const parent = activeDocument.body.createDiv();
	const view = new EditorView({
		parent,
		state: EditorState.create({ doc, extensions: [fields, citationChips(fake.services), options.extensions ?? []] }),
	});
	return { view, ...fake };
}

/** Switches Live Preview on or off, as Obsidian's toggle does. */
export function setLive(view: EditorView, live: boolean): void {
	view.dispatch({ effects: setLivePreview.of(live) });
}

/** What a chip shows a person: its classes, time text, tooltip. */
export interface ChipView {
	text: string;
	label: string | null;
	classes: string[];
	el: HTMLElement;
}

/** The chips in the editor's DOM, in order. */
export function chipsIn(view: EditorView): ChipView[] {
	return Array.from(view.contentDOM.querySelectorAll<HTMLElement>(".vc-chip")).map((el) => ({
		text: el.querySelector(".vc-chip-time")?.textContent ?? "",
		label: el.getAttribute("aria-label"),
		classes: Array.from(el.classList).filter((c) => c.startsWith("is-")),
		el,
	}));
}

/** Every decoration the view draws (all sources of `EditorView.decorations`), with its range and mark class. */
export function decorationsOf(view: EditorView): { from: number; to: number; deco: Decoration; cls: string }[] {
	const out: { from: number; to: number; deco: Decoration; cls: string }[] = [];
	for (const source of view.state.facet(EditorView.decorations)) {
		const set: DecorationSet = typeof source === "function" ? source(view) : source;
		set.between(0, view.state.doc.length, (from, to, deco) => {
			const cls = (deco.spec as { class?: unknown }).class;
			out.push({ from, to, deco, cls: typeof cls === "string" ? cls : "" });
		});
	}
	return out.sort((a, b) => a.from - b.from);
}

/** A mouse press on `el` as a person makes it (Mod = Ctrl off macOS). */
export function press(el: Element, init: MouseEventInit = {}): MouseEvent {
	const event = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0, ...init });
	el.dispatchEvent(event);
	return event;
}

/** Lets zero-delay timers run (the editor follows playback once an update is over). */
export function tick(ms = 0): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, ms));
}

/** `<a class="yt-timestamp" data-t="…">[…]</a>`, the corpus form. */
export const anchor = (t: string, label = `[${t}]`) => `<a class="yt-timestamp" data-t="${t}">${label}</a>`;

/** A note with the seed corpus's frontmatter. */
export const note = (body: string, id = "aXGo1o_baBo") => `---\nvideoId: ${id}\n---\n${body}`;
