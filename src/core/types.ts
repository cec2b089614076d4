/** A video a note (or one citation) points at. */
export type VideoRef =
	| { kind: "youtube"; id: string; start?: number }
	| { kind: "file"; path: string }
	| { kind: "url"; url: string };

/**
 * Which written form a citation takes: a `yt-timestamp` element, a markdown or wiki link to a
 * moment (`[0:26](https://youtu.be/ID?t=26)`, `[[talk.mp4#t=90]]`), or an empty-target time link
 * (`[02:01]()`) that plays the note's video.
 */
export type CitationForm = "element" | "link" | "bare";

/** What every citation has, valid or not. */
export interface CitationBase {
	/** Which written form it is. */
	form: CitationForm;
	/** What the reader sees: the element's or link's text, or the formatted time when that is empty. */
	label: string;
	/** Offset of the element's `<` (of the backslash before it, for an escaped `\<a`) or the link's `[`. */
	from: number;
	/** Offset just past the element's closing tag (or its opening tag when it has none), or past the link. */
	to: number;
	/** 0-based line of `from`. */
	line: number;
	/** The sentence or list item the citation backs, as plain text. */
	text: string;
	/** The headings above the citation, outermost first, as plain text. */
	headings: string[];
	/** Index of the claim: anchors right after one sentence share it (and their `text`). */
	claim: number;
	/**
	 * The video the citation names itself, which wins over the note's: an element's `data-v`, a
	 * YouTube link's video, a linked media file (a vault linkpath as written) or URL. Absent: the
	 * note's video.
	 */
	video?: VideoRef;
}

/**
 * How a citation's time was read when it was not simply its clean `data-t` as written, for code
 * to branch on (the human words are in `repaired`):
 * - `range`: `data-t` holds a range; plays from its start.
 * - `brackets`: `data-t` has stray brackets around a clean time.
 * - `malformed`: a time-shaped part of a malformed value.
 * - `attribute`: a time found in a broken attribute (`data-00:12:34"`, `data=t=…`, `href`).
 * - `label`: the label's time, because `data-t` is missing, not a time, or less trustworthy.
 * - `unclosed`: the opening tag never closes.
 * - `minutes-seconds`: a three-field time read as minutes:seconds plus a third field, as its note is written.
 * - `ambiguous`: the note's evidence cannot tell its two readings apart; `alternative` holds the other.
 * - `past-end`: no reading fits before the end of the video.
 * - `mangled-tag`: a mangled class or tag (`class="yt="yt-timestamp"`, `< a`, `\<a`) still read as a citation.
 */
export type RepairKind =
	| "range"
	| "brackets"
	| "malformed"
	| "attribute"
	| "label"
	| "unclosed"
	| "minutes-seconds"
	| "ambiguous"
	| "past-end"
	| "mangled-tag";

/** A citation whose moment could be read. */
export interface TimedCitation extends CitationBase {
	/** The moment, in seconds (finite, non-negative). */
	seconds: number;
	/** The end of a range (`00:01:02]-[00:01:30]`), when the element gives one. */
	end?: number;
	/** Why the time was not read from a clean `data-t` as written, in words for a tooltip. */
	repaired?: string;
	/** The same, for code: set exactly when `repaired` is. */
	repair?: RepairKind;
	/** The other reading of a time its note leaves ambiguous (`repair: "ambiguous"`), in seconds. */
	alternative?: number;
	invalid?: undefined;
}

/** An element that yields no usable time (or names an unusable video): shown, never seeked. */
export interface InvalidCitation extends CitationBase {
	seconds: null;
	/** Why it cannot be played, in words a person can act on. */
	invalid: string;
	end?: undefined;
	repaired?: undefined;
	repair?: undefined;
	alternative?: undefined;
}

/** One citation of a note, in any {@link CitationForm}. */
export type Citation = TimedCitation | InvalidCitation;
