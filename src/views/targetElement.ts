/** The element an event happened on: the parent element for text and SVG targets, across windows. */
export function targetElement(evt: Event): HTMLElement | null {
	const target = evt.target as Node | null;
	if (!target) return null;
	return target.instanceOf(HTMLElement) ? target : target.parentElement;
}
