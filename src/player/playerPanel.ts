import { setIcon } from "obsidian";
import type { VideoRef } from "../core";
import { SEEK_RELOADS_MESSAGE } from "./ObsidianEmbedPlayer";
import { deferredNote, videoName, type PlayerInfo, type PlayerNotice } from "./surface";

/** Which notice a button belongs to: the error panel or the "switch video" prompt. */
type NoticeKind = "problem" | "prompt";

/**
 * The player area both homes of the player draw (the side view and the player pinned on top of a
 * note): the box the media player fills (or, for a deferred video, a poster with a play button),
 * the loading or idle line, what Obsidian's own YouTube embed cannot do (when it is the player),
 * and the error panel with its buttons. The buttons are plain elements
 * tagged with their action; the owner's one click listener hands clicks to {@link runNoticeAction}
 * (and a click on `.vc-player-poster` to its play control), so redraws add no listeners.
 */
export class PlayerPanel {
	/** Where the media player puts its iframe or media element. */
	readonly playerEl: HTMLElement;
	private readonly statusEl: HTMLElement;
	private readonly embedNoteEl: HTMLElement;
	private readonly problemEl: HTMLElement;
	private shownEmbed: Readonly<PlayerInfo>["embedded"] = null;
	private posterEl: HTMLElement | null = null;

	constructor(
		parent: HTMLElement,
		private readonly idleText: string,
	) {
		this.playerEl = parent.createDiv({ cls: "vc-player" });
		this.statusEl = parent.createDiv({ cls: "vc-player-status" });
		this.embedNoteEl = parent.createDiv({ cls: "vc-player-embed-note" });
		this.embedNoteEl.hide();
		this.problemEl = parent.createDiv({ cls: "vc-player-error", attr: { role: "alert" } });
	}

	show(info: Readonly<PlayerInfo>): void {
		drawNotice(this.problemEl, info.problem, "problem");
		this.playerEl.toggleClass("is-loading", info.loading);
		this.playerEl.toggle(!!info.video && !info.problem);
		this.showPoster(info.deferred ? info.video : null, info.title, info.thumbnail ?? null);
		const status = info.problem ? "" : info.loading ? "Loading video…" : info.video ? "" : this.idleText;
		this.statusEl.setText(status);
		this.statusEl.toggle(status !== "");
		this.statusEl.toggleClass("is-idle", !info.video);
		this.showEmbedNote(info.problem ? null : info.embedded);
	}

	/** Says once, under Obsidian's embed, that a seek reloads it (after why, when YouTube refused the plugin's player). */
	private showEmbedNote(embedded: Readonly<PlayerInfo>["embedded"]): void {
		this.embedNoteEl.toggle(!!embedded);
		if (embedded === this.shownEmbed) return;
		this.shownEmbed = embedded;
		this.embedNoteEl.empty();
		if (!embedded) return;
		if (embedded.reason) {
			this.embedNoteEl.createDiv({ text: embedded.reason });
			this.embedNoteEl.createDiv({ text: "Meanwhile the video plays in Obsidian's own YouTube embed." });
		}
		this.embedNoteEl.createDiv({ text: SEEK_RELOADS_MESSAGE });
	}

	private showPoster(video: VideoRef | null, title: string | null, thumbnail: string | null): void {
		if (!video) {
			this.posterEl?.detach();
			this.posterEl = null;
			return;
		}
		if (this.posterEl?.parentElement !== this.playerEl) this.posterEl = this.playerEl.createEl("button", { cls: "vc-player-poster" });
		drawPoster(this.posterEl, video, title, thumbnail);
	}
}

/**
 * The poster of a deferred video, in the player's box (a media player loading there empties the
 * box, poster and all): its name as far as it is known without the network, and what playing it
 * will load.
 */
function drawPoster(el: HTMLElement, video: VideoRef, title: string | null, thumbnail: string | null): void {
	el.empty();
	const name = title ?? videoName(video);
	el.setAttr("aria-label", `Play ${name}`);
	el.toggleClass("has-thumbnail", thumbnail !== null);
	// Decorative (the button is named): no alt text, and no Referer sent to YouTube's image server.
	if (thumbnail) el.createEl("img", { cls: "vc-player-poster-thumbnail", attr: { src: thumbnail, alt: "", referrerpolicy: "no-referrer", draggable: "false" } });
	setIcon(el.createSpan({ cls: "vc-player-poster-icon" }), "play");
	el.createSpan({ cls: "vc-player-poster-title", text: name });
	el.createSpan({ cls: "vc-player-poster-note", text: deferredNote(video) });
}

/** Draws a notice (message and buttons) into `el`, or hides `el` when there is none. */
export function drawNotice(el: HTMLElement, notice: PlayerNotice | null, kind: NoticeKind): void {
	el.empty();
	el.toggle(!!notice);
	if (!notice) return;
	el.createDiv({ cls: `vc-player-${kind === "problem" ? "error" : "prompt"}-message`, text: notice.message });
	const actions = el.createDiv({ cls: "vc-player-actions" });
	notice.actions.forEach((action, i) => {
		actions.createEl("button", {
			cls: i === 0 ? "mod-cta" : "",
			text: action.label,
			attr: { "data-vc-action": `${kind}:${i}` },
		});
	});
}

/** Runs the action of the notice button `target` is in, if it is in one; returns whether it was. */
export function runNoticeAction(target: Element, info: Readonly<PlayerInfo>): boolean {
	const button = target.closest("[data-vc-action]");
	if (!button) return false;
	const [kind, index] = (button.getAttribute("data-vc-action") ?? "").split(":");
	const notice = kind === "problem" ? info.problem : kind === "prompt" ? info.offer : null;
	notice?.actions[Number(index)]?.run();
	return true;
}
