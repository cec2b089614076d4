import { playingIndex, videoKey, type VideoRef } from "../core";
import type { PlaybackFeed, PlaybackState } from "../player/types";

/** What the registry needs from a rendered section. */
export interface LiveSection {
	/** The rendered document the section belongs to (`ctx.docId`): one note in one pane. */
	readonly docId: string;
	/** The section's links that can play, with their moment and video. */
	playable(): Iterable<{ el: HTMLElement; seconds: number; video: VideoRef }>;
	/** Releases the section (its listeners and its registry entry). */
	unload(): void;
}

interface Entry {
	el: HTMLElement;
	seconds: number;
	section: LiveSection;
}

/** The links of one rendered note that play one video, kept sorted by time. */
interface Group {
	videoKey: string;
	docId: string;
	entries: Entry[];
	/** `entries`' seconds in order; rebuilt only after sections come or go. */
	seconds: number[] | null;
	/** The link carrying `is-playing`. */
	current: HTMLElement | null;
}

/**
 * The registry of rendered sections, and "now playing" for all of them from ONE subscription to
 * the playback feed. Sections join when they load and leave when their render child unloads.
 * Links are grouped by video and rendered note, so a time update costs one binary search per
 * note showing the playing video, and the DOM is touched only when the playing citation changes.
 */
export class LiveSections {
	private sections = new Map<LiveSection, Group[]>();
	private groups = new Map<string, Map<string, Group>>();
	private playingKey: string | null = null;

	constructor(private feed: PlaybackFeed) {}

	/** Follows the feed until the returned function is called, which also releases every live section. */
	start(): () => void {
		const unsubscribe = this.feed.subscribe((state) => this.follow(state));
		this.follow(this.feed.state);
		return () => {
			unsubscribe();
			for (const section of [...this.sections.keys()]) section.unload();
			this.sections.clear();
			this.groups.clear();
			this.playingKey = null;
		};
	}

	/** How many sections are live (for tests and leak checks). */
	get size(): number {
		return this.sections.size;
	}

	/** Adds a section's playable links, highlighting at once if their video is playing. */
	add(section: LiveSection): void {
		if (this.sections.has(section)) return;
		const joined: Group[] = [];
		// Links of a section nearly always share one video object: key and group it once.
		let lastVideo: VideoRef | null = null;
		let group: Group | null = null;
		for (const { el, seconds, video } of section.playable()) {
			if (video !== lastVideo || !group) {
				group = this.groupFor(videoKey(video), section.docId);
				lastVideo = video;
				if (!joined.includes(group)) joined.push(group);
			}
			group.entries.push({ el, seconds, section });
			group.seconds = null;
		}
		this.sections.set(section, joined);
		for (const group of joined) this.sync(group);
	}

	/** Removes a section's links; the highlight moves to what remains of its note, if anything. */
	remove(section: LiveSection): void {
		const joined = this.sections.get(section);
		if (!joined) return;
		this.sections.delete(section);
		for (const group of joined) {
			group.entries = group.entries.filter((e) => e.section !== section);
			group.seconds = null;
			if (group.current && !group.entries.some((e) => e.el === group.current)) this.highlight(group, null);
			if (group.entries.length > 0) {
				this.sync(group);
				continue;
			}
			const byDoc = this.groups.get(group.videoKey);
			byDoc?.delete(group.docId);
			if (byDoc?.size === 0) this.groups.delete(group.videoKey);
		}
	}

	private follow(state: Readonly<PlaybackState>): void {
		// Only a player that loaded the video and reached the moment marks a citation as playing.
		const key = state.video && state.loaded !== false ? videoKey(state.video) : null;
		if (key !== this.playingKey) {
			if (this.playingKey !== null) {
				for (const group of this.groups.get(this.playingKey)?.values() ?? []) this.highlight(group, null);
			}
			this.playingKey = key;
		}
		if (key === null) return;
		for (const group of this.groups.get(key)?.values() ?? []) this.refresh(group, state.seconds);
	}

	private sync(group: Group): void {
		if (group.videoKey === this.playingKey) this.refresh(group, this.feed.state.seconds);
	}

	private refresh(group: Group, seconds: number): void {
		if (group.seconds === null) {
			group.entries.sort((a, b) => a.seconds - b.seconds);
			group.seconds = group.entries.map((e) => e.seconds);
		}
		let i = playingIndex(group.seconds, seconds);
		// A moment cited twice: the first copy is marked, as in the panel and the editor.
		while (i > 0 && group.seconds[i - 1] === group.seconds[i]) i--;
		this.highlight(group, i >= 0 ? (group.entries[i] as Entry).el : null);
	}

	private highlight(group: Group, el: HTMLElement | null): void {
		if (el === group.current) return;
		group.current?.removeClass("is-playing");
		el?.addClass("is-playing");
		group.current = el;
	}

	private groupFor(key: string, docId: string): Group {
		let byDoc = this.groups.get(key);
		if (!byDoc) {
			byDoc = new Map();
			this.groups.set(key, byDoc);
		}
		let group = byDoc.get(docId);
		if (!group) {
			group = { videoKey: key, docId, entries: [], seconds: null, current: null };
			byDoc.set(docId, group);
		}
		return group;
	}
}
