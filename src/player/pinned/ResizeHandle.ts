import { Component } from "obsidian";
import { SIZE_STEP_PX } from "./layout";

/** What the handle changes: the size now, and setting one (`done` once the drag or key press is over). */
export interface Resizable {
	readonly size: number;
	resize(size: number, done: boolean): void;
}

/**
 * The handle under a pinned player: dragging it steps the player through its sizes (one size per
 * {@link SIZE_STEP_PX}), and so do the up and down arrow keys when it has focus. A drag's move and
 * release listeners live only as long as the drag, in a child component.
 */
export class ResizeHandle extends Component {
	private drag: Component | null = null;

	constructor(
		private readonly el: HTMLElement,
		private readonly target: Resizable,
		/** Called with `true` when a drag starts and `false` when it ends (to let the page ignore iframes meanwhile). */
		private readonly dragging: (active: boolean) => void,
	) {
		super();
	}

	override onload(): void {
		this.registerDomEvent(this.el, "pointerdown", (evt) => this.start(evt));
		this.registerDomEvent(this.el, "keydown", (evt) => {
			const step = evt.key === "ArrowDown" ? 1 : evt.key === "ArrowUp" ? -1 : 0;
			if (step === 0) return;
			evt.preventDefault();
			this.target.resize(this.target.size + step, true);
		});
	}

	override onunload(): void {
		this.drag = null;
	}

	private start(evt: PointerEvent): void {
		if (evt.button !== 0 || this.drag) return;
		// No text selection, no focus change: the note keeps its cursor.
		evt.preventDefault();
		const startY = evt.clientY;
		const startSize = this.target.size;
		const drag = this.addChild(new Component());
		this.drag = drag;
		// The pointer may cross the video's iframe, which would swallow the moves: capture them here.
		try {
			this.el.setPointerCapture?.(evt.pointerId);
		} catch {
			// No active pointer with that id (synthetic events): the document listeners still work.
		}
		const doc = this.el.doc;
		drag.registerDomEvent(doc, "pointermove", (move) => {
			this.target.resize(startSize + Math.round((move.clientY - startY) / SIZE_STEP_PX), false);
		});
		drag.registerDomEvent(doc, "pointerup", () => this.end());
		drag.registerDomEvent(doc, "pointercancel", () => this.end());
		this.dragging(true);
	}

	private end(): void {
		const drag = this.drag;
		if (!drag) return;
		this.drag = null;
		this.removeChild(drag);
		this.dragging(false);
		this.target.resize(this.target.size, true);
	}
}
