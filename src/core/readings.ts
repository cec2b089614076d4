/**
 * Choosing, for each time of a note, which of its readings it means.
 *
 * A three-field time has two readings: hours:minutes:seconds as written (`01:31:00` is 5460 s), or
 * minutes:seconds plus a third field that generators add (frames, or noise): `01:31:00` is 91 s.
 * Generated notes write both styles, sometimes in one note, so no single rule reads a note right.
 * Each citation's readings get a cost from what the time says on its own (a first field no video
 * reaches as hours, a third field the note repeats like a frame count, a label that agrees with one
 * reading) and the whole sequence is read at the least total cost, where citing backwards and
 * switching style between neighbours cost too: notes mostly cite forward and keep one style. A style
 * is paid for once, where a stretch of the note takes it, not per time: a run of times that fits
 * either style (`01:31:00 … 04:34:01`) goes with the style of the times around it. A
 * Viterbi pass over the citations finds that sequence in linear time; a second pass gives each
 * citation the cost of its best alternative, so a choice the evidence barely settles is reported as
 * ambiguous rather than made silently.
 */

/** One time of a note as the chooser sees it. */
export interface TimeWitness {
	/** The seconds as written (hours:minutes:seconds for a three-field time). */
	seconds: number;
	/** The fields of a three-field time as written (`[h, m, s]`), else `null`: nothing to choose. */
	fields: readonly [number, number, number] | null;
	/** A label that gives its own time (`data-t="57:47:04">[00:57:47]`): its fields, or `null`. */
	label: readonly number[] | null;
	/** Whether the time plays the note's own video (the duration only applies to those). */
	ownVideo: boolean;
}

/** What the chooser decided for one time. */
export interface ChosenReading {
	seconds: number;
	/** How it was read: as written, as minutes:seconds, from the label, or left ambiguous. */
	kind: "as-written" | "minutes-seconds" | "label" | "ambiguous" | "past-end";
	/** The other reading, for `ambiguous`. */
	alternative?: number;
}

/** Style of a reading: neutral times (one reading) carry their neighbour's style. */
const H = 1;
const M = 2;

/** Costs, in one unit: a backward step, a style switch, a reading past the end of the video. */
const BACKWARD = 3;
const SWITCH = 2;
const PAST_END = 30;
/** A choice whose best alternative costs less than this much more is ambiguous. */
const AMBIGUOUS_MARGIN = 1.5;
/** A label's own reading is second to `data-t`'s; agreeing with one of `data-t`'s readings is worth this. */
const LABEL_COST = 1;
const AGREEMENT = 1;
/** Reading the note's repeated third field (its frame count) as seconds. */
const FRAME_AS_SECONDS = 0.7;

/** How a reading came about, as stored in {@link States}. */
const KINDS = ["as-written", "minutes-seconds", "label"] as const;
const AS_WRITTEN = 0;
const MINUTES = 1;
const LABEL = 2;
/** Who gives a reading: `data-t`, the label, or both. */
const FROM_DATA = 1;
const FROM_LABEL = 2;

/** What the note says as a whole: how often it repeats a third field, and whether it must be minutes:seconds somewhere. */
interface NoteEvidence {
	/** The third field most of the note's three-field times share (a frame count), or -1. */
	frameValue: number;
	/** Whether the note writes a time that is hardly hours (a first field of 6 or more, or a label that says so). */
	minutesSomewhere: boolean;
	duration: number | undefined;
}

/**
 * Chooses a reading for every time of a note, in document order. Returns `null` when every time
 * reads as written (the common case: no three-field time or nothing to weigh), else one entry per
 * witness.
 */
export function chooseReadings(witnesses: readonly TimeWitness[], duration?: number): ChosenReading[] | null {
	const evidence = noteEvidence(witnesses, duration);
	if (!evidence) return null;
	const states = SCRATCH.reset(witnesses.length);
	witnesses.forEach((w, i) => addReadings(states, i, w, evidence));
	return decide(states, evidence);
}

function noteEvidence(witnesses: readonly TimeWitness[], duration: number | undefined): NoteEvidence | null {
	const thirds = new Map<number, number>();
	let threeFields = 0;
	let minutesSomewhere = false;
	let worthWeighing = duration !== undefined;
	for (const w of witnesses) {
		if (!w.fields) continue;
		threeFields++;
		const [h, , s] = w.fields;
		thirds.set(s, (thirds.get(s) ?? 0) + 1);
		// No talk reaches six hours: such a first field is minutes, and the note is worth weighing.
		if (h >= 6) minutesSomewhere = worthWeighing = true;
		if (w.label) worthWeighing = true;
		if (w.label && minutesReading(w.fields) === asWritten(w.label)) minutesSomewhere = true;
	}
	if (threeFields === 0) return null;
	let frameValue = -1;
	let best = 0;
	for (const [value, count] of thirds) {
		if (count > best) {
			best = count;
			frameValue = value;
		}
	}
	if (best < 3 || best < 0.5 * threeFields) frameValue = -1;
	if (frameValue >= 0) worthWeighing = true;
	if (!worthWeighing) return null;
	return { frameValue, minutesSomewhere, duration: duration !== undefined && duration > 0 ? duration : undefined };
}

