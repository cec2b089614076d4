/** Where the player lives: its own side view, on top of each note, or "auto" (top on mobile, side elsewhere). */
export type PlayerPlacement = "auto" | "side" | "top";
/** Where the player view opens. */
export type PlayerLocation = "right" | "split" | "window";
/** What happens when the active note names another video than the one loaded. */
export type FollowNote = "switch" | "ask" | "off";
/** What the insert-timestamp command writes. */
export type InsertFormat = "anchor" | "link";

/** Every setting of the plugin, with its saved name. */
export interface VideoCitationsSettings {
	/** Side view or top of the note; "auto" until the user chooses, so a synced vault follows each device. */
	playerPlacement: PlayerPlacement;
	/** Where the player opens: right sidebar, a split beside the note, or its own window. */
	playerLocation: PlayerLocation;
	/** Switch the player to the active note's video, ask first, or leave it. */
	followActiveNote: FollowNote;
	/** Play from youtube-nocookie.com. */
	privacyMode: boolean;
	/** Show a YouTube video's thumbnail (from i.ytimg.com) on its poster before it plays: off, nothing is fetched until play. */
	showThumbnails: boolean;
	/** Start playing after a seek link is clicked. */
	playOnSeek: boolean;
	/** Seconds the skip back/forward commands move. */
	seekStepSeconds: number;
	/** What insert-timestamp writes. */
	insertFormat: InsertFormat;
	/** Seconds insert-timestamp subtracts from the playing time (you cite what you just heard). */
	insertRewindSeconds: number;
	/** Plain click opens the moment on youtube.com and Mod-click seeks the player (swapped). */
	clickOpensBrowser: boolean;
	/** YouTube links with a time (to the note's video or another) seek the player too. */
	seekYouTubeLinks: boolean;
	/** Other plugins' forms are citations too: media-fragment links (`[[talk.mp4#t=90]]`) and empty-target time links (`[02:01]()`). */
	otherForms: boolean;
	/** The citations panel scrolls to the citation being played. */
	panelFollowsPlayback: boolean;
	/** A cited range plays over and over until the player is moved elsewhere (else it pauses at its end). */
	loopRanges: boolean;
	/** Insert-timestamp pauses the video (else it keeps playing while you type). */
	pauseOnInsert: boolean;
	/** A YouTube video with no subtitle file in the vault gets its captions fetched from YouTube (off: nothing is fetched). */
	fetchYouTubeTranscripts: boolean;
}

/** Defaults that work for the corpus notes. */
export const DEFAULT_SETTINGS: Readonly<VideoCitationsSettings> = Object.freeze({
	playerPlacement: "auto",
	playerLocation: "right",
	followActiveNote: "switch",
	privacyMode: false,
	showThumbnails: false,
	playOnSeek: true,
	seekStepSeconds: 5,
	insertFormat: "anchor",
	insertRewindSeconds: 0,
	clickOpensBrowser: false,
	seekYouTubeLinks: true,
	otherForms: true,
	panelFollowsPlayback: true,
	loopRanges: false,
	pauseOnInsert: false,
	fetchYouTubeTranscripts: false,
});

const CHOICES: Partial<Record<keyof VideoCitationsSettings, readonly string[]>> = {
	playerPlacement: ["auto", "side", "top"],
	playerLocation: ["right", "split", "window"],
	followActiveNote: ["switch", "ask", "off"],
	insertFormat: ["anchor", "link"],
};

const RANGES: Partial<Record<keyof VideoCitationsSettings, readonly [number, number]>> = {
	seekStepSeconds: [1, 600],
	insertRewindSeconds: [0, 60],
};

/**
 * Where the player is with the `playerPlacement` setting on this device: "auto" puts it on top of
 * the note on mobile, where a sidebar player hides in a drawer, and in the side view elsewhere.
 */
export function resolvePlacement(setting: PlayerPlacement, mobile: boolean): "side" | "top" {
	if (setting === "auto") return mobile ? "top" : "side";
	return setting;
}

/** Settings read from saved data, and the names of the saved values that could not be used. */
export interface LoadedSettings {
	settings: VideoCitationsSettings;
	rejected: string[];
}

/**
 * Reads saved data into settings: every known key of the right type and range is kept, anything
 * else falls back to its default and is named in `rejected`. Unknown keys are ignored.
 */
export function readSettings(saved: unknown): LoadedSettings {
	const settings: VideoCitationsSettings = { ...DEFAULT_SETTINGS };
	const rejected: string[] = [];
	if (saved === null || saved === undefined) return { settings, rejected };
	if (typeof saved !== "object" || Array.isArray(saved)) return { settings, rejected: ["(all settings)"] };
	const data = saved as Record<string, unknown>;
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof VideoCitationsSettings)[]) {
		if (!(key in data)) continue;
		const value = data[key];
		if (isValid(key, value)) (settings as unknown as Record<string, unknown>)[key] = value;
		else rejected.push(key);
	}
	return { settings, rejected };
}

/** Whether `value` is acceptable for setting `key`. */
export function isValid(key: keyof VideoCitationsSettings, value: unknown): boolean {
	const fallback = DEFAULT_SETTINGS[key];
	if (typeof value !== typeof fallback) return false;
	const choices = CHOICES[key];
	if (choices) return choices.includes(value as string);
	const range = RANGES[key];
	if (range) return typeof value === "number" && Number.isFinite(value) && value >= range[0] && value <= range[1];
	return true;
}
