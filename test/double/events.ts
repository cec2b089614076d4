import type * as obsidian from "obsidian";

/** A handle returned by {@link Events.on}, as in Obsidian. */
export interface EventRef {
	e: Events;
	name: string;
	fn: (...args: unknown[]) => unknown;
	ctx?: unknown;
}

/** Obsidian's `Events`: a named-event emitter whose handlers can be counted in tests. */
export class Events implements Pick<obsidian.Events, "trigger" | "tryTrigger"> {
	private handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback as (...args: unknown[]) => unknown, ctx };
		const list = this.handlers.get(name) ?? [];
		list.push(ref);
		this.handlers.set(name, list);
		return ref;
	}

	off(name: string, callback: (...data: never[]) => unknown): void {
		const list = this.handlers.get(name);
		if (!list) return;
		this.handlers.set(
			name,
			list.filter((ref) => ref.fn !== callback),
		);
	}

	offref(ref: EventRef): void {
		const list = this.handlers.get(ref.name);
		if (!list) return;
		this.handlers.set(
			ref.name,
			list.filter((r) => r !== ref),
		);
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.fn.apply(ref.ctx, data);
	}

	tryTrigger(evt: obsidian.EventRef, args: unknown[]): void {
		const ref = evt as unknown as EventRef;
		try {
			ref.fn.apply(ref.ctx, args);
		} catch (e) {
			console.error(e);
		}
	}

	/** Test helper: how many handlers are registered, for one event or all. */
	listenerCount(name?: string): number {
		if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
		let n = 0;
		for (const list of this.handlers.values()) n += list.length;
		return n;
	}
}