function asWritten(fields: readonly number[]): number {
	let s = 0;
	for (const f of fields) s = s * 60 + f;
	return s;
}

function minutesReading(fields: readonly [number, number, number]): number {
	return fields[0] * 60 + fields[1];
}

/** How unlikely a first field is as hours, when the video's length is not known. */
function hoursCost(h: number): number {
	if (h <= 2) return 0;
	if (h <= 5) return (h - 2) * 0.05;
	if (h <= 9) return 4;
	if (h <= 23) return 8;
	return PAST_END;
}

/** How unlikely a minutes:seconds reading is, from its third field and what the note shows. */
function minutesCost(fields: readonly [number, number, number], evidence: NoteEvidence): number {
	const third = fields[2];
	// `00:14:48` as 14 s: a note written as minutes:seconds has few times in its first minute, one
	// written as hours many; and such a time whose third field is not the note's frame count is seconds.
	if (fields[0] === 0) return third === evidence.frameValue ? 1 : 1.5;
	if (third === evidence.frameValue) return evidence.minutesSomewhere ? 0 : 0.3;
	if (third === 0) return evidence.minutesSomewhere ? 0.05 : 0.15;
	return 0.1;
}

/** At most four readings a time, each in at most two styles. */
const MAX_STATES = 8;

/**
 * The states of every time, flat (no object per reading): state `k` of time `i` sits at
 * `i * MAX_STATES + k` and is one reading of that time in a style it may carry. A neutral reading
 * (one with no alternative, or a time with one reading) carries either style, so it is two states.
 */
class States {
	count!: Uint8Array;
	style!: Uint8Array;
	kind!: Uint8Array;
	from!: Uint8Array;
	seconds!: Float64Array;
	cost!: Float64Array;
	/** The least-cost pass's two tables, one entry per state. */
	forward!: Float64Array;
	backward!: Float64Array;
	n = 0;

	/**
	 * Makes room for `n` times, emptied. The arrays are kept and reused from one note to the next
	 * (reading is synchronous): allocating typed arrays per note cost more than the pass itself.
	 */
	reset(n: number): this {
		this.n = n;
		if (!this.count || this.count.length < n) {
			const size = Math.max(n, 2 * (this.count?.length ?? 0), 64);
			this.count = new Uint8Array(size);
			this.style = new Uint8Array(size * MAX_STATES);
			this.kind = new Uint8Array(size * MAX_STATES);
			this.from = new Uint8Array(size * MAX_STATES);
			this.seconds = new Float64Array(size * MAX_STATES);
			this.cost = new Float64Array(size * MAX_STATES);
			this.forward = new Float64Array(size * MAX_STATES);
			this.backward = new Float64Array(size * MAX_STATES);
		} else this.count.fill(0, 0, n);
		return this;
	}

	/**
	 * Adds a reading of time `i`. One that `data-t` and the label both give is cheaper (they agree);
	 * one past the end of the video costs {@link PAST_END} more.
	 */
	add(i: number, seconds: number, style: number, cost: number, kind: number, from: number, duration: number | undefined): void {
		if (duration !== undefined && seconds > duration + 1) cost += PAST_END;
		const base = i * MAX_STATES;
		const count = this.count[i] as number;
		let merged = false;
		for (let k = base; k < base + count; k++) {
			if (this.seconds[k] !== seconds) continue;
			const agree = ((this.from[k] as number) & from) === 0;
			this.cost[k] = Math.min(this.cost[k] as number, cost) - (agree ? AGREEMENT : 0);
			this.from[k] = (this.from[k] as number) | from;
			merged = true;
		}
		if (merged) return;
		for (let st = style || H; st <= (style || M) && this.count[i]! < MAX_STATES; st++) {
			const at = base + (this.count[i] as number);
			this.style[at] = st;
			this.kind[at] = kind;
			this.from[at] = from;
			this.seconds[at] = seconds;
			this.cost[at] = cost;
			this.count[i] = (this.count[i] as number) + 1;
		}
	}
}

const SCRATCH = new States();

