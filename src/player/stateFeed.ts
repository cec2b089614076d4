import type { PlaybackFeed, PlaybackState } from "./types";

/** Nothing loaded, nothing playing. */
export const IDLE_STATE: Readonly<PlaybackState> = Object.freeze({ video: null, seconds: 0, playing: false, duration: null, rate: 1, timeUnknown: false, loaded: false });

/**
 * The playback state as a feed: every change is a new frozen snapshot, handed to every
 * subscriber (one failing subscriber does not stop the others).
 */
export class StateFeed implements PlaybackFeed {
	private current: Readonly<PlaybackState> = IDLE_STATE;
	private readonly listeners = new Set<(state: Readonly<PlaybackState>) => void>();

	get state(): Readonly<PlaybackState> {
		return this.current;
	}

	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Applies `patch` and tells every subscriber, even when nothing changed (a time update). */
	update(patch: Partial<PlaybackState>): void {
		this.current = Object.freeze({ ...this.current, ...patch });
		for (const listener of [...this.listeners]) {
			try {
				listener(this.current);
			} catch (e) {
				console.error("Video Citations: a playback listener failed", e);
			}
		}
	}

	/** Forgets every subscriber (the plugin is unloading). */
	clear(): void {
		this.listeners.clear();
	}
}
