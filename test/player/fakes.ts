/** Fakes for driving the PlaybackController without a workspace: a media player, a view, a host. */
import type { VideoRef } from "../../src/core";
import type { NoteVideoSource } from "../../src/notes/noteVideo";
import type { DurationRecorder } from "../../src/notes/videoDurations";
import type { MediaPlayer, MediaPlayerEvents } from "../../src/player/media";
import type { PlayerHost } from "../../src/player/host";
import { PlaybackController } from "../../src/player/PlaybackController";
import type { PlayerInfo, PlayerSurface } from "../../src/player/surface";
import { SettingsStore } from "../../src/settings/store";

/** A media player that records what the controller asks of it; tests fire its events. */
export class FakeMediaPlayer implements MediaPlayer {
	calls: unknown[][] = [];
	time = 0;
	length: number | null = null;
	name: string | null = null;
	destroyed = false;
	container: HTMLElement | null = null;

	constructor(
		public video: VideoRef,
		public events: MediaPlayerEvents,
	) {}

	load(container: HTMLElement): void {
		this.calls.push(["load"]);
		this.container = container;
		container.createDiv({ cls: "fake-media" });
	}
	seek(seconds: number, play?: boolean): void {
		this.calls.push(["seek", seconds, play]);
		this.time = seconds;
	}
	play(): void {
		this.calls.push(["play"]);
	}
	pause(): void {
		this.calls.push(["pause"]);
	}
	setRate(rate: number): void {
		this.calls.push(["setRate", rate]);
	}
	currentTime(): number {
		return this.time;
	}
	duration(): number | null {
		return this.length;
	}
	title(): string | null {
		return this.name;
	}
	destroy(): void {
		this.calls.push(["destroy"]);
		this.destroyed = true;
	}
	/** The seeks made, as `[seconds, play]`. */
	get seeks(): unknown[][] {
		return this.calls.filter((c) => c[0] === "seek").map((c) => c.slice(1));
	}
}

/** A player view: where the player goes, and what it was told to show. */
export class FakeSurface implements PlayerSurface {
	playerEl = createDiv();
	shown: Readonly<PlayerInfo>[] = [];
	show(info: Readonly<PlayerInfo>): void {
		this.shown.push(info);
	}
	get last(): Readonly<PlayerInfo> {
		const info = this.shown[this.shown.length - 1];
		if (!info) throw new Error("nothing shown");
		return info;
	}
}

/** A YouTube video of the seed note, and two others. */
export const SEED_VIDEO: VideoRef = { kind: "youtube", id: "aXGo1o_baBo" };
export const OTHER_VIDEO: VideoRef = { kind: "youtube", id: "hEzpiDuYFoE" };
export const CLIP: VideoRef = { kind: "file", path: "media/clip.webm" };

/**
 * A controller over fakes. `openPlayerView` attaches a fresh view unless `attachOnOpen` is false;
 * the videos' lengths its players report go to `durations`, when given.
 */
export function controllerWithFakes(noteVideos: Record<string, VideoRef> = {}, durations?: DurationRecorder) {
	const players: FakeMediaPlayer[] = [];
	const settings = new SettingsStore({ load: async () => null, save: async () => {} });
	const notes: NoteVideoSource = {
		videoFor: (path) => noteVideos[path] ?? null,
		videoFromFrontmatter: () => null,
		linkedVideo: (ref) => ref,
	};
	const surfaces: FakeSurface[] = [];
	const host = {
		opened: 0,
		revealed: 0,
		attachOnOpen: true,
		notices: [] as string[],
		external: [] as string[],
		openPlayerView: async () => {
			host.opened++;
			await Promise.resolve();
			if (host.attachOnOpen) {
				const surface = new FakeSurface();
				surfaces.push(surface);
				controller.attach(surface);
			}
		},
		revealPlayerView: async () => {
			host.revealed++;
		},
		notify: (message: string) => {
			host.notices.push(message);
		},
		openExternal: (url: string) => {
			host.external.push(url);
		},
	} satisfies PlayerHost & Record<string, unknown>;
	const controller = new PlaybackController({
		settings,
		notes,
		host,
		durations,
		createPlayer: (video, events) => {
			const player = new FakeMediaPlayer(video, events);
			players.push(player);
			return player;
		},
	});
	controller.load();
	const lastPlayer = (): FakeMediaPlayer => {
		const p = players[players.length - 1];
		if (!p) throw new Error("no player created");
		return p;
	};
	const lastSurface = (): FakeSurface => {
		const s = surfaces[surfaces.length - 1];
		if (!s) throw new Error("no view opened");
		return s;
	};
	return { controller, players, settings, host, surfaces, lastPlayer, lastSurface };
}

/** Lets queued promise callbacks run. */
export async function flush(): Promise<void> {
	for (let i = 0; i < 5; i++) await Promise.resolve();
}
