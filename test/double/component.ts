import type * as obsidian from "obsidian";
import type { EventRef } from "./events";

/**
 * Obsidian's `Component`: owns cleanup callbacks and children, released on `unload()`.
 * The static counters let tests prove that a plugin leaves no DOM listener or interval behind.
 */
export class Component implements Pick<obsidian.Component, "load" | "unload" | "onload" | "onunload" | "register" | "registerInterval"> {
	/** DOM listeners registered through any component and not yet released. */
	static liveDomListeners = 0;
	/** Intervals registered through any component and not yet cleared. */
	static liveIntervals = 0;

	_loaded = false;
	private _children: Component[] = [];
	private _cleanups: (() => unknown)[] = [];

	load(): void {
		if (this._loaded) return;
		this._loaded = true;
		const result = this.onload() as unknown;
		if (result instanceof Promise) result.catch((e: unknown) => console.error(e));
		for (const child of this._children) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		while (this._children.length) this._children.pop()?.unload();
		while (this._cleanups.length) {
			try {
				this._cleanups.pop()?.();
			} catch (e) {
				console.error(e);
			}
		}
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		this._children.push(component);
		if (this._loaded) component.load();
		return component;
	}

	removeChild<T extends Component>(component: T): T {
		const i = this._children.indexOf(component);
		if (i >= 0) {
			this._children.splice(i, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this._cleanups.push(cb);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.e.offref(ref));
	}

	registerDomEvent(
		el: EventTarget,
		type: string,
		callback: (ev: Event) => unknown,
		options?: boolean | AddEventListenerOptions,
	): void {
		el.addEventListener(type, callback, options);
		Component.liveDomListeners++;
		this.register(() => {
			el.removeEventListener(type, callback, options);
			Component.liveDomListeners--;
		});
	}

	registerInterval(id: number): number {
		Component.liveIntervals++;
		this.register(() => {
			window.clearInterval(id);
			Component.liveIntervals--;
		});
		return id;
	}

	/** Test helper: children currently owned. */
	get children(): readonly Component[] {
		return this._children;
	}
}
