import type { PlayerSlot } from "./playerSlot";
import type { PinnedSurface } from "./surface";

/** A player pinned on top of a note, and its slot. */
export interface PinnedEntry {
	surface: PinnedSurface;
	slot: PlayerSlot;
}

/**
 * The players pinned on top of notes, most recently active last: a note open in two tabs has two
 * pinned players, and its seeks go to the one whose tab was active last.
 */
export class PinnedSlots {
	private entries: PinnedEntry[] = [];

	/** Every pinned player, most recently active last. */
	get all(): readonly PinnedEntry[] {
		return this.entries;
	}

	add(entry: PinnedEntry): void {
		this.entries = [...this.entries.filter((e) => e.surface !== entry.surface), entry];
	}

	/** Forgets the pinned player on `surface`; returns its entry. */
	remove(surface: PinnedSurface): PinnedEntry | null {
		const entry = this.of(surface);
		if (entry) this.entries = this.entries.filter((e) => e !== entry);
		return entry;
	}

	of(surface: PinnedSurface): PinnedEntry | null {
		return this.entries.find((e) => e.surface === surface) ?? null;
	}

	/** The pinned player of the note at `path` that was active last, if the note has one. */
	forNote(path: string | null | undefined): PinnedEntry | null {
		if (!path) return null;
		for (let i = this.entries.length - 1; i >= 0; i--) {
			const entry = this.entries[i] as PinnedEntry;
			if (entry.surface.notePath() === path) return entry;
		}
		return null;
	}

	/** Marks the pinned player on `surface` as the most recently active. */
	activate(surface: PinnedSurface): void {
		const entry = this.of(surface);
		if (entry) this.add(entry);
	}

	clear(): void {
		this.entries = [];
	}
}
