import { Component } from "obsidian";

/**
 * Reads the playing position on an interval while playing, and not at all otherwise: each run is
 * a child component of `owner` with a registered interval, so unloading the owner stops it too.
 */
export class TimePoller {
	private run: Component | null = null;

	constructor(
		private readonly owner: Component,
		private readonly tick: () => void,
		private readonly intervalMs: number,
	) {}

	start(): void {
		if (this.run) return;
		const run = this.owner.addChild(new Component());
		run.load();
		run.registerInterval(window.setInterval(() => this.tick(), this.intervalMs));
		this.run = run;
	}

	stop(): void {
		const run = this.run;
		if (!run) return;
		this.run = null;
		this.owner.removeChild(run);
		// removeChild unloads only a child it still holds; the owner may have unloaded it already.
		run.unload();
	}
}