/** The readings of one time: as written, as minutes:seconds, and the label's. */
function addReadings(states: States, i: number, w: TimeWitness, evidence: NoteEvidence): void {
	if (!w.fields) {
		states.add(i, w.seconds, 0, 0, AS_WRITTEN, FROM_DATA, undefined);
		return;
	}
	const duration = w.ownVideo ? evidence.duration : undefined;
	const [h, m, third] = w.fields;
	// Seconds that repeat the note's frame count are unlikely as seconds in a note that is minutes:seconds elsewhere.
	const frameLike = third === evidence.frameValue && evidence.minutesSomewhere ? FRAME_AS_SECONDS : 0;
	// `00:00:22` reads within the first minute either way: no second reading, and no style to carry.
	const twoReadings = (h > 0 || m > 0) && m < 60;
	states.add(i, w.seconds, twoReadings ? H : 0, (duration !== undefined ? 0 : hoursCost(h)) + frameLike, AS_WRITTEN, FROM_DATA, duration);
	if (twoReadings) states.add(i, minutesReading(w.fields), M, minutesCost(w.fields, evidence), MINUTES, FROM_DATA, duration);
	const label = w.label;
	if (!label) return;
	if (label.length === 3) {
		const fields = label as unknown as [number, number, number];
		states.add(i, asWritten(label), H, LABEL_COST + (duration !== undefined ? 0 : hoursCost(fields[0])), LABEL, FROM_LABEL, duration);
		if ((fields[0] > 0 || fields[1] > 0) && fields[1] < 60) states.add(i, minutesReading(fields), M, LABEL_COST + minutesCost(fields, evidence), LABEL, FROM_LABEL, duration);
	} else states.add(i, asWritten(label), 0, LABEL_COST, LABEL, FROM_LABEL, duration);
}

/**
 * What moving from one reading to the next costs: a switch of style, and a step backwards weighed
 * by its size relative to where it starts, so the two readings of one run of times (which differ
 * by a factor of sixty) cost the same, and a small step back costs little.
 */
function step(states: States, from: number, to: number): number {
	const before = states.seconds[from] as number;
	const back = before - (states.seconds[to] as number);
	const order = back > 0 ? BACKWARD * Math.min(1, (2 * back) / before) : 0;
	return order + (states.style[from] !== states.style[to] ? SWITCH : 0);
}

function decide(states: States, evidence: NoteEvidence): ChosenReading[] {
	const n = states.n;
	// forward[at]: least cost of times 0..i ending in that state; backward[at]: of times i+1..n-1 after it.
	const { forward, backward } = states;
	// Nothing follows the last time.
	backward.fill(0, (n - 1) * MAX_STATES, n * MAX_STATES);
	for (let i = 0; i < n; i++) {
		for (let k = 0; k < (states.count[i] as number); k++) {
			const at = i * MAX_STATES + k;
			// A note starts as written: its first minutes:seconds reading is half a switch of style.
			let best = states.style[at] === M ? SWITCH / 2 : 0;
			if (i > 0) {
				best = Infinity;
				for (let p = 0; p < (states.count[i - 1] as number); p++) {
					const from = (i - 1) * MAX_STATES + p;
					const c = (forward[from] as number) + step(states, from, at);
					if (c < best) best = c;
				}
			}
			forward[at] = best + (states.cost[at] as number);
		}
	}
	for (let i = n - 2; i >= 0; i--) {
		for (let k = 0; k < (states.count[i] as number); k++) {
			const at = i * MAX_STATES + k;
			let best = Infinity;
			for (let q = 0; q < (states.count[i + 1] as number); q++) {
				const to = (i + 1) * MAX_STATES + q;
				const c = step(states, at, to) + (states.cost[to] as number) + (backward[to] as number);
				if (c < best) best = c;
			}
			backward[at] = best;
		}
	}
	const out: ChosenReading[] = [];
	for (let i = 0; i < n; i++) {
		const base = i * MAX_STATES;
		const count = states.count[i] as number;
		// The least total cost with this time in each state; ties keep the reading as written.
		let best = base;
		let bestCost = Infinity;
		for (let at = base; at < base + count; at++) {
			const total = (forward[at] as number) + (backward[at] as number);
			const tieToWritten = Math.abs(total - bestCost) <= 1e-9 && states.kind[at] === AS_WRITTEN && states.kind[best] !== AS_WRITTEN;
			if (total < bestCost - 1e-9 || tieToWritten) {
				best = at;
				bestCost = total;
			}
		}
		let alternative: number | undefined;
		let alternativeCost = Infinity;
		for (let at = base; at < base + count; at++) {
			if (states.seconds[at] === states.seconds[best]) continue;
			const total = (forward[at] as number) + (backward[at] as number);
			if (total < alternativeCost) {
				alternativeCost = total;
				alternative = states.seconds[at];
			}
		}
		out.push(reading(states, best, base, alternative, alternativeCost - bestCost, evidence));
	}
	return out;
}

function reading(states: States, chosen: number, written: number, alternative: number | undefined, margin: number, evidence: NoteEvidence): ChosenReading {
	const seconds = states.seconds[chosen] as number;
	// No reading fits: the time stays as written, and says so.
	if (evidence.duration !== undefined && (states.cost[chosen] as number) >= PAST_END - AGREEMENT) return { seconds: states.seconds[written] as number, kind: "past-end" };
	if (alternative !== undefined && margin < AMBIGUOUS_MARGIN && Math.abs(alternative - seconds) >= 60) {
		return { seconds, kind: "ambiguous", alternative };
	}
	return { seconds, kind: ((states.from[chosen] as number) & FROM_DATA) !== 0 ? KINDS[states.kind[chosen] as number] ?? "as-written" : "label" };
}
