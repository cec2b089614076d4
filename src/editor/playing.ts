import { StateEffect, StateField } from "@codemirror/state";

/** The citation being played, as the editor needs it: its video (by `videoKey`) and its moment. */
export interface PlayingMoment {
	video: string;
	seconds: number;
	/** Where the moment is first cited in the note: only that copy is marked (-1: none known). */
	from: number;
}

/**
 * Sets the moment being played. Dispatched by the editor's playback subscription, and only when the
 * playing citation changes, never on every time update: that is how the playing position enters
 * CodeMirror.
 */
export const setPlaying = StateEffect.define<PlayingMoment | null>();

/** The moment being played in this editor's note, or `null`; chips and marks of that moment show `is-playing`. */
export const playingField = StateField.define<PlayingMoment | null>({
	create: () => null,
	update(value, tr) {
		for (const effect of tr.effects) if (effect.is(setPlaying)) value = effect.value;
		return value;
	},
});

/** Whether two moments are the same (both `null` counts). */
export function sameMoment(a: PlayingMoment | null, b: PlayingMoment | null): boolean {
	return a === b || (a !== null && b !== null && a.video === b.video && a.seconds === b.seconds && a.from === b.from);
}
