import type { VideoCitationsSettings } from "./settings";

/** One setting as the settings tab shows it. */
export type SettingSpec =
	| { key: keyof VideoCitationsSettings; name: string; desc: string; type: "toggle" }
	| { key: keyof VideoCitationsSettings; name: string; desc: string; type: "dropdown"; options: Record<string, string> }
	| { key: keyof VideoCitationsSettings; name: string; desc: string; type: "number"; min: number; max: number; step: number };

/** A titled group of settings. */
export interface SettingGroupSpec {
	heading: string;
	items: SettingSpec[];
}

/** Every setting, grouped, in the order the settings tab shows them. */
export const SETTING_GROUPS: SettingGroupSpec[] = [
	{
		heading: "Player",
		items: [
			{
				key: "playerPlacement",
				name: "Player placement",
				desc: "Play videos in a side view, or pinned on top of each note that names a video. Automatic uses the top of the note on mobile and the side view on desktop.",
				type: "dropdown",
				options: { auto: "Automatic", side: "Side view", top: "Top of the note" },
			},
			{
				key: "playerLocation",
				name: "Open the player in",
				desc: "Where the side view opens when a timestamp is clicked and no player is open.",
				type: "dropdown",
				options: { right: "Right sidebar", split: "Split beside the note", window: "New window" },
			},
			{
				key: "followActiveNote",
				name: "When the active note has another video",
				desc: "Switch the player to it, ask first, or keep the current video. The position of the old video is remembered.",
				type: "dropdown",
				options: { switch: "Switch to it", ask: "Ask first", off: "Keep the current video" },
			},
			{ key: "playOnSeek", name: "Play after a timestamp is clicked", desc: "Off: the player only moves to the moment.", type: "toggle" },
			{
				key: "loopRanges",
				name: "Loop cited ranges",
				desc: "A cited range (1:02–1:30) plays over and over until you move the player elsewhere. Off: it pauses at its end; Alt-click loops it.",
				type: "toggle",
			},
			{
				key: "privacyMode",
				name: "Privacy-enhanced YouTube",
				desc: "Play YouTube videos from youtube-nocookie.com, which stores no cookies until you play.",
				type: "toggle",
			},
			{
				key: "showThumbnails",
				name: "Show YouTube thumbnails",
				desc: "Show the video's picture on the player before it plays. Fetched from YouTube's image server (i.ytimg.com) when a note opens; off, nothing reaches YouTube until you play.",
				type: "toggle",
			},
			{ key: "seekStepSeconds", name: "Skip step", desc: "Seconds the skip back and skip forward commands move.", type: "number", min: 1, max: 600, step: 1 },
		],
	},
	{
		heading: "Timestamps",
		items: [
			{
				key: "clickOpensBrowser",
				name: "Click opens YouTube",
				desc: "On: a click opens the moment on youtube.com and Ctrl/Cmd-click plays it here. Off: the other way round.",
				type: "toggle",
			},
			{
				key: "seekYouTubeLinks",
				name: "YouTube links seek the player",
				desc: "Links in the note to a YouTube moment (youtu.be/…?t=120) play in the player instead of the browser.",
				type: "toggle",
			},
			{
				key: "otherForms",
				name: "Read other plugins' timestamps",
				desc: "Links to a moment of a media file ([[talk.mp4#t=90]]) and empty time links ([02:01]()) count as citations. Turn off if another plugin in this vault handles them.",
				type: "toggle",
			},
			{
				key: "insertFormat",
				name: "Inserted timestamp format",
				desc: "What the insert timestamp command writes at the cursor.",
				type: "dropdown",
				options: { anchor: 'Timestamp element: <a class="yt-timestamp" …>', link: "Markdown link: [46:51](https://youtu.be/…)" },
			},
			{
				key: "insertRewindSeconds",
				name: "Rewind inserted timestamps",
				desc: "Seconds to subtract from the playing time, so the timestamp points at the start of what you just heard.",
				type: "number",
				min: 0,
				max: 60,
				step: 1,
			},
			{
				key: "pauseOnInsert",
				name: "Pause when inserting",
				desc: "Insert timestamp pauses the video. Off: it keeps playing while you type.",
				type: "toggle",
			},
		],
	},
	{
		heading: "Citations panel",
		items: [
			{
				key: "panelFollowsPlayback",
				name: "Follow playback",
				desc: "Scroll the citations panel to the citation being played.",
				type: "toggle",
			},
		],
	},
	{
		heading: "Transcripts",
		items: [
			{
				key: "fetchYouTubeTranscripts",
				name: "Fetch YouTube transcripts",
				desc: "When a YouTube video has no subtitle file in the vault, fetch its captions from YouTube (the video's page, then its caption file) and keep them in the plugin's folder. Off: nothing is fetched; save a subtitle file named after the video id instead.",
				type: "toggle",
			},
		],
	},
];
