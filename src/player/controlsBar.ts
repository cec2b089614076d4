import { setIcon, type Component } from "obsidian";
import { RATE_LIMITS } from "./playerSlot";
import type { PlayerInfo } from "./surface";
import type { PlaybackState, PlayerControls } from "./types";

/** What the controls bar acts on and asks for. */
export interface ControlsBarDeps {
	/** The player the bar drives (`null` while it has none). */
	controls(): PlayerControls | null;
	/** Seconds a skip moves (the "Skip step" setting). */
	skipSeconds(): number;
	/** Captures the frame into the note (the "Capture video frame" command's work). */
	capture(): void;
	/** Whether the bar has its own play button (the pinned bar has one already). */
	playButton: boolean;
}

/** One frame of a 30 fps video: what comma and period step. */
const FRAME_SECONDS = 1 / 30;

type Action = "back" | "play" | "forward" | "slower" | "speed" | "faster" | "loop" | "capture";

/**
 * The player's controls (issue 20): play/pause, skip back and forward, speed in tenths (the current
 * speed shown; pressing it goes back to 1×), loop of the cited range being played, and capture of
 * the frame. Keys while the player has focus: Space/K play or pause, J/L skip, comma/period step a
 * frame (vault and web video), Shift+comma/period speed, M mute. One delegated listener each.
 */
export class ControlsBar {
	readonly el: HTMLElement;
	private readonly buttons = new Map<Action, HTMLElement>();
	private readonly speedEl: HTMLElement;
	private shownPlaying: boolean | null = null;

	constructor(parent: HTMLElement, owner: Component, keyTarget: HTMLElement, private readonly deps: ControlsBarDeps) {
		this.el = parent.createDiv({ cls: "vc-controls", attr: { role: "group", "aria-label": "Player controls" } });
		const button = (action: Action, icon: string | null, label: string) => {
			const el = this.el.createEl("button", { cls: `vc-controls-${action} clickable-icon`, attr: { "aria-label": label, "data-action": action } });
			if (icon) setIcon(el, icon);
			this.buttons.set(action, el);
			return el;
		};
		button("back", "rewind", "Skip back");
		if (deps.playButton) button("play", "play", "Play");
		button("forward", "fast-forward", "Skip forward");
		button("slower", "minus", "Slower");
		this.speedEl = button("speed", null, "Playback speed (press for normal speed)");
		button("faster", "plus", "Faster");
		button("loop", "repeat", "Loop the cited range");
		button("capture", "camera", "Capture video frame");
		owner.registerDomEvent(this.el, "click", (evt) => {
			const target = evt.target as Node | null;
			const el = target?.instanceOf(Element) ? target.closest<HTMLElement>("[data-action]") : null;
			if (el && !el.hasClass("is-disabled")) this.run(el.dataset.action as Action);
		});
		// The buttons must not take focus (and the cursor's place) from the note.
		owner.registerDomEvent(this.el, "mousedown", (evt) => evt.preventDefault());
		owner.registerDomEvent(keyTarget, "keydown", (evt) => this.onKey(evt));
	}

	/** Shows or hides the whole bar (the side view shows none while idle). */
	toggle(shown: boolean): void {
		this.el.toggle(shown);
	}

	/** Shows what the player can do now, its speed and whether it plays. */
	update(state: Readonly<PlaybackState>, info: Readonly<PlayerInfo>): void {
		const controls = this.deps.controls();
		const usable = !!info.video && !info.problem && !info.embedded && !info.deferred && !info.loading;
		for (const [action, el] of this.buttons) {
			let enabled = usable;
			if (action === "play" || action === "back" || action === "forward") enabled = !!info.video && !info.problem && !info.embedded;
			if (action === "loop") enabled = usable && !!controls?.citedRange;
			if (action === "capture") enabled = usable && info.video?.kind !== "youtube";
			el.toggleClass("is-disabled", !enabled);
			el.setAttr("aria-disabled", enabled ? null : "true");
		}
		const speed = `${formatRate(state.rate)}×`;
		if (this.speedEl.textContent !== speed) this.speedEl.setText(speed);
		const loop = this.buttons.get("loop");
		const looping = !!controls?.citedRange?.loop;
		loop?.toggleClass("is-active", looping);
		loop?.setAttr("aria-pressed", looping ? "true" : "false");
		const play = this.buttons.get("play");
		if (play && state.playing !== this.shownPlaying) {
			this.shownPlaying = state.playing;
			setIcon(play, state.playing ? "pause" : "play");
			play.setAttr("aria-label", state.playing ? "Pause" : "Play");
		}
	}

	private run(action: Action): void {
		const controls = this.deps.controls();
		if (!controls) return;
		const step = this.deps.skipSeconds();
		switch (action) {
			case "back":
				return controls.seekBy(-step);
			case "forward":
				return controls.seekBy(step);
			case "play":
				return controls.togglePlay();
			case "slower":
				controls.setRate(controls.state.rate - RATE_LIMITS.step);
				return;
			case "faster":
				controls.setRate(controls.state.rate + RATE_LIMITS.step);
				return;
			case "speed":
				controls.setRate(1);
				return;
			case "loop":
				return controls.setLoop(!controls.citedRange?.loop);
			case "capture":
				return this.deps.capture();
		}
	}

	private onKey(evt: KeyboardEvent): void {
		if (evt.ctrlKey || evt.metaKey || evt.altKey || evt.isComposing) return;
		const controls = this.deps.controls();
		if (!controls?.isReady) return;
		const target = evt.target as Node | null;
		// Typing in a field of the player (none today) is typing.
		if (target?.instanceOf(HTMLElement) && (target.isContentEditable || target.localName === "input" || target.localName === "textarea")) return;
		const video = controls.videoElement();
		const step = this.deps.skipSeconds();
		// A focused <video> plays and pauses on Space itself.
		if (evt.code === "Space" && target?.instanceOf(HTMLElement) && (target.localName === "video" || target.localName === "audio")) return;
		switch (evt.code) {
			case "Space":
			case "KeyK":
				controls.togglePlay();
				break;
			case "KeyJ":
				controls.seekBy(-step);
				break;
			case "KeyL":
				controls.seekBy(step);
				break;
			case "KeyM":
				if (!video) return;
				video.muted = !video.muted;
				break;
			case "Comma":
			case "Period": {
				const sign = evt.code === "Comma" ? -1 : 1;
				if (evt.shiftKey) controls.setRate(controls.state.rate + sign * RATE_LIMITS.step);
				else if (video) {
					// A frame at a time: paused, as players do.
					if (controls.state.playing) controls.togglePlay();
					controls.seekBy(sign * FRAME_SECONDS);
				} else return;
				break;
			}
			default:
				return;
		}
		evt.preventDefault();
		evt.stopPropagation();
	}
}

/** "1", "1.5", "0.25": the speed as the bar shows it. */
export function formatRate(rate: number): string {
	return String(Math.round(rate * 100) / 100);
}
