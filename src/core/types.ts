/** A video a note (or one citation) points at. */
export type VideoRef =
	| { kind: "youtube"; id: string; start?: number }
	| { kind: "file"; path: string }
	| { kind: "url"; url: string };

/** What every citation has, valid or not. */
export interface CitationBase {
	/** What the reader sees: the element's text, or the formatted time when that is empty. */
	label: string;
	/** Offset of the element's `<` in the note text. */
	from: number;
	/** Offset just past the element's closing tag (or its opening tag when it has none). */
	to: number;
	/** 0-based line of `from`. */
	line: number;
	/** The sentence or list item the citation backs, as plain text. */
	text: string;
	/** The headings above the citation, outermost first, as plain text. */
	headings: string[];
	/** Index of the claim: anchors right after one sentence share it (and their `text`). */
	claim: number;
	/** The YouTube id an element names itself (`data-v`), which wins over the note's video. */
	videoId?: string;
}

/** A citation whose moment could be read. */
export interface TimedCitation extends CitationBase {
	/** The moment, in seconds (finite, non-negative). */
	seconds: number;
	/** The end of a range (`00:01:02]-[00:01:30]`), when the element gives one. */
	end?: number;
	/** Why the time was not read from a clean `data-t`, when it was recovered from elsewhere. */
	repaired?: string;
	invalid?: undefined;
}

/** An element that yields no usable time (or names an unusable video): shown, never seeked. */
export interface InvalidCitation extends CitationBase {
	seconds: null;
	/** Why it cannot be played, in words a person can act on. */
	invalid: string;
	end?: undefined;
	repaired?: undefined;
}

/** One `yt-timestamp` element of a note. */
export type Citation = TimedCitation | InvalidCitation;
