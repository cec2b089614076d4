import type { VideoRef } from "../core";

/** What a drawn citation element stands for: the moment it plays, in which video, from which note. */
export interface CitationTarget {
	/** The cited moment, in seconds. */
	seconds: number;
	/** The video it plays. */
	video: VideoRef;
	/** The note the citation is in, when the view that drew it knows (else the note view holding it says). */
	notePath?: string;
	/** The claim it backs, when the view that drew it has it at hand (else it is read from the note). */
	claim?: string;
}

/** Drawn elements and the citations they stand for; an element that goes is forgotten with it. */
const targets = new WeakMap<Element, CitationTarget>();

/**
 * Records that `el` stands for a playable citation. The views that draw citations (reading-view
 * links, Live Preview chips, panel rows and chips) call it as they draw, so other features (the
 * transcript popover) can tell what a hovered or focused element cites without knowing those views.
 */
export function markCitationTarget(el: Element, target: CitationTarget): void {
	targets.set(el, target);
}

/** Forgets `el` (its view took the citation away but keeps the element). */
export function unmarkCitationTarget(el: Element): void {
	targets.delete(el);
}

/** The citation `el` itself stands for, if a view marked it. */
export function citationTargetOf(el: Element): CitationTarget | undefined {
	return targets.get(el);
}

/** The nearest element from `el` up (itself included) that stands for a citation, with what it cites. */
export function closestCitationTarget(el: Element | null): { el: Element; target: CitationTarget } | null {
	for (let node = el; node; node = node.parentElement) {
		const target = targets.get(node);
		if (target) return { el: node, target };
	}
	return null;
}
